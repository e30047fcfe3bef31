package io.fargatereconciler.sim.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** maxResults/nextToken paging as ECS does it: maxResults 1..100, an opaque nextToken only when more remain. */
final class Paging {
    private Paging() {
    }

    /** The page size of a request: {@code maxResults} (1..100) or 100. */
    static int pageSize(EcsRequest req) {
        Integer maxResults = req.integer("maxResults");
        if (maxResults != null && (maxResults < 1 || maxResults > 100)) {
            throw EcsError.invalidParameter("maxResults must be between 1 and 100.");
        }
        return maxResults == null ? 100 : maxResults;
    }

    static String encode(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("sim-page:" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a nextToken stands for, or -1 without a token. */
    static long decode(String token) {
        if (token == null || token.isEmpty()) {
            return -1;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("sim-page:")) {
                throw new IllegalArgumentException(text);
            }
            return Long.parseLong(text.substring("sim-page:".length()));
        } catch (IllegalArgumentException e) {
            throw EcsError.invalidParameter("Invalid nextToken.");
        }
    }

    /** Pages an in-memory list of strings; the position is the index of the next item. */
    static ObjectNode page(EcsRequest req, List<String> items, String field) {
        int size = pageSize(req);
        long from = Math.max(0, decode(req.string("nextToken")));
        ObjectNode response = EcsJson.object();
        ArrayNode array = response.putArray(field);
        long to = Math.min(items.size(), from + size);
        for (long i = from; i < to; i++) {
            array.add(items.get((int) i));
        }
        if (to < items.size()) {
            response.put("nextToken", encode(to));
        }
        return response;
    }
}
