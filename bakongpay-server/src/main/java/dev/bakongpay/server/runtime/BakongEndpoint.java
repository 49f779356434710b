package dev.bakongpay.server.runtime;

import dev.bakongpay.spi.PaymentMode;
import java.net.URI;

/**
 * The Bakong a payment mode runs against: LIVE keys against NBC, TEST keys against a simulator.
 * The payment services get one per mode, so a transaction checked later goes back to the network
 * it was created on.
 *
 * @param mode        TEST or LIVE
 * @param baseUrl     the Open API's base URL
 * @param token       the Bearer token; null when none is configured (LIVE calls then fail with 401)
 * @param renewEmail  the address NBC renews the token for; may be null
 * @param proxy       an HTTP proxy for the calls; may be null
 * @param description what it is, for logs and {@code /health}
 */
public record BakongEndpoint(
        PaymentMode mode, URI baseUrl, String token, String renewEmail, URI proxy, String description) {
    @Override
    public String toString() {
        return mode + " → " + description + " at " + baseUrl + " (token " + (token == null ? "missing" : "set") + ")";
    }
}
