/**
 * Client of NBC's Bakong Open API: transaction checks by md5 (single and bulk), hash and short
 * hash, account check, deep links, token expiry and renewal. Entry point:
 * {@link dev.bakongpay.core.bakong.BakongClient#create}.
 */
package dev.bakongpay.core.bakong;
