package dev.bakongpay.spi.settings;

import java.util.List;

/**
 * Settings that cannot work, every problem at once: {@code <subject>: <problem>} for one, or
 * {@code <subject> has N problems:} and one {@code - <problem>} line each.
 */
public class SettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public SettingsException(String subject, List<String> problems) {
        super(message(subject, problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, as printed. */
    public List<String> problems() {
        return problems;
    }

    private static String message(String subject, List<String> problems) {
        if (problems.isEmpty()) throw new IllegalArgumentException("no problems to report");
        return problems.size() == 1
                ? subject + ": " + problems.get(0)
                : subject + " has " + problems.size() + " problems:\n  - " + String.join("\n  - ", problems);
    }
}
