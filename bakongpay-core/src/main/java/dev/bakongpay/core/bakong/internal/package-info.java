/**
 * The Bakong Open API client's internals: transport, retries, circuit breaker, cache, token
 * keeping and NBC's JSON (the only Jackson use in core). May change at any time.
 */
package dev.bakongpay.core.bakong.internal;
