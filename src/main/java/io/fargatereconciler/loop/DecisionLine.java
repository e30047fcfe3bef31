package io.fargatereconciler.loop;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One log line per decision, written as {@code key=value} pairs ({@code group=TaskGroup/api action=launch count=2
 * result=started reason="2 of 3 copies missing"}). Every pair is also put in the logging MDC for the one record, so
 * the JSON log format (production) carries {@code group}, {@code action}, {@code result}, {@code reason},
 * {@code task}, {@code subnet}, {@code token} and the rest as keys of their own under {@code mdc}, which CloudWatch
 * Logs Insights filters on directly ({@code filter mdc.action = "launch"}). The plain-text format prints the message
 * alone, unchanged.
 */
public final class DecisionLine {
    private final StringBuilder text = new StringBuilder();
    private final Map<String, String> fields = new LinkedHashMap<>();

    private DecisionLine() {
    }

    /** A line about one group or Job: {@code group=KIND/NAME action=ACTION}. */
    public static DecisionLine group(Object group, String action) {
        return new DecisionLine().with("group", group).with("action", action);
    }

    /** A line about the reconciler itself or something other than a group: {@code action=ACTION}. */
    public static DecisionLine action(String action) {
        return new DecisionLine().with("action", action);
    }

    /** A line about one subject other than a group (a cluster, a subnet) first: {@code key=value action=ACTION}. */
    public static DecisionLine about(String key, Object value, String action) {
        return new DecisionLine().with(key, value).with("action", action);
    }

    /** Adds {@code key=value}; a null value prints as {@code null} and is left out of the MDC. */
    public DecisionLine with(String key, Object value) {
        return add(key, value, false);
    }

    /** Adds {@code key="value"}, for values with spaces ({@code reason}, {@code error}, {@code subject}). */
    public DecisionLine quoted(String key, Object value) {
        return add(key, value, true);
    }

    /** Appends words after the pairs, in the message only. */
    public DecisionLine then(String words) {
        text.append(words);
        return this;
    }

    public void info(Logger log) {
        log(log, Logger.Level.INFO, null);
    }

    public void warn(Logger log) {
        log(log, Logger.Level.WARN, null);
    }

    public void debug(Logger log) {
        log(log, Logger.Level.DEBUG, null);
    }

    public void error(Logger log, Throwable error) {
        log(log, Logger.Level.ERROR, error);
    }

    private DecisionLine add(String key, Object value, boolean quoted) {
        if (!text.isEmpty()) {
            text.append(' ');
        }
        String printed = String.valueOf(value);
        text.append(key).append('=').append(quoted ? '"' + printed + '"' : printed);
        if (value != null) {
            fields.put(key, printed);
        }
        return this;
    }

    private void log(Logger log, Logger.Level level, Throwable error) {
        if (!log.isEnabled(level)) {
            return;
        }
        Map<String, Object> before = new LinkedHashMap<>();
        fields.forEach((key, value) -> before.put(key, MDC.put(key, value)));
        try {
            log.log(level, text.toString(), error);
        } finally {
            before.forEach((key, previous) -> {
                if (previous == null) {
                    MDC.remove(key);
                } else {
                    MDC.put(key, previous);
                }
            });
        }
    }
}
