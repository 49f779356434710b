package dev.bakongpay.jaxrs.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON settings of the API: amounts read and written as exact decimals ({@code 25.00} stays
 * {@code 25.00}), whole-number fields refuse fractions instead of truncating them, and unknown
 * request fields are ignored so that newer clients keep working.
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

    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                            .maxNumberLength(Integer.MAX_VALUE).maxStringLength(Integer.MAX_VALUE)
                            .maxNameLength(Integer.MAX_VALUE).build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // a key given twice or a second value after the body would leave what we act on ambiguous
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .addModule(BoundedNumbers.module())
            .build();

    private Json() {}

    public static JacksonJsonProvider provider() {
        return new JacksonJsonProvider(MAPPER);
    }

    /** {@code {"success": true, "data": data}}. */
    public static Map<String, Object> success(Object data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", true);
        m.put("data", data);
        return m;
    }

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
