/** Helpers of the checkout servlet: not API, may change at any time. */
package dev.bakongpay.checkout.internal;
