package dev.bakongpay.core.payment.view;

import dev.bakongpay.core.payment.PaymentCheck;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /check/bulk}: how many md5s were asked about, and each one's entry in the order asked. */
public record BulkView(int total, Map<String, BulkEntryView> results) {

    public static BulkView of(Map<String, PaymentCheck> checks) {
        Map<String, BulkEntryView> entries = new LinkedHashMap<>();
        checks.forEach((md5, c) -> entries.put(md5, BulkEntryView.of(c)));
        return new BulkView(checks.size(), Collections.unmodifiableMap(entries));
    }
}
