/** Rendering internals: the module layout and the PNG and SVG writers. May change at any time. */
package dev.bakongpay.core.render.internal;
