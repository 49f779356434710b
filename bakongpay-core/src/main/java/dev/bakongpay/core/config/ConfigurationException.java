package dev.bakongpay.core.config;

import dev.bakongpay.core.BakongPayException;
import java.util.List;

/**
 * Start-up settings that cannot work. Lists every problem at once, one per line, each as
 * {@code <VAR> was '<value>' but it <reason>}, so an operator fixes them in one round.
 */
public class ConfigurationException extends BakongPayException {

    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        super("BakongPay configuration is invalid:\n  " + String.join("\n  ", problems), false);
        this.problems = List.copyOf(problems);
    }

    /** Each problem, as printed. */
    public List<String> problems() {
        return problems;
    }
}
