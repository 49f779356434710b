package dev.bakongpay.spi.settings;

import java.util.Objects;
import java.util.function.Function;

/**
 * Turns a setting's text (never null, never blank, already stripped) into its value, or throws
 * {@link Rejected} saying what the text must be.
 */
@FunctionalInterface
public interface Parser<T> {

    T parse(String text);

    /** This parser followed by {@code f}; {@code f} may throw {@link Rejected} too. */
    default <U> Parser<U> map(Function<? super T, ? extends U> f) {
        Objects.requireNonNull(f, "f");
        return text -> f.apply(parse(text));
    }

    /** The same parser, whose rejections give {@code reason} instead of their own (e.g. to add a hint). */
    default Parser<T> orSay(String reason) {
        Objects.requireNonNull(reason, "reason");
        return text -> {
            try {
                return parse(text);
            } catch (Rejected e) {
                throw new Rejected(reason);
            }
        };
    }
}
