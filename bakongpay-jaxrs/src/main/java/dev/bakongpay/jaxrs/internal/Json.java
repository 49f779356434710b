package dev.bakongpay.jaxrs.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON settings of the API: amounts read and written as exact decimals ({@code 25.00} stays
 * {@code 25.00}), whole-number fields refuse fractions instead of truncating them, and unknown
 * request fields are ignored so that newer clients keep working.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
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
