/**
 * The JSON shapes BakongPay writes, as plain records: the REST answers of {@code /api/v1} and the
 * webhook bodies. One record per shape, built from core's values; a null component is a field
 * left out of the JSON (each module's mapper from {@code dev.bakongpay.core.json.JsonMappers}
 * omits null record components), and components are written in declaration order, which is the
 * documented field order. No JSON library is used here: the web layers serialise.
 */
package dev.bakongpay.core.payment.view;
