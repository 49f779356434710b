package dev.bakongpay.benchmarks.load;

import dev.bakongpay.benchmarks.load.Scenario.Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * JSON bodies of the driven calls. Check and bulk bodies are built once from the pool, so the
 * workers spend their time waiting on the server, not on string building; each create gets a
 * fresh description and amount so every QR, and so every md5, is new, unless every create is to
 * send the same body (the server must then tell the QRs apart itself).
 */
final class RequestBodies {

    static final int BULK_SIZE = 50;

    private final String bakongId;
    /** Tells this run's creates apart from an earlier run's, which may share worker numbers. */
    private final String runTag = Long.toHexString(System.nanoTime() & 0xffffffL);

    private final byte[][] checkBodies;
    private final byte[][] bulkBodies;
    /** Every create's body when they are all to be the same, else null. */
    private final byte[] identicalCreate;

    private final String rawPath;
    private final byte[] rawBody;

    RequestBodies(String bakongId, List<String> poolMd5s, boolean identicalCreates) {
        this(bakongId, poolMd5s, identicalCreates, null, LoadOptions.RawBody.CHECK);
    }

    /** With the path and body shape of the {@code raw} scenario as well. */
    RequestBodies(
            String bakongId,
            List<String> poolMd5s,
            boolean identicalCreates,
            String rawPath,
            LoadOptions.RawBody rawBody) {
        this.bakongId = bakongId;
        this.identicalCreate = identicalCreates ? create(0, 0) : null;
        this.rawPath = rawPath;
        this.rawBody = switch (rawBody) {
            // the size of a check body: an md5 the server has never seen is as long as any other
            case CHECK -> ("{\"md5\":\"" + "0123456789abcdef".repeat(2) + "\"}").getBytes(StandardCharsets.UTF_8);
            case CREATE -> create(0, 0);
        };
        this.checkBodies = new byte[poolMd5s.size()][];
        for (int i = 0; i < checkBodies.length; i++) {
            checkBodies[i] = ("{\"md5\":\"" + poolMd5s.get(i) + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        // batches start at every 7th md5 and wrap around, so consecutive batches overlap little but
        // do not always line up on the same 50
        int batches = poolMd5s.size() < BULK_SIZE ? 0 : Math.max(1, poolMd5s.size() / 7);
        this.bulkBodies = new byte[batches][];
        for (int b = 0; b < batches; b++) {
            StringBuilder json = new StringBuilder(BULK_SIZE * 36 + 16).append("{\"md5s\":[");
            for (int j = 0; j < BULK_SIZE; j++) {
                if (j > 0) {
                    json.append(',');
                }
                json.append('"')
                        .append(poolMd5s.get((b * 7 + j) % poolMd5s.size()))
                        .append('"');
            }
            bulkBodies[b] = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The body of a worker's {@code n}-th request. */
    byte[] body(Operation operation, int worker, long n) {
        return switch (operation) {
            case CREATE -> identicalCreate != null ? identicalCreate : create(worker, n);
            case CHECK_MD5 -> checkBodies[(int) Math.floorMod(n * 31 + worker * 101L, (long) checkBodies.length)];
            case CHECK_BULK -> bulkBodies[(int) Math.floorMod(n * 17 + worker * 13L, (long) bulkBodies.length)];
            case RAW -> rawBody;
        };
    }

    /** Where the {@code raw} scenario posts. */
    String rawPath() {
        return rawPath;
    }

    /** A key no earlier request of this run or another used: each create is a first attempt. */
    String idempotencyKey(int worker, long n) {
        return "load-" + runTag + "-w" + worker + "-" + n;
    }

    byte[] create(int worker, long n) {
        long cents = 100 + Math.floorMod(n * 7919 + worker * 104729L, 9900L);
        String amount = (cents / 100) + "." + (cents % 100 < 10 ? "0" : "") + (cents % 100);
        return ("{\"amount\":" + amount + ",\"currency\":\"USD\",\"merchantName\":\"LOAD TEST SHOP\","
                        + "\"bakongId\":\"" + bakongId + "\",\"description\":\"load " + runTag + " w" + worker + " #"
                        + n + "\","
                        + "\"expiresInSeconds\":900}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
