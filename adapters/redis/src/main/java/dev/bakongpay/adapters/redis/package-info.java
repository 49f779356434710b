/**
 * The Redis rate-limiter adapter: token buckets shared by every node, kept in Redis by Bucket4j
 * (Lettuce backend, compare-and-swap executed atomically by Redis). Start at
 * {@link dev.bakongpay.adapters.redis.RedisRateLimiter}.
 */
package dev.bakongpay.adapters.redis;
