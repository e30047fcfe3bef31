package io.fargatereconciler.sim.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A form-encoded query-protocol request ({@code Action=...&Version=...}), with the flattened list conventions:
 * {@code SubnetId.1}, {@code Filter.1.Name}, {@code Filter.1.Value.1}.
 */
public final class QueryRequest {
    private final Map<String, String> params;

    private QueryRequest(Map<String, String> params) {
        this.params = params;
    }

    public static QueryRequest parse(String form) {
        Map<String, String> params = new HashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return new QueryRequest(params);
    }

    public String get(String name) {
        return params.get(name);
    }

    /** {@code prefix.1}, {@code prefix.2}, ... until one is missing. */
    public List<String> list(String prefix) {
        List<String> values = new ArrayList<>();
        for (int i = 1; params.containsKey(prefix + "." + i); i++) {
            values.add(params.get(prefix + "." + i));
        }
        return values;
    }

    /** The prefixes {@code prefix.1}, {@code prefix.2}, ... that have any member, for lists of structures. */
    public List<String> structures(String prefix) {
        List<String> found = new ArrayList<>();
        for (int i = 1; hasMemberUnder(prefix + "." + i + "."); i++) {
            found.add(prefix + "." + i);
        }
        return found;
    }

    private boolean hasMemberUnder(String prefix) {
        return params.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }
}
