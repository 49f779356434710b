package dev.bakongpay.core.payment;

import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import java.util.Objects;

/**
 * Who is asking: the merchant an API key acts for, its plan and the key's mode. Every service
 * call takes one, so a merchant only ever sees its own transactions.
 */
public record Merchant(String id, Plan plan, PaymentMode mode) {
    public Merchant {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("id must not be blank");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(mode, "mode");
    }
}
