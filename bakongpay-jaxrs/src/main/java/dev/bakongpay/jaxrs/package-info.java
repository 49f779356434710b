/**
 * BakongPay's REST API as plain JAX-RS: register {@link dev.bakongpay.jaxrs.BakongPayApplication}
 * in any Jakarta REST runtime. Filters, mappers and JSON views live in {@code internal} and may
 * change at any time.
 */
package dev.bakongpay.jaxrs;
