package dev.bakongpay.jaxrs;

import java.util.ArrayList;
import java.util.List;

/** Test bodies: default fields plus a case's own, without giving a key twice (the API refuses that). */
final class JsonBodies {
    private JsonBodies() {}

    /**
     * {@code {defaults..., fields}} where each default (simple {@code "key":value} pairs, no comma
     * inside a value) is left out when {@code fields} gives the same key.
     */
    static String object(String defaults, String fields) {
        List<String> kept = new ArrayList<>();
        for (String pair : defaults.split(",")) {
            String key = pair.substring(0, pair.indexOf(':') + 1);
            if (!fields.contains(key)) kept.add(pair);
        }
        String own = fields.startsWith(",") ? fields.substring(1) : fields;
        if (!own.isEmpty()) kept.add(own);
        return "{" + String.join(",", kept) + "}";
    }
}
