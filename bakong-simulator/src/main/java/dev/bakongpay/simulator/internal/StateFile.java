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

    public record Snapshot(List<SimulatedPayment> payments, Map<String, String> qrs, List<String> accounts, Map<String, Long> tokens) {
        public Snapshot {
            payments = payments == null ? List.of() : payments;
            qrs = qrs == null ? Map.of() : qrs;
            accounts = accounts == null ? List.of() : accounts;
            tokens = tokens == null ? Map.of() : tokens;
        }
    }

    private final Path path;

    public StateFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    public Snapshot load() {
        if (!Files.exists(path)) {
            return new Snapshot(null, null, null, null);
        }
        try {
            return Json.MAPPER.readValue(path.toFile(), Snapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the state file " + path + " could not be read; move it away to start afresh", e);
        }
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
