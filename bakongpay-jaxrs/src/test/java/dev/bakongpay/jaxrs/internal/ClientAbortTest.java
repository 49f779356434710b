package dev.bakongpay.jaxrs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.core.payment.PaymentException;
import dev.bakongpay.spi.StoreException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("client aborts in the error mapper")
class ClientAbortTest {
    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("the body ended early (EOF)", new EOFException("Early EOF"), 400, "bad_request"),
                Arguments.of(
                        "the connection reset while reading",
                        new IOException("Connection reset by peer"),
                        400,
                        "bad_request"),
                Arguments.of(
                        "an I/O failure wrapped by the runtime",
                        new ProcessingException(new IOException("closed")),
                        400,
                        "bad_request"),
                Arguments.of(
                        "Bakong unreachable (an I/O cause under our own exception)",
                        new PaymentException.NetworkUnavailable(
                                "Bakong is unavailable", new ConnectException("refused")),
                        502,
                        "upstream_unavailable"),
                Arguments.of(
                        "the store's socket failed",
                        new StoreException("connection lost", new IOException("reset")),
                        503,
                        "service_unavailable"),
                Arguments.of("a bug", new IllegalStateException("oops"), 500, "internal_error"));
    }

    @ParameterizedTest(name = "{0}: {2} {3}")
    @MethodSource("failures")
    @DisplayName(
            "an unreadable body is the client's 400 with Connection: close; an I/O cause of our own failure is not")
    void mapped(String name, Throwable thrown, int status, String code) {
        Response answer = new ErrorMapper().toResponse(thrown);
        assertThat(answer.getStatus()).isEqualTo(status);
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) ((Map<String, Object>) answer.getEntity()).get("error");
        assertThat(error.get("code")).isEqualTo(code);
        assertThat(answer.getHeaderString("Connection")).isEqualTo(status == 400 ? "close" : null);
    }
}
