package dev.bakongpay.core.khqr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("negative-vectors.json: what the SDK refuses, with its exact codes")
class NegativeVectorsTest {

    static Stream<Named<JsonNode>> generateErrors() {
        return named("generate_errors");
    }

    static Stream<Named<JsonNode>> verifyCases() {
        return named("verify_cases");
    }

    static Stream<Named<String>> hangs() {
        List<Named<String>> out = new ArrayList<>();
        for (JsonNode qr : Vectors.load("negative-vectors.json")
                .get("hangs_in_official_sdk")
                .get("inputs")) {
            out.add(Named.of(qr.asText(), qr.asText()));
        }
        return out.stream();
    }

    private static Stream<Named<JsonNode>> named(String section) {
        List<Named<JsonNode>> out = new ArrayList<>();
        for (JsonNode v : Vectors.load("negative-vectors.json").get(section)) {
            out.add(Named.of(v.get("name").asText(), v));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generateErrors")
    @DisplayName("encode refuses with the SDK's code and message")
    void refusesToEncode(JsonNode v) {
        JsonNode status = v.get("result").get("status");
        assertThatThrownBy(() ->
                        Khqr.encode(Vectors.payload(v.get("input")).build(), Vectors.clockAt(Vectors.PINNED_MILLIS)))
                .isInstanceOfSatisfying(KhqrValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo(status.get("errorCode").asInt());
                    assertThat(e.error().message())
                            .isEqualTo(status.get("message").asText());
                    assertThat(e.field()).isNotBlank();
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verifyCases")
    @DisplayName("verify gives the SDK's verdict, and the code the SDK's internals throw")
    void verifies(JsonNode v) {
        KhqrVerification verdict = Khqr.verify(v.get("qr").asText(), Vectors.vectorsDay());
        assertThat(verdict.valid()).isEqualTo(v.get("verify").get("isValid").asBoolean());
        String reason = v.get("reason_reproduced_from_sdk_internals").asText();
        if (reason.startsWith("errorCode ")) {
            assertThat(verdict.error().code()).isEqualTo(Integer.parseInt(reason.split(" ")[1]));
        } else if (reason.startsWith("CRC mismatch")) {
            assertThat(verdict.error()).isEqualTo(KhqrError.of(KhqrErrorCode.KHQR_INVALID, "crc"));
        } else if (reason.startsWith("regex")) {
            // no "6304" and four hex digits at the end: decode's own error when the string does not
            // even read as tag-length-value (these vectors are cut short), else "CRC tag required"
            KhqrError decodeError = null;
            try {
                Khqr.decode(v.get("qr").asText());
            } catch (KhqrDecodeException e) {
                decodeError = e.error();
            }
            assertThat(verdict.error())
                    .isEqualTo(decodeError != null ? decodeError : KhqrError.of(KhqrErrorCode.CRC_TAG_REQUIRED, "crc"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hangs")
    @DisplayName("where the SDK loops forever, verify answers invalid (8) and decode throws, at once")
    void endsWhereTheSdkHangs(String qr) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            KhqrVerification verdict = Khqr.verify(qr, Vectors.vectorsDay());
            assertThat(verdict.valid()).isFalse();
            assertThat(verdict.error().code()).isEqualTo(8);
            assertThatThrownBy(() -> Khqr.decode(qr)).isInstanceOf(KhqrDecodeException.class);
        });
    }
}
