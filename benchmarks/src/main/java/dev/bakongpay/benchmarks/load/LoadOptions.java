package dev.bakongpay.benchmarks.load;

import dev.bakongpay.spi.settings.Parser;
import dev.bakongpay.spi.settings.Parsers;
import dev.bakongpay.spi.settings.Rejected;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Command-line settings of one load run. Every run is bounded: a duration (at most one hour), a
 * request cap and an error cap, and by default only loopback servers are driven, so a mistyped
 * URL can never turn the tool on somebody else's machine.
 */
public record LoadOptions(
        URI url,
        String apiKey,
        Scenario scenario,
        int connections,
        Duration duration,
        Duration warmup,
        long maxRequests,
        long maxErrors,
        int poolSize,
        boolean checkFinal,
        URI simulatorUrl,
        String bakongId,
        ClientKind client,
        Duration timeout,
        boolean allowRemote,
        boolean idempotencyKeys,
        boolean identicalBodies,
        String rawPath,
        RawBody rawBody,
        Path md5File,
        Path poolOut) {

    static final Duration MAX_DURATION = Duration.ofHours(1);

    /** Which HTTP client the workers use; {@code socket} is the default, see README for why. */
    public enum ClientKind {
        SOCKET,
        JDK
    }

    /** Which real request the {@code raw} scenario's one body is sized like. */
    public enum RawBody {
        /** {@code {"md5":"…"}}, as a final-status check sends. */
        CHECK,
        /** A create's body (amount, currency, merchant, account, description, expiry). */
        CREATE
    }

    public static final String USAGE = """
      usage: LoadTest --url http://127.0.0.1:8080 --key bk_test_... [options]
        --scenario create|check|bulk|mixed|raw   what to drive (default check)
        --connections N        concurrent closed-loop workers, one request in flight each (default 64)
        --duration 30s         measured time after warm-up (ms, s, m; at most 1h)
        --warmup 5s            time driven but not recorded (default 5s)
        --max-requests N       stop after N requests, warm-up included (default 50000000)
        --max-errors N         stop after N failed requests (non-2xx or I/O) (default 10000)
        --pool N               transactions created before check/bulk/mixed (default 1000)
        --check-final          pay the pool in the simulator and check each once, so checks hit final statuses
        --simulator URL        simulator base URL for --check-final (default http://127.0.0.1:9090)
        --bakong-id ID         merchant account in created QRs (default loadshop@devb)
        --client socket|jdk    raw keep-alive socket client (default) or java.net.http.HttpClient
        --timeout 10s          per-request socket timeout
        --allow-remote         allow a non-loopback --url or --simulator host
        --idempotency-keys     send every create with its own Idempotency-Key, as a careful shop does
        --identical-bodies     send every create with the same body (a fixed-price item, a kiosk)
        --path /p              raw: where to POST (default /api/v1/check/md5)
        --raw-body check|create  raw: one fixed body the size of a check's or a create's (default check)
        --md5-file FILE        check these md5s (one a line, the key's merchant's) instead of creating a pool
        --pool-out FILE        only build the pool (with --check-final: paid and checked), write its md5s
                               to FILE, one a line, and stop: for another client such as wrk
      """;

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message meant for a user. */
    public static LoadOptions parse(String... args) {
        URI url = null;
        String key = null;
        Scenario scenario = Scenario.CHECK;
        int connections = 64;
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(5);
        long maxRequests = 50_000_000L;
        long maxErrors = 10_000L;
        int pool = 1000;
        boolean checkFinal = false;
        URI simulator = URI.create("http://127.0.0.1:9090");
        ClientKind client = ClientKind.SOCKET;
        String bakongId = "loadshop@devb";
        Duration timeout = Duration.ofSeconds(10);
        boolean allowRemote = false;
        boolean idempotencyKeys = false;
        boolean identicalBodies = false;
        String rawPath = Scenario.Operation.CHECK_MD5.path;
        RawBody rawBody = RawBody.CHECK;
        Path md5File = null;
        Path poolOut = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--check-final" -> checkFinal = true;
                case "--allow-remote" -> allowRemote = true;
                case "--idempotency-keys" -> idempotencyKeys = true;
                case "--identical-bodies" -> identicalBodies = true;
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("missing value after " + flag + "\n" + USAGE);
                    }
                    String value = args[++i];
                    switch (flag) {
                        case "--url" -> url = httpUri(value, flag);
                        case "--key" -> key = value;
                        case "--scenario" -> scenario = Scenario.parse(value);
                        case "--connections" -> connections = (int) positive(value, flag, 4096);
                        case "--duration" -> duration = parseDuration(value, flag);
                        case "--warmup" -> warmup = parseDuration(value, flag);
                        case "--max-requests" -> maxRequests = positive(value, flag, Long.MAX_VALUE);
                        case "--max-errors" -> maxErrors = positive(value, flag, Long.MAX_VALUE);
                        case "--pool" -> pool = (int) positive(value, flag, 1_000_000);
                        case "--simulator" -> simulator = httpUri(value, flag);
                        case "--bakong-id" -> bakongId = value;
                        case "--client" -> client = ClientKind.valueOf(value.toUpperCase(Locale.ROOT));
                        case "--timeout" -> timeout = parseDuration(value, flag);
                        case "--path" -> rawPath = requestPath(value);
                        case "--raw-body" -> rawBody = rawBody(value);
                        case "--md5-file" -> md5File = Path.of(value);
                        case "--pool-out" -> poolOut = Path.of(value);
                        default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
                    }
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--url is required\n" + USAGE);
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("--key is required (an ENTERPRISE key with a high rate limit)");
        }
        if (duration.isZero()) {
            throw new IllegalArgumentException("--duration must be more than 0");
        }
        if (duration.plus(warmup).compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("--duration plus --warmup must be at most 1h");
        }
        if (!bakongId.matches("[A-Za-z0-9_.-]{1,32}@[A-Za-z0-9_.-]{1,32}")) {
            throw new IllegalArgumentException("--bakong-id must look like name@bank, not " + bakongId);
        }
        if (timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be more than 0");
        }
        if (!allowRemote) {
            requireLoopback(url, "--url");
            if (checkFinal) {
                requireLoopback(simulator, "--simulator");
            }
        }
        if (poolOut != null && md5File != null) {
            throw new IllegalArgumentException("--pool-out builds a pool; --md5-file replaces it: give one");
        }
        if (scenario.needsPool() && pool < 50) {
            throw new IllegalArgumentException("--pool must be at least 50: bulk checks batches of 50");
        }
        return new LoadOptions(
                url,
                key,
                scenario,
                connections,
                duration,
                warmup,
                maxRequests,
                maxErrors,
                pool,
                checkFinal,
                simulator,
                bakongId,
                client,
                timeout,
                allowRemote,
                idempotencyKeys,
                identicalBodies,
                rawPath,
                rawBody,
                md5File,
                poolOut);
    }

    /** An absolute path (and query) that goes on the request line as it is. */
    private static String requestPath(String value) {
        if (!value.matches("/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]{0,2000}")) {
            throw new IllegalArgumentException("--path must start with / and hold only URL characters, not " + value);
        }
        return value;
    }

    private static RawBody rawBody(String value) {
        try {
            return RawBody.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--raw-body must be check or create, not " + value);
        }
    }

    /** The longest any one duration flag may say; a run's duration plus warm-up is held to {@link #MAX_DURATION}. */
    private static final Parser<Duration> DURATION = Parsers.duration(Duration.ZERO, Duration.ofHours(24));

    private static final Parser<URI> BASE_URL =
            Parsers.httpUrl().orSay("must be an http://host:port URL").map(Parsers::withoutTrailingSlash);

    /** "30s", "500ms", "2m", or a bare number of seconds: the settings' duration rule, up to 24h. */
    static Duration parseDuration(String value, String flag) {
        return parse(flag, value, DURATION);
    }

    /** {@code parser}'s value, or an {@link IllegalArgumentException} worded as the settings word it. */
    private static <T> T parse(String flag, String value, Parser<T> parser) {
        try {
            return parser.parse(value.strip());
        } catch (Rejected e) {
            throw new IllegalArgumentException(
                    flag + " was '" + value + "' but it " + e.entries().get(0).reason());
        }
    }

    private static long positive(String value, String flag, long max) {
        return parse(flag, value.replace("_", ""), Parsers.wholeNumber(1, max, "must be between 1 and " + max));
    }

    private static URI httpUri(String value, String flag) {
        URI uri = parse(flag, value, BASE_URL);
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(flag + ": only http://host:port URLs are supported: " + value);
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
            throw new IllegalArgumentException(flag + ": give the base URL without a path: " + value);
        }
        return uri;
    }

    /** Every address the host resolves to must be loopback, so "localhost" passes and a LAN IP does not. */
    static void requireLoopback(URI uri, String flag) {
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException(flag + " " + uri + " is not a loopback address;"
                            + " this tool only loads servers on this machine unless --allow-remote is given");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(flag + ": unknown host " + uri.getHost());
        }
    }
}
