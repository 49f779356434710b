/**
 * QR rendering: PNG and SVG drawn straight from the QR module matrix, at an exact pixel size and
 * in validated colours. Entry point: {@link dev.bakongpay.core.render.QrRenderer}.
 */
package dev.bakongpay.core.render;
