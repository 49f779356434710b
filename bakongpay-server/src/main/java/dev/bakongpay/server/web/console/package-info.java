/** The operator console at {@code /admin/}: static files served with a strict CSP; its data comes from {@code /admin/v1}. */
package dev.bakongpay.server.web.console;
