package dev.bakongpay.server.config;

import java.util.List;

/** Every bad setting found at start-up, reported together so an operator fixes them in one go. */
public final class ConfigurationException extends RuntimeException {
    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        return problems.size() == 1 ? "BakongPay configuration: " + problems.get(0)
                : "BakongPay configuration has " + problems.size() + " problems:\n  - " + String.join("\n  - ", problems);
    }
}
