package dev.bakongpay.simulator.internal;

import dev.bakongpay.simulator.SimulatedPayment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Keeps the simulator's state in one JSON file, so that a demo survives a restart. Each save
 * writes a temporary file beside the target and moves it over, so a reader (or a crash) never
 * sees half a file. Fault plans and call counters are deliberately not kept: they belong to a test.
 */
public final class StateFile {

    public record Snapshot(
            List<SimulatedPayment> payments, Map<String, String> qrs, List<String> accounts, Map<String, Long> tokens) {
        public Snapshot {
            payments = payments == null ? List.of() : payments;
            qrs = qrs == null ? Map.of() : qrs;
            accounts = accounts == null ? List.of() : accounts;
            tokens = tokens == null ? Map.of() : tokens;
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StateFile.class);

    private final Path path;

    public StateFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /**
     * The saved state; empty when there is none. A file it cannot use (not JSON, a wrong shape, an
     * amount or id it would refuse from the control API) never stops the simulator: it is renamed
     * {@code <name>.unreadable-<UTC time>} with one WARN line, and the simulator starts empty.
     */
    public Snapshot load() {
        if (!Files.exists(path)) {
            return empty();
        }
        String problem;
        try {
            Snapshot saved = Json.MAPPER.readValue(path.toFile(), Snapshot.class);
            problem = problem(saved);
            if (problem == null) {
                return saved;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problem = e.getOriginalMessage();
        } catch (IOException | RuntimeException e) {
            problem = e.toString();
        }
        moveAside(problem);
        return empty();
    }

    private static Snapshot empty() {
        return new Snapshot(null, null, null, null);
    }

    /** What makes a parsed state unusable, or null. */
    static String problem(Snapshot saved) {
        for (SimulatedPayment p : saved.payments()) {
            if (p == null) {
                return "a payment is null";
            }
            if (!p.md5().matches("[0-9a-f]{32}") || !p.hash().matches("[0-9a-f]{64}")) {
                return "payment " + cut(p.md5()) + " has no valid md5 (32 hex) or hash (64 hex)";
            }
            if (p.amount() == null || p.amount().signum() <= 0 || !AmountBounds.fits(p.amount())) {
                return "payment " + p.md5() + " has an amount the simulator refuses (" + AmountBounds.RULE + ")";
            }
            if (!"USD".equals(p.currency()) && !"KHR".equals(p.currency())) {
                return "payment " + p.md5() + " has currency '" + cut(p.currency()) + "' but it must be USD or KHR";
            }
        }
        for (Map.Entry<String, String> qr : saved.qrs().entrySet()) {
            if (qr.getKey() == null || !qr.getKey().matches("[0-9a-f]{32}") || qr.getValue() == null) {
                return "a seen QR has no valid md5 or no text";
            }
        }
        if (saved.accounts().contains(null)) {
            return "an account is null";
        }
        for (Map.Entry<String, Long> token : saved.tokens().entrySet()) {
            if (token.getKey() == null || token.getValue() == null) {
                return "an issued token is null";
            }
        }
        return null;
    }

    private void moveAside(String problem) {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.now());
        Path aside = path.resolveSibling(path.getFileName() + ".unreadable-" + stamp);
        try {
            Files.move(path, aside);
            LOG.warn(
                    "The simulator's state file {} could not be used ({}); moved it to {} and started empty",
                    path,
                    cut(problem),
                    aside);
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "The simulator's state file {} could not be used ({}) nor moved aside ({}); started empty, and the next save replaces it",
                    path,
                    cut(problem),
                    e.toString());
        }
    }

    private static String cut(String text) {
        if (text == null) {
            return "null";
        }
        String oneLine = text.replaceAll("[\\r\\n\\t]+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    public synchronized void save(Snapshot snapshot) {
        try {
            Path dir = path.getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            try {
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), snapshot);
                try {
                    Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the state file " + path + " could not be written", e);
        }
    }
}
