package dev.bakongpay.jaxrs.internal;

import java.math.BigDecimal;
import java.util.List;

/** Request bodies as the seed names their fields. Values are checked in core, not here. */
public final class Bodies {
    private Bodies() {}

    public record Create(BigDecimal amount, String currency, String merchantName, String bakongId, String description,
                         Long expiresInSeconds, String merchantCity, String merchantId, String acquiringBank,
                         String storeLabel, String terminalLabel, String merchantNameKhmer, String mobileNumber,
                         String returnUrl) {
    }

    public record Md5(String md5) {
    }

    public record Bulk(List<String> md5s) {
    }

    public record Lookup(String query, String type) {
    }

    public record QrImage(String qrString, Integer size, String foreground, String background, String format) {
    }
}
