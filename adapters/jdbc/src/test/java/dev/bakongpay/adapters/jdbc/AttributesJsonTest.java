package dev.bakongpay.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Attributes as JSON text")
class AttributesJsonTest {
    @Test
    @DisplayName("quotes, backslashes, control characters and Khmer text round-trip")
    void roundTrip() {
        Map<String, String> m = Map.of(
                "returnUrl",
                "https://shop.example/r?a=1&b=\"2\"",
                "path",
                "C:\\x",
                "note",
                "line1\nline2\t\u0001",
                "merchantNameKm",
                "ហាងកាហ្វេ",
                "",
                "empty key");
        String json = AttributesJson.write(m);
        assertThat(AttributesJson.read(json)).isEqualTo(m);
        assertThat(AttributesJson.write(Map.of())).isEqualTo("{}");
        assertThat(AttributesJson.read(" { \"a\" : \"b\" } ")).isEqualTo(Map.of("a", "b"));
    }
}
