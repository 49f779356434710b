/**
 * KHQR, Cambodia's national QR payment code (NBC / Bakong), read and written exactly as NBC's
 * official SDK does: {@link dev.bakongpay.core.khqr.Khqr} encodes, decodes, verifies and hashes;
 * {@link dev.bakongpay.core.khqr.KhqrPayload} is what goes in, {@link dev.bakongpay.core.khqr.KhqrData}
 * what comes out. Depends on the JDK only, so the core jar's command line runs on its own.
 */
package dev.bakongpay.core.khqr;
