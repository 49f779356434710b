package dev.bakongpay.jaxrs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document as a validator: networknt's JSON Schema validator with its OpenAPI 3.0
 * dialect ({@code nullable}, 3.0's {@code exclusiveMinimum}) judges real answers against the
 * document's own schemas, {@code $ref}s resolved inside the document.
 *
 * <p>Checked both ways: an object schema that lists its properties and says nothing of others is
 * judged as closed ({@code additionalProperties: false} in the copy the validator reads, not in
 * the published document, which stays open for newer servers), so an answer with a field the
 * document does not list fails as surely as one that lacks a required field.
 */
public final class OpenApiContract {
    private static final String BASE = "https://bakongpay.invalid/api/v1/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final SchemaRegistry registry;

    public OpenApiContract(String documentText) throws Exception {
        document = JSON.readTree(documentText);
        JsonNode strict = document.deepCopy();
        close(strict);
        String strictText = JSON.writeValueAsString(strict);
        registry = SchemaRegistry.withDialect(Dialects.getOpenApi30(), b -> b.schemas(Map.of(BASE, strictText)));
    }

    public JsonNode document() {
        return document;
    }

    /** The problems the validator finds in {@code body} against the schema at {@code pointer} (a JSON pointer into the document). */
    public List<Error> problems(String pointer, String body) {
        Schema schema = registry.getSchema(SchemaLocation.of(BASE + "#" + pointer));
        return schema.validate(body, InputFormat.JSON);
    }

    /**
     * The pointer of the JSON schema documented for a {@code status} answer of {@code method path}
     * ({@code $ref}s followed), or null when the document has no such answer.
     */
    public String answerSchema(String path, String method, int status) {
        String at = "/paths/" + escape(path) + "/" + method.toLowerCase(java.util.Locale.ROOT) + "/responses/" + status;
        JsonNode r = document.at(at);
        if (r.isMissingNode()) return null;
        while (r.has("$ref")) {
            at = r.get("$ref").asText().substring(1);
            r = document.at(at);
        }
        return at + "/content/application~1json/schema";
    }

    /** The response object documented for {@code status} of {@code POST path}, its {@code $ref} followed; missing if none. */
    JsonNode response(String path, int status) {
        return follow(document.at("/paths/" + escape(path) + "/post/responses/" + status));
    }

    /** The pointer of the JSON schema of {@code POST path}'s {@code status} answer. */
    String responseSchema(String path, int status) {
        JsonNode r = document.at("/paths/" + escape(path) + "/post/responses/" + status);
        String at = "/paths/" + escape(path) + "/post/responses/" + status;
        while (r.has("$ref")) {
            at = r.get("$ref").asText().substring(1);
            r = document.at(at);
        }
        return at + "/content/application~1json/schema";
    }

    private JsonNode follow(JsonNode node) {
        while (node.has("$ref")) node = document.at(node.get("$ref").asText().substring(1));
        return node;
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    private static void close(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            if (o.has("properties") && o.get("properties").isObject() && !o.has("additionalProperties")) {
                o.put("additionalProperties", false);
            }
            o.forEach(OpenApiContract::close);
        } else if (node.isArray()) {
            node.forEach(OpenApiContract::close);
        }
    }
}
