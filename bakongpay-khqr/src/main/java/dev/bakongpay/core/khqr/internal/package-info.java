/** The codec's machinery (TLV walks, CRC, md5, the SDK's rules). May change at any time: use {@code Khqr}. */
package dev.bakongpay.core.khqr.internal;
