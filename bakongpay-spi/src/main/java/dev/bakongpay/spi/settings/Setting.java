package dev.bakongpay.spi.settings;

import java.util.Objects;

/**
 * One setting, declared once: its name, how its text becomes a value, the value when it is unset,
 * and the two cells of its row in the configuration table (the default as documented, and what it
 * means). A program lists its settings in one class; its reader, its messages and its README table
 * all come from that list.
 *
 * <pre>{@code
 * static final Setting<Integer> PORT = Setting.of("BAKONGPAY_PORT", Parsers.port(), 8080)
 *         .documented("`8080`", "port of the API; `0` picks a free one");
 * }</pre>
 *
 * @param name        the canonical name, {@code BAKONGPAY_PORT}
 * @param parser      text to value; throws {@link Rejected} with the rule the text broke
 * @param fallback    the value when the setting is unset or blank; null when there is none
 * @param defaultDoc  the default as the README states it (Markdown)
 * @param doc         what the setting does, as the README states it (Markdown)
 * @param secret      never show the value in messages (keys, passwords, tokens)
 */
public record Setting<T>(String name, Parser<T> parser, T fallback, String defaultDoc, String doc, boolean secret) {

    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(defaultDoc, "defaultDoc");
        Objects.requireNonNull(doc, "doc");
        if (!name.matches("[A-Z][A-Z0-9_]*"))
            throw new IllegalArgumentException("a setting's name is UPPER_SNAKE_CASE: " + name);
    }

    /** A setting without documentation yet; {@code fallback} may be null (no default). */
    public static <T> Setting<T> of(String name, Parser<T> parser, T fallback) {
        return new Setting<>(name, parser, fallback, fallback == null ? "none" : "`" + fallback + "`", "", false);
    }

    /** A text setting without rules. */
    public static Setting<String> text(String name) {
        return of(name, Parsers.text(), null);
    }

    /** The same setting with its README row: the default cell and the meaning cell. */
    public Setting<T> documented(String defaultCell, String meaning) {
        return new Setting<>(name, parser, fallback, defaultCell, meaning, secret);
    }

    /** The same setting, whose value never appears in messages. */
    public Setting<T> asSecret() {
        return new Setting<>(name, parser, fallback, defaultDoc, doc, true);
    }

    /** Its name, so that a setting reads naturally inside a message. */
    @Override
    public String toString() {
        return name;
    }
}
