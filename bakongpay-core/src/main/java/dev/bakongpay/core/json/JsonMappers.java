package dev.bakongpay.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one place BakongPay's {@code ObjectMapper}s are configured. Every mapper starts from
 * {@link #builder()}, and a module adds only what its input needs (the API's bounded numbers
 * and strict types, NBC's own reader limits):
 * <ul>
 *   <li>amounts stay exact both ways: floats are read as {@code BigDecimal} and written as
 *       written ({@code 25.00}, never {@code 2.5E+1});</li>
 *   <li>unknown fields are ignored, so newer senders keep working;</li>
 *   <li>a null record or bean property is left out (views in {@code dev.bakongpay.core.payment.view}
 *       are records whose null components are absent fields); map entries are written as given.</li>
 * </ul>
 */
public final class JsonMappers {
    private JsonMappers() {}

    /** The shared settings, with Jackson's default reader limits. */
    public static JsonMapper.Builder builder() {
        return configure(JsonMapper.builder());
    }

    /** The shared settings, with the reader limits {@code constraints}. */
    public static JsonMapper.Builder builder(StreamReadConstraints constraints) {
        return configure(JsonMapper.builder(
                JsonFactory.builder().streamReadConstraints(constraints).build()));
    }

    /** A mapper with the shared settings only: for writing answers and reading trusted JSON. */
    public static JsonMapper standard() {
        return builder().build();
    }

    private static JsonMapper.Builder configure(JsonMapper.Builder b) {
        return b.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                // a null property is left out; a map's null value is still written
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
    }
}
