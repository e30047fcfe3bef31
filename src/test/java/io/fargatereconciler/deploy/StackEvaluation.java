package io.fargatereconciler.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Evaluates a part of a CloudFormation template the way CloudFormation would for one set of parameter values:
 * {@code Ref}, {@code GetAtt}, {@code Sub}, {@code If} with the template's conditions ({@code Equals}, {@code Not},
 * {@code And}, {@code Or}, {@code Condition}), {@code Join}, {@code Split}, {@code Select} and {@code AWS::NoValue}.
 * Resources stand in by the values a test gives for their {@code Ref} and attributes. The result is plain Java:
 * strings, lists and maps.
 */
public final class StackEvaluation {
    private static final Object NO_VALUE = new Object();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final CloudFormationTemplate template;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, String> resourceRefs;
    private final Map<String, String> resourceAttributes;

    /**
     * @param given      parameter values by name (text, or a list for a CommaDelimitedList) and the pseudo
     *                   parameters ({@code AWS::Region}, {@code AWS::AccountId}, {@code AWS::Partition}, ...);
     *                   parameters not given take their template default
     * @param refs       what {@code Ref} of a resource gives, by logical id
     * @param attributes what {@code GetAtt} gives, by {@code LogicalId.Attribute}
     */
    public StackEvaluation(CloudFormationTemplate template, Map<String, Object> given, Map<String, String> refs,
                           Map<String, String> attributes) {
        this.template = template;
        this.resourceRefs = Map.copyOf(refs);
        this.resourceAttributes = Map.copyOf(attributes);
        template.section("Parameters").forEach((name, declaration) -> {
            Object value = given.containsKey(name) ? given.get(name)
                    : CloudFormationTemplate.scalarAt(declaration, "Default").orElseThrow(() ->
                    new AssertionError("parameter " + name + " has no default: give it a value"));
            boolean list = CloudFormationTemplate.scalarAt(declaration, "Type").orElse("").startsWith("List<")
                    || CloudFormationTemplate.scalarAt(declaration, "Type").orElse("").equals("CommaDelimitedList");
            parameters.put(name, list && value instanceof String text ? Arrays.asList(text.split(",", -1)) : value);
        });
        given.forEach((name, value) -> {
            if (name.startsWith("AWS::")) {
                parameters.put(name, value);
            }
        });
    }

    /** The value of {@code node} with every intrinsic function applied; properties set to NoValue are left out. */
    public Object evaluate(Node node) {
        Object value = value(node);
        return value == NO_VALUE ? null : value;
    }

    public boolean condition(String name) {
        Node definition = template.section("Conditions").get(name);
        if (definition == null) {
            throw new AssertionError("no condition " + name);
        }
        return truth(definition);
    }

    private Object value(Node node) {
        String tag = node.getTag().getValue();
        switch (tag) {
            case "!Ref" -> {
                return ref(((ScalarNode) node).getValue());
            }
            case "!GetAtt" -> {
                String attribute = ((ScalarNode) node).getValue();
                String value = resourceAttributes.get(attribute);
                if (value == null) {
                    throw new AssertionError("give a stand-in for GetAtt " + attribute);
                }
                return value;
            }
            case "!Sub" -> {
                return sub(node);
            }
            case "!If" -> {
                List<Node> args = ((SequenceNode) node).getValue();
                return condition(((ScalarNode) args.get(0)).getValue()) ? value(args.get(1)) : value(args.get(2));
            }
            case "!Join" -> {
                List<Node> args = ((SequenceNode) node).getValue();
                String delimiter = (String) value(args.get(0));
                return String.join(delimiter, list(value(args.get(1))));
            }
            case "!Split" -> {
                List<Node> args = ((SequenceNode) node).getValue();
                return Arrays.asList(((String) value(args.get(1))).split(java.util.regex.Pattern.quote(
                        (String) value(args.get(0))), -1));
            }
            case "!Select" -> {
                List<Node> args = ((SequenceNode) node).getValue();
                return list(value(args.get(1))).get(Integer.parseInt((String) value(args.get(0))));
            }
            default -> {
                return plain(node);
            }
        }
    }

    private Object plain(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                Object value = value(item);
                if (value != NO_VALUE) {
                    items.add(value);
                }
            }
            return items;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            Object value = value(tuple.getValueNode());
            if (value != NO_VALUE) {
                map.put(((ScalarNode) tuple.getKeyNode()).getValue(), value);
            }
        }
        return map;
    }

    private Object ref(String name) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        String resource = resourceRefs.get(name);
        if (resource == null) {
            throw new AssertionError("give a value for Ref " + name);
        }
        return resource;
    }

    private String sub(Node node) {
        String text;
        Map<String, Object> variables = new LinkedHashMap<>();
        if (node instanceof SequenceNode sequence) {
            text = ((ScalarNode) sequence.getValue().get(0)).getValue();
            CloudFormationTemplate.entries(sequence.getValue().get(1)).forEach((name, value) -> variables.put(name,
                    value(value)));
        } else {
            text = ((ScalarNode) node).getValue();
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Object value = variables.containsKey(name) ? variables.get(name)
                    : name.contains(".") && !name.startsWith("AWS::") ? resourceAttributes.get(name) : ref(name);
            if (!(value instanceof String)) {
                throw new AssertionError("Sub variable " + name + " is not text: " + value);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement((String) value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private boolean truth(Node node) {
        String tag = node.getTag().getValue();
        List<Node> args = node instanceof SequenceNode sequence ? sequence.getValue() : List.of();
        return switch (tag) {
            case "!Equals" -> String.valueOf(value(args.get(0))).equals(String.valueOf(value(args.get(1))));
            case "!Not" -> !truth(args.get(0));
            case "!And" -> args.stream().allMatch(this::truth);
            case "!Or" -> args.stream().anyMatch(this::truth);
            case "!Condition" -> condition(((ScalarNode) node).getValue());
            default -> throw new AssertionError("not a condition function: " + tag);
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return (List<String>) value;
    }
}
