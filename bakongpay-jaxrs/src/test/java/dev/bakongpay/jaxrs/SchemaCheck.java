package dev.bakongpay.jaxrs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The subset of OpenAPI 3.0 schemas our document uses ($ref, type, required, properties,
 * additionalProperties, items, enum, nullable), checked both ways: a real answer must have every
 * required field with the documented type, and no field the document does not list.
 */
final class SchemaCheck {
    private final JsonNode document;
    private final List<String> problems = new ArrayList<>();

    private SchemaCheck(JsonNode document) {
        this.document = document;
    }

    static List<String> problems(JsonNode document, JsonNode schema, JsonNode value) {
        SchemaCheck c = new SchemaCheck(document);
        c.check("$", schema, value);
        return c.problems;
    }

    JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            JsonNode n = document;
            for (String part : node.get("$ref").asText().substring(2).split("/")) n = n.get(part);
            node = n;
        }
        return node;
    }

    private void check(String at, JsonNode schema, JsonNode value) {
        schema = resolve(schema);
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) problems.add(at + " is null but not nullable");
            return;
        }
        String type = schema.path("type").asText("");
        boolean ok = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!ok) {
            problems.add(at + " should be " + type + " but is " + value.getNodeType());
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) found |= e.equals(value);
            if (!found) problems.add(at + " = " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) check(at + "[" + i + "]", schema.get("items"), value.get(i));
        }
        if (value.isObject()) {
            for (JsonNode r : schema.path("required")) {
                if (!value.has(r.asText())) problems.add(at + " lacks required " + r.asText());
            }
            JsonNode props = schema.path("properties");
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (props.has(f)) check(at + "." + f, props.get(f), value.get(f));
                else if (schema.has("additionalProperties")) check(at + "." + f, schema.get("additionalProperties"), value.get(f));
                else if (props.size() > 0) problems.add(at + "." + f + " is not documented");
            }
        }
    }
}
