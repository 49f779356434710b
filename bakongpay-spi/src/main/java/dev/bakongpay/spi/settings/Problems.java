package dev.bakongpay.spi.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads settings and collects every problem instead of stopping at the first, because an operator
 * should not fix one setting per restart. Each problem reads {@code <NAME> was '<value>' but it <reason>};
 * a secret's value is never shown.
 *
 * <pre>{@code
 * Problems problems = new Problems(System::getenv);
 * int port = problems.read(PORT);
 * problems.throwIfAny("Bakong simulator configuration");
 * }</pre>
 */
public final class Problems {
    private final Function<String, String> lookup;
    private final List<String> problems = new ArrayList<>();

    /** {@code lookup} answers a name with its text, or null when unset; blank counts as unset. */
    public Problems(Function<String, String> lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** The setting's value; its fallback when unset, blank, or broken (then the problem is collected). */
    public <T> T read(Setting<T> setting) {
        String text = text(setting);
        if (text == null) return setting.fallback();
        try {
            return setting.parser().parse(text);
        } catch (Rejected e) {
            for (Rejected.Entry entry : e.entries()) {
                String shown = entry.shown() != null ? entry.shown() : setting.secret() ? "***" : text;
                problems.add(setting.name() + " was '" + shown + "' but it " + entry.reason());
            }
            return setting.fallback();
        }
    }

    /** Whether the setting has a value (not null, not blank). */
    public boolean isSet(Setting<?> setting) {
        return text(setting) != null;
    }

    /** The setting's text, stripped, or null when unset or blank. */
    public String text(Setting<?> setting) {
        String v = lookup.apply(setting.name());
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A problem found across settings ("X is missing but Y is set: …"). */
    public void add(String problem) {
        problems.add(Objects.requireNonNull(problem, "problem"));
    }

    /** {@code setting} was {@code shown} but it {@code reason}: a rule that spans settings. */
    public void add(Setting<?> setting, String shown, String reason) {
        add(setting.name() + " was '" + (setting.secret() ? "***" : shown) + "' but it " + reason);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Every problem so far, in the order found. */
    public List<String> list() {
        return List.copyOf(problems);
    }

    /** Throws a {@link SettingsException} about {@code subject} when any problem was found. */
    public void throwIfAny(String subject) {
        if (!problems.isEmpty()) throw new SettingsException(subject, problems);
    }

    /** Throws what {@code exception} makes of the problems when any was found (a program's own exception type). */
    public <E extends RuntimeException> void throwIfAny(Function<List<String>, E> exception) {
        if (!problems.isEmpty()) throw exception.apply(list());
    }
}
