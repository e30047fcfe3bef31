package io.fargatereconciler.desired.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Builds {@link YamlNode} trees from SnakeYAML's event stream. It refuses, at the offending position, what could
 * make a small file expensive: aliases (the "billion laughs" expansion), nesting deeper than {@link #MAX_DEPTH},
 * and explicit tags (which no desired-state field needs). Recursion is bounded by the depth limit.
 */
public final class YamlComposer {
    /** Deeper than any desired-state document needs (about 6 levels) and far from a stack overflow. */
    public static final int MAX_DEPTH = 32;

    private final Parser parser;
    private final List<YamlProblem> problems = new ArrayList<>();

    private YamlComposer(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE); // the caller has already bounded the file size
        options.setMaxAliasesForCollections(0);
        this.parser = new ParserImpl(new StreamReader(text), options);
    }

    /**
     * Reads every document of {@code text}; never throws for bad input. A duplicate or non-scalar key is reported
     * and skipped; anything else stops reading at that point.
     */
    public static ParsedYaml compose(String text) {
        return new YamlComposer(text).documents();
    }

    private ParsedYaml documents() {
        List<YamlNode> documents = new ArrayList<>();
        try {
            parser.getEvent(); // stream start
            while (!parser.checkEvent(Event.ID.StreamEnd)) {
                parser.getEvent(); // document start
                documents.add(node(1));
                parser.getEvent(); // document end
            }
        } catch (Refused refused) {
            problems.add(refused.problem);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null && e.getContext().contains("alias")) {
                problem = "a value starting with * is read as a YAML alias; quote it, e.g. schedule: \"*/5 * * * *\"";
            }
            problems.add(problemAt(mark, "YAML syntax error: " + problem));
        } catch (YAMLException e) {
            problems.add(new YamlProblem(1, 1, "YAML error: " + e.getMessage()));
        }
        return new ParsedYaml(documents, problems);
    }

    private YamlNode node(int depth) {
        Event event = parser.getEvent();
        if (event instanceof AliasEvent alias) {
            throw refused(alias.getStartMark(), "YAML aliases (*" + alias.getAnchor()
                    + ") are not supported: they let a small file expand without bound; write the value out");
        }
        if (depth > MAX_DEPTH) {
            throw refused(event.getStartMark(), "nested deeper than " + MAX_DEPTH + " levels; no desired-state field"
                    + " needs that, so the file is refused");
        }
        String tag = event instanceof ScalarEvent scalar ? scalar.getTag()
                : event instanceof CollectionStartEvent collection ? collection.getTag() : null;
        if (tag != null) {
            throw refused(event.getStartMark(), "explicit YAML tags (" + tag + ") are not supported; write plain values");
        }
        Mark start = event.getStartMark();
        if (event instanceof ScalarEvent scalar) {
            return new YamlNode.Scalar(scalar.getValue(), scalar.isPlain(), line(start), column(start));
        }
        if (event instanceof SequenceStartEvent) {
            return sequence(start, depth);
        }
        if (event instanceof MappingStartEvent) {
            return mapping(start, depth);
        }
        throw refused(start, "unexpected YAML " + event.getEventId());
    }

    private YamlNode.Sequence sequence(Mark start, int depth) {
        List<YamlNode> items = new ArrayList<>();
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            items.add(node(depth + 1));
        }
        parser.getEvent();
        return new YamlNode.Sequence(items, line(start), column(start));
    }

    private YamlNode.Mapping mapping(Mark start, int depth) {
        List<YamlNode.Entry> entries = new ArrayList<>();
        Map<String, YamlNode.Scalar> seen = new HashMap<>();
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Mark keyStart = parser.peekEvent().getStartMark();
            YamlNode keyNode = node(depth + 1);
            YamlNode value = node(depth + 1);
            if (!(keyNode instanceof YamlNode.Scalar key)) {
                problems.add(problemAt(keyStart, "mapping keys must be plain names, not lists or mappings"));
                continue;
            }
            YamlNode.Scalar first = seen.putIfAbsent(key.value(), key);
            if (first != null) {
                problems.add(problemAt(keyStart, "duplicate key '" + key.value() + "' (first at line "
                        + first.line() + "); remove one of them"));
                continue;
            }
            entries.add(new YamlNode.Entry(key, value));
        }
        parser.getEvent();
        return new YamlNode.Mapping(entries, line(start), column(start));
    }

    private static Refused refused(Mark mark, String message) {
        return new Refused(problemAt(mark, message));
    }

    private static YamlProblem problemAt(Mark mark, String message) {
        return mark == null ? new YamlProblem(1, 1, message) : new YamlProblem(line(mark), column(mark), message);
    }

    private static int line(Mark mark) {
        return mark.getLine() + 1;
    }

    private static int column(Mark mark) {
        return mark.getColumn() + 1;
    }

    /** Unwinds the composer to {@link #documents()}, which turns it into a {@link YamlProblem} value. */
    private static final class Refused extends RuntimeException {
        private final transient YamlProblem problem;

        Refused(YamlProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }
}
