package dev.bakongpay.jaxrs.internal;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import dev.bakongpay.core.json.JsonMappers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON settings of the API: the shared ones of {@link JsonMappers} (amounts read and written
 * as exact decimals, {@code 25.00} stays {@code 25.00}; unknown request fields ignored so that
 * newer clients keep working; absent view fields left out), and whole-number fields refuse
 * fractions instead of truncating them.
 *
 * <p>Bounded cost for hostile bodies: numbers are read by {@link BoundedNumbers} (judged by their
 * text, never computed in full); a field gets only its own JSON type (no string for a number, no
 * number or boolean for a string: 422 {@code invalid_type}); and the parser's own length limits
 * on numbers, strings and names are lifted, because {@link BodyLimit} already bounds the body
 * and every token is read in linear time. Well-formed JSON thus never fails as malformed: a
 * 5,000-digit amount is a 422 on {@code amount}, not a 400. Nesting stays limited to
 * {@value #MAX_NESTING} levels (each level holds memory); deeper is a 422 too.
 */
public final class Json {
    /** Deepest nesting of arrays and objects a request body may have. */
    public static final int MAX_NESTING = 1000;

    public static final ObjectMapper MAPPER = JsonMappers.builder(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .build())
            // a key given twice or a second value after the body would leave what we act on ambiguous
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(
                    LogicalType.Textual,
                    c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .addModule(BoundedNumbers.module())
            .build();

    /**
     * An application's {@code getProperties()}: what a JAX-RS runtime would add by itself stays
     * out, so that {@link #provider()} reads every body and {@link ErrorMapper} answers every
     * failure. Jersey, as Payara and GlassFish ship it, auto-discovers its JSON-B provider (which
     * would read the bodies: broken JSON a 500 and a SEVERE line) and its Jackson feature (whose
     * own mappers answer broken JSON as plain text); its WADL only warns that JAXB is absent. Other
     * runtimes ignore these names (RESTEasy on WildFly turns JSON-B off by itself once it sees
     * Jackson's annotations, and lets the application's mappers win).
     */
    public static final Map<String, Object> RUNTIME_PROPERTIES = Map.of(
            "jersey.config.server.disableAutoDiscovery", true,
            "jersey.config.server.disableJsonBinding", true,
            "jersey.config.server.disableJsonProcessing", true,
            "jersey.config.server.disableMoxyJson", true,
            "jersey.config.server.wadl.disableWadl", true);

    private Json() {}

    /** JSON in and out with {@link #MAPPER}, ahead of any JSON provider the runtime brings along. */
    public static JacksonJsonProvider provider() {
        return new Provider();
    }

    /**
     * Jackson's provider, named for the JSON media types. Jackson's own declares {@code *}{@code /*}, and
     * a runtime picks the provider with the closest media type first: a server's built-in JSON
     * provider (RESTEasy's Jackson or JSON-B one on WildFly) would then read the bodies with its
     * own mapper, and answer broken JSON itself, as plain text. Named as precisely as those, ours
     * wins, because an application's provider goes before the runtime's when they tie.
     */
    @Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
    @Produces({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
    private static final class Provider extends JacksonJsonProvider {
        Provider() {
            super(MAPPER);
        }
    }

    /** {@code {"success": true, "data": data}}. */
    public static Success success(Object data) {
        return new Success(true, data);
    }

    /** The envelope of every 200 answer; {@code data} is one of core's views ({@code dev.bakongpay.core.payment.view}). */
    public record Success(boolean success, Object data) {}

    /** {@code {"success": false, "error": {"code", "message", "details": [...]}}}. */
    public static Map<String, Object> error(String code, String message, List<Map<String, String>> details) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("message", message);
        e.put("details", details);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", false);
        m.put("error", e);
        return m;
    }

    /** One entry of {@code details}. */
    public static Map<String, String> detail(String field, String code, String message) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("field", field);
        d.put("code", code);
        d.put("message", message);
        return d;
    }
}
