package dev.bakongpay.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the one JSON configuration")
class JsonMappersTest {
    private final ObjectMapper json = JsonMappers.standard();

    record View(String md5, BigDecimal amount, Boolean late, Map<String, String> metadata) {}

    @Test
    @DisplayName("records: components in declaration order, null ones left out, amounts as written")
    void records() throws Exception {
        assertThat(json.writeValueAsString(new View("ab", new BigDecimal("25.00"), null, null)))
                .isEqualTo("{\"md5\":\"ab\",\"amount\":25.00}");
        assertThat(json.writeValueAsString(new View("ab", new BigDecimal("1E+3"), false, Map.of("k", "v"))))
                .isEqualTo("{\"md5\":\"ab\",\"amount\":1000,\"late\":false,\"metadata\":{\"k\":\"v\"}}");
    }

    @Test
    @DisplayName("maps are written as given, null values included")
    void maps() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", null);
        m.put("code", "x");
        assertThat(json.writeValueAsString(m)).isEqualTo("{\"field\":null,\"code\":\"x\"}");
    }

    @Test
    @DisplayName("reading: decimals stay exact, unknown fields are ignored")
    void reading() throws Exception {
        View v = json.readValue("{\"md5\":\"ab\",\"amount\":25.00,\"other\":1}", View.class);
        assertThat(v.md5()).isEqualTo("ab");
        assertThat(v.amount()).isEqualTo(new BigDecimal("25.00")); // equals: scale included
        assertThat(json.readTree("{\"a\":0.1}").get("a").isBigDecimal()).isTrue();
    }
}
