package dev.bakongpay.core.khqr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("vectors.json: 30 strings from NBC's SDK 1.0.20 and 15 corrupted copies")
class KhqrVectorsTest {

    static Stream<Named<JsonNode>> valid() {
        List<Named<JsonNode>> out = new ArrayList<>();
        JsonNode all = Vectors.load("vectors.json").get("valid");
        for (int i = 0; i < all.size(); i++) {
            out.add(Named.of("valid #" + (i + 1), all.get(i)));
        }
        return out.stream();
    }

    static Stream<Named<JsonNode>> invalid() {
        List<Named<JsonNode>> out = new ArrayList<>();
        JsonNode all = Vectors.load("vectors.json").get("invalid");
        for (int i = 0; i < all.size(); i++) {
            out.add(Named.of("invalid #" + (i + 1), all.get(i)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    @DisplayName("encoding the input with the vector's timestamps gives the SDK's string and md5")
    void encodesExactly(JsonNode v) {
        KhqrPayload.Builder b = Vectors.payload(v.get("input"));
        String created = v.get("decoded").get("creationTimestamp").asText(null);
        long now = created == null ? Vectors.VECTORS_DAY.toEpochMilli() : Long.parseLong(created);
        if (created != null) {
            b.creationTimestamp(now);
        }
        KhqrResult result = Khqr.encode(b.build(), Vectors.clockAt(now));
        assertThat(result.qr()).isEqualTo(v.get("qr").asText());
        assertThat(result.md5()).isEqualTo(v.get("md5").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    @DisplayName("decoding the string gives the SDK's decode output, field by field")
    void decodesExactly(JsonNode v) {
        KhqrData data = Khqr.decode(v.get("qr").asText());
        assertThat(data.fields()).containsExactlyEntriesOf(Vectors.fields(v.get("decoded")));
        assertThat(data.unknownTags()).isEmpty();
        assertThat(Khqr.md5(v.get("qr").asText())).isEqualTo(v.get("md5").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    @DisplayName("verify accepts the string, as the SDK did")
    void verifies(JsonNode v) {
        assertThat(Khqr.verify(v.get("qr").asText(), Vectors.vectorsDay())).isEqualTo(KhqrVerification.ok());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    @DisplayName("verify rejects a corrupted string with a reason, and decode never fails otherwise than typed")
    void rejectsCorrupted(JsonNode v) {
        String qr = v.get("qr").asText();
        KhqrVerification verdict = Khqr.verify(qr, Vectors.vectorsDay());
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.error()).isNotNull();
        assertThatCode(() -> {
                    try {
                        Khqr.decode(qr);
                    } catch (KhqrDecodeException expected) {
                        assertThat(expected.code()).isEqualTo(8);
                    }
                })
                .doesNotThrowAnyException();
    }
}
