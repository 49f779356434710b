package dev.bakongpay.server;

import dev.bakongpay.server.config.SeedKey;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;

/**
 * The sandbox's generated test keys, kept in {@code <data dir>/sandbox-keys.properties} so that a
 * restarted sandbox prints the same keys and yesterday's curl still works. Test keys only: they
 * reach nothing but the simulator, so a file readable by its owner is enough.
 */
final class SandboxKeys {
    static final String FILE = "sandbox-keys.properties";

    private SandboxKeys() {}

    static List<SeedKey> loadOrGenerate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            String free = p.getProperty(Plan.FREE.name());
            String pro = p.getProperty(Plan.PRO.name());
            if (isTestKey(free) && isTestKey(pro))
                return List.of(new SeedKey(free, Plan.FREE), new SeedKey(pro, Plan.PRO));
        }
        List<SeedKey> keys = List.of(SeedKey.generateTest(Plan.FREE), SeedKey.generateTest(Plan.PRO));
        Files.createDirectories(dataDir);
        Properties p = new Properties();
        keys.forEach(k -> p.setProperty(k.plan().name(), k.key()));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "BakongPay sandbox test keys (test mode: they reach only the simulator)");
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user's profile directory protects it instead
        }
        return keys;
    }

    private static boolean isTestKey(String key) {
        return key != null && SeedKey.modeOf(key) == PaymentMode.TEST;
    }
}
