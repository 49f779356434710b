package dev.bakongpay.jaxrs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.jaxrs.OpenApiResource;
import dev.bakongpay.jaxrs.PaymentResource;
import dev.bakongpay.jaxrs.QrImageResource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("request metrics: the endpoint tag is a route template")
class RequestMetricsFilterTest {
    @Path("/payments")
    public static class Templated {
        @GET
        @Path("{id}/events")
        public String events() {
            return "";
        }
    }

    private final RequestMetricsFilter filter = new RequestMetricsFilter(
            new SimpleMeterRegistry(),
            PaymentResource.class,
            QrImageResource.class,
            OpenApiResource.class,
            Templated.class);

    @Test
    @DisplayName("the API's paths map to their templates, with or without a leading or trailing slash")
    void knownPaths() {
        assertThat(filter.endpoint("khqr/create")).isEqualTo("/khqr/create");
        assertThat(filter.endpoint("/check/md5")).isEqualTo("/check/md5");
        assertThat(filter.endpoint("/check/bulk/")).isEqualTo("/check/bulk");
        assertThat(filter.endpoint("/qr/generate")).isEqualTo("/qr/generate");
        assertThat(filter.endpoint("openapi.json")).isEqualTo("/openapi.json");
    }

    @Test
    @DisplayName("a path parameter is one segment of the template; anything else is 'unmatched', never the raw path")
    void boundedTags() {
        assertThat(filter.endpoint("/payments/4f6c0e2a/events")).isEqualTo("/payments/{id}/events");
        assertThat(filter.endpoint("/payments/a/b/events")).isEqualTo("unmatched");
        assertThat(filter.endpoint("/khqr/create/../../etc/passwd")).isEqualTo("unmatched");
        assertThat(filter.endpoint("/" + "x".repeat(5000))).isEqualTo("unmatched");
    }
}
