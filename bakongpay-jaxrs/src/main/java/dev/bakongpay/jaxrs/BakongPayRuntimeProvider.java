package dev.bakongpay.jaxrs;

/**
 * Lets a container create {@link BakongPayApplication} with its no-argument constructor: the
 * host lists one implementation in
 * {@code META-INF/services/dev.bakongpay.jaxrs.BakongPayRuntimeProvider}.
 */
@FunctionalInterface
public interface BakongPayRuntimeProvider {
    BakongPayRuntime runtime();
}
