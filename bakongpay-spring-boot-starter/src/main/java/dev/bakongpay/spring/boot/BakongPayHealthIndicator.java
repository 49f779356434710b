package dev.bakongpay.spring.boot;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Actuator's {@code bakongpay} health component: UP with the store and limiter in use, DOWN when the store does not answer. */
final class BakongPayHealthIndicator implements HealthIndicator {
    private final BakongPayHealth health;

    BakongPayHealthIndicator(BakongPayHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        Health.Builder builder = health.problem().map(Health::down).orElseGet(Health::up);
        return builder.withDetail("store", health.store())
                .withDetail("limiter", health.limiter())
                .build();
    }
}
