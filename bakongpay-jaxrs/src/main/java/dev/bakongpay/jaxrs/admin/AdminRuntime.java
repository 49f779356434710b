package dev.bakongpay.jaxrs.admin;

import dev.bakongpay.core.admin.AdminToken;
import dev.bakongpay.spi.Storage;
import java.time.Clock;
import java.util.Objects;

/**
 * What the admin API runs on: the stores (uncached: an operator's change is read back at once),
 * the operator's token and the clock.
 *
 * @param storage the stores the payment API uses
 * @param token   the only credential the admin API accepts
 * @param clock   the clock of audit records
 */
public record AdminRuntime(Storage storage, AdminToken token, Clock clock) {
    public AdminRuntime {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(clock, "clock");
    }

    /** Key management on these stores, audited in the store's audit trail. */
    public dev.bakongpay.core.admin.ApiKeyAdmin apiKeys() {
        return new dev.bakongpay.core.admin.ApiKeyAdmin(storage.apiKeys(), storage.audit(), clock);
    }
}
