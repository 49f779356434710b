/** Placeholder until this module's issue lands. */
package dev.bakongpay.checkout;
