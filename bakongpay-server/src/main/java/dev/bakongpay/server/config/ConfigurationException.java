package dev.bakongpay.server.config;

import dev.bakongpay.spi.settings.SettingsException;
import java.util.List;

/**
 * Every bad setting found at start-up, reported together so an operator fixes them in one go:
 * {@code BakongPay configuration: <problem>}, or {@code BakongPay configuration has N problems:}
 * and one line each.
 */
public final class ConfigurationException extends SettingsException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(List<String> problems) {
        super("BakongPay configuration", problems);
    }
}
