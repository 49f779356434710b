package dev.bakongpay.jaxrs.internal;

import java.util.List;

/**
 * Request bodies as the seed names their fields. Values are checked in core, not here.
 * {@code /khqr/create} binds core's {@code CreatePaymentRequest} itself (its components carry the
 * seed's names).
 */
public final class Bodies {
    private Bodies() {}

    public record Md5(String md5) {}

    public record Bulk(List<String> md5s) {}

    public record Lookup(String query, String type) {}

    public record QrImage(
            String qrString, Integer size, String foreground, String background, String format, String style) {}
}
