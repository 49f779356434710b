package dev.bakongpay.server.config;

import dev.bakongpay.core.config.BakongPayConfig;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.RateLimit;
import dev.bakongpay.spi.settings.Parsers;
import dev.bakongpay.spi.settings.Rejected;
import dev.bakongpay.spi.settings.Setting;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every setting of the reference server, each declared once: name, parser (type and range),
 * default, and its row of the configuration table in {@code bakongpay-server/README.md}, which
 * {@code SettingsDocumentationTest} holds equal to {@link #ALL}. {@link SettingsReader} reads them;
 * rules that span settings (a webhook URL needs its secret) live there.
 */
public final class Settings {

    public static final Setting<Integer> PORT = Setting.of("BAKONGPAY_PORT", Parsers.port(), 8080)
            .documented("`8080`", "port of the API, the checkout page and `/health`; `0` picks a free one");
    public static final Setting<String> HOST = Setting.of("BAKONGPAY_HOST", Parsers.host(), null)
            .documented("`0.0.0.0` (serve), `127.0.0.1` (sandbox)", "interface to listen on");
    public static final Setting<URI> PUBLIC_URL = Setting.of("BAKONGPAY_PUBLIC_URL", Parsers.httpUrl(), null)
            .documented(
                    "the address the server listens on",
                    "the address shoppers reach, base of `checkoutUrl` (`https://pay.example.com`)");
    public static final Setting<String> APP_NAME = Setting.of(
                    "BAKONGPAY_APP_NAME",
                    Parsers.matching(v -> !v.isBlank() && v.length() <= 100, "must be a name of 1 to 100 characters"),
                    null)
            .documented(
                    "the payment's merchant name",
                    "the app a bank app names when the `deepLink` opens it, and offers to return to (NBC's `sourceInfo.appName`)");
    public static final Setting<URI> APP_ICON_URL = Setting.of("BAKONGPAY_APP_ICON_URL", Parsers.httpUrl(), null)
            .documented(
                    "`<public URL>/pay/app-icon.svg` (the KHQR mark)",
                    "https address of that app's icon (NBC's `sourceInfo.appIconUrl`)");
    public static final Setting<Map<String, Plan>> API_KEYS = Setting.of(
                    "BAKONGPAY_API_KEYS", Settings::apiKeys, Map.<String, Plan>of())
            .documented(
                    "none (sandbox: one FREE and one PRO test key, generated)",
                    "keys to seed, `key=PLAN,key=PLAN`; a key is `bk_test_` (test mode) or `bk_live_` (live mode) and at least 8 letters, digits, `_` or `-`; PLAN is `FREE`, `PRO` or `ENTERPRISE`. Stored as SHA-256 only; a key revoked in the store stays revoked")
            .asSecret();
    public static final Setting<Path> DATA_DIR = Setting.of("BAKONGPAY_DATA_DIR", Parsers.path(), Path.of("data"))
            .documented("`./data`", "where the embedded H2 file and the sandbox simulator's state live");
    public static final Setting<String> DB_URL = Setting.of(
                    "BAKONGPAY_DB_URL",
                    Parsers.matching(v -> v.startsWith("jdbc:"), "must be a JDBC URL starting with jdbc:"),
                    null)
            .documented(
                    "`jdbc:h2:file:<data dir>/bakongpay;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;CACHE_SIZE=4096`",
                    "the store: a JDBC URL, e.g. `jdbc:postgresql://db:5432/bakongpay`. The schema is migrated at start. An H2 file URL of your own should also say `WRITE_DELAY=0`, or a `kill -9` can lose the last half second of answered creates");
    public static final Setting<String> STORAGE = Setting.of("BAKONGPAY_STORAGE", Parsers.text(), null)
            .documented(
                    "chosen by the URL",
                    "storage adapter id (`jdbc`, `memory`); `memory` keeps nothing across restarts");
    public static final Setting<String> DB_USER =
            Setting.of("BAKONGPAY_DB_USER", Parsers.text(), null).documented("none", "database user");
    public static final Setting<String> DB_PASSWORD = Setting.of("BAKONGPAY_DB_PASSWORD", Parsers.text(), null)
            .documented("none", "database password")
            .asSecret();
    public static final Setting<Integer> DB_POOL_SIZE = Setting.of(
                    "BAKONGPAY_DB_POOL_SIZE",
                    Parsers.intRange(1, 500, "must be a number of connections from 1 to 500"),
                    10)
            .documented(
                    "`10`",
                    "connections in the pool (HikariCP); about the database's core count: more make PostgreSQL processes compete for its cores (see the load results)");
    public static final Setting<Boolean> GROUP_COMMIT = Setting.of("BAKONGPAY_GROUP_COMMIT", Parsers.bool(), true)
            .documented(
                    "`true`",
                    "JDBC store: concurrent creates share database commits (writer threads commit what is queued, up to 64 writes, in one transaction; each create is answered after the commit that holds it). `false`: each write commits on its own");
    public static final Setting<String> REDIS_URL = Setting.of(
                    "BAKONGPAY_REDIS_URL",
                    Parsers.matching(
                            v -> v.startsWith("redis://") || v.startsWith("rediss://"),
                            "must be a URL starting with redis:// or rediss://"),
                    null)
            .documented(
                    "none: limits kept in memory, per node",
                    "`redis://host:6379` (or `rediss://`) to share rate limits between nodes");
    public static final Setting<Map<Plan, RateLimit>> RATE_LIMITS = Setting.of(
                    "BAKONGPAY_RATE_LIMITS", Settings::rateLimits, Map.<Plan, RateLimit>of())
            .documented(
                    "`FREE=60/m,PRO=600/m,ENTERPRISE=6000/m`",
                    "requests per API key, `PLAN=N/s\\|m\\|h`; a plan left out keeps its default");
    public static final Setting<URI> BAKONG_URL = Setting.of(
                    "BAKONGPAY_BAKONG_URL", Parsers.httpUrl(), BakongPayConfig.NBC_URL)
            .documented("`https://api-bakong.nbc.gov.kh`", "NBC's Bakong Open API, for live keys");
    public static final Setting<String> BAKONG_TOKEN = Setting.of("BAKONGPAY_BAKONG_TOKEN", Parsers.text(), null)
            .documented(
                    "none (live checks then fail)",
                    "NBC token; `/health` and the start-up log show the days it has left")
            .asSecret();
    public static final Setting<String> BAKONG_EMAIL = Setting.of(
                    "BAKONGPAY_BAKONG_EMAIL",
                    Parsers.matching(
                            v -> v.matches("[^@\\s]+@[^@\\s]+") && v.length() <= 30,
                            "must be the e-mail address registered with NBC (at most 30 characters)"),
                    null)
            .documented("none", "the e-mail registered with NBC, to renew the token");
    public static final Setting<URI> BAKONG_PROXY = Setting.of("BAKONGPAY_BAKONG_PROXY", Settings::proxy, null)
            .documented("none", "HTTP proxy for calls to NBC, `proxy:3128` or `http://proxy:3128`");
    public static final Setting<Integer> DEFAULT_EXPIRY_SECONDS = Setting.of(
                    "BAKONGPAY_DEFAULT_EXPIRY_SECONDS",
                    Parsers.intRange(60, 86400 * 30, "must be a whole number of seconds from 60 to 2592000"),
                    900)
            .documented("`900`", "QR lifetime when a create request names none (60 to 2592000)");
    public static final Setting<Integer> MAX_EXPIRY_SECONDS = Setting.of(
                    "BAKONGPAY_MAX_EXPIRY_SECONDS",
                    Parsers.intRange(60, 86400 * 30, "must be a whole number of seconds from 60 to 2592000"),
                    86400)
            .documented("`86400`", "longest QR lifetime a request may ask");
    public static final Setting<Integer> MAX_BODY_BYTES = Setting.of(
                    "BAKONGPAY_MAX_BODY_BYTES",
                    Parsers.intRange(1024, 16 * 1024 * 1024, "must be a whole number of bytes from 1024 to 16777216"),
                    65536)
            .documented("`65536`", "largest request body the API accepts");
    public static final Setting<Integer> PENDING_CACHE_MILLIS = Setting.of(
                    "BAKONGPAY_PENDING_CACHE_MILLIS",
                    Parsers.intRange(0, 60_000, "must be a whole number of milliseconds from 0 to 60000"),
                    2000)
            .documented("`2000`", "how long a \"not paid yet\" answer from NBC is reused (absorbs poll storms)");
    public static final Setting<Boolean> SIMULATOR_ENABLED = Setting.of(
                    "BAKONGPAY_SIMULATOR_ENABLED", Parsers.bool(), false)
            .documented(
                    "`false` (sandbox: always)", "run the Bakong simulator inside the server for test keys (JAR only)");
    public static final Setting<Integer> SIMULATOR_PORT = Setting.of("BAKONG_SIMULATOR_PORT", Parsers.port(), 9090)
            .documented("`9090`", "port of the embedded simulator and its mock bank app");
    public static final Setting<String> SIMULATOR_HOST = Setting.of(
                    "BAKONG_SIMULATOR_HOST", Parsers.host(), "127.0.0.1")
            .documented(
                    "`127.0.0.1` (whatever `BAKONGPAY_HOST` is)",
                    "interface the embedded simulator listens on; on a loopback address it answers only requests addressed to `127.0.0.1`/`localhost`. `0.0.0.0` opens its control API (which marks payments paid) to the network: set a control token then");
    public static final Setting<String> SIMULATOR_CONTROL_TOKEN = Setting.of(
                    "BAKONG_SIMULATOR_CONTROL_TOKEN", Parsers.text(), null)
            .documented(
                    "none",
                    "a Bearer token the embedded simulator's control API (`/simulator/…`, all but `GET /simulator/health`) requires; the mock bank app asks for it once per browser tab. Never printed")
            .asSecret();
    public static final Setting<URI> TEST_BAKONG_URL = Setting.of(
                    "BAKONGPAY_TEST_BAKONG_URL", Parsers.httpUrl().map(Parsers::withoutTrailingSlash), null)
            .documented("none", "a simulator running elsewhere, for test keys (instead of the embedded one)");
    public static final Setting<String> TEST_BAKONG_TOKEN = Setting.of(
                    "BAKONGPAY_TEST_BAKONG_TOKEN", Parsers.text(), null)
            .documented("none", "that simulator's fixed token (its `BAKONG_SIMULATOR_TOKEN`); required with the URL")
            .asSecret();
    public static final Setting<Integer> RECONCILE_SECONDS = Setting.of(
                    "BAKONGPAY_RECONCILE_SECONDS",
                    Parsers.intRange(0, 86_400, "must be a whole number of seconds from 0 (off) to 86400"),
                    30)
            .documented(
                    "`30`",
                    "how often core's reconciler checks pending payments nobody polls (batches of 50, leased per node); `0` turns it off. While Bakong fails, the wait doubles up to 5 minutes and is back to this once it answers");
    public static final Setting<Integer> RECONCILE_LEASE_SECONDS = Setting.of(
                    "BAKONGPAY_RECONCILE_LEASE_SECONDS",
                    Parsers.intRange(5, 86_400, "must be a whole number of seconds from 5 to 86400"),
                    null)
            .documented(
                    "the interval, but at least the Bakong deadline + 5 s (30 with the defaults)",
                    "how long a node holds a batch (5 to 86400): reconciliation asks about one md5 at most once per lease, however many nodes run, so an unpolled payment is seen within about one lease; an expired payment is looked at again for two leases, so a late payment is still seen");
    public static final Setting<Integer> RECONCILE_MAX_BATCHES = Setting.of(
                    "BAKONGPAY_RECONCILE_MAX_BATCHES",
                    Parsers.intRange(1, 1000, "must be a whole number of batches from 1 to 1000"),
                    10)
            .documented(
                    "`10`",
                    "full batches of 50 one reconciliation tick runs back to back (1 to 1000). One node reconciles at most this × 50 payments per interval, with as many md5-list calls to Bakong: 500 per 30 s (about 17/s) by default. A shop whose unpolled payments come faster raises it (or adds nodes: each takes its own batches), or they wait in line, oldest never-checked first");
    public static final Setting<Duration> BAKONG_TIMEOUT = Setting.of(
                    "BAKONGPAY_BAKONG_TIMEOUT",
                    Parsers.duration(Duration.ofMillis(100), Duration.ofSeconds(60)),
                    Duration.ofSeconds(3))
            .documented(
                    "`3s`",
                    "longest wait for one attempt of a call to Bakong (`2500ms`, `3s` or a bare number of seconds; 100 ms to 60 s)");
    public static final Setting<Duration> BAKONG_DEADLINE = Setting.of(
                    "BAKONGPAY_BAKONG_DEADLINE",
                    Parsers.duration(Duration.ofMillis(100), Duration.ofSeconds(120)),
                    Duration.ofSeconds(5))
            .documented(
                    "`5s`",
                    "time budget of one Bakong operation, retries and backoff included (100 ms to 120 s); each attempt is cut to what is left, and a check that Bakong cannot answer in time answers 504 `upstream_timeout` (or 502 `upstream_unavailable`) instead of waiting");
    public static final Setting<URI> WEBHOOK_URL = Setting.of(
                    "BAKONGPAY_WEBHOOK_URL",
                    Parsers.httpUrl().orSay("must be an absolute http:// or https:// URL (empty turns webhooks off)"),
                    null)
            .documented(
                    "none: webhooks off",
                    "the shop's endpoint for payment events, `https://shop.example/hooks/bakongpay`; each SUCCESS, FAILED or EXPIRED is POSTed there, signed (see [Webhooks](#webhooks)). Empty turns webhooks off");
    public static final Setting<String> WEBHOOK_SECRET = Setting.of("BAKONGPAY_WEBHOOK_SECRET", Parsers.text(), null)
            .documented(
                    "none; required with the URL",
                    "the shared secret of the `BakongPay-Signature` HMAC; use a long random string (a warning is logged under 16 characters). Never printed")
            .asSecret();
    public static final Setting<Integer> WEBHOOK_MAX_ATTEMPTS = Setting.of(
                    "BAKONGPAY_WEBHOOK_MAX_ATTEMPTS",
                    Parsers.intRange(1, 50, "must be a whole number of attempts from 1 to 50"),
                    8)
            .documented(
                    "`8`",
                    "sends per event before it is given up (1 to 50); waits double from 30 s (8 attempts span about an hour)");
    public static final Setting<String> ADMIN_TOKEN = Setting.of(
                    "BAKONGPAY_ADMIN_TOKEN",
                    Parsers.matching(
                            v -> v.length() >= 24 && v.chars().allMatch(c -> c > 32 && c < 127),
                            "must be at least 24 printable characters without spaces (a long random string)"),
                    null)
            .documented(
                    "none: admin API, `/metrics` and the console off",
                    "the operator's credential for `/admin/v1` (API keys, payments, webhooks), `/metrics` and the console at `/admin`, sent as `Authorization: Bearer …`; at least 24 characters. Never printed")
            .asSecret();
    public static final Setting<Integer> MANAGEMENT_PORT = Setting.of("BAKONGPAY_MANAGEMENT_PORT", Parsers.port(), null)
            .documented(
                    "none: no management port",
                    "a second port serving `GET /metrics` and `GET /health` without any token, on the interface of `BAKONGPAY_HOST` (so a Prometheus on another host can scrape it): keep it off the public network (firewall, no published port). Must differ from `BAKONGPAY_PORT`; `0` picks a free one. See [Metrics](#metrics)");
    public static final Setting<String> LOG_LEVEL = Setting.of(
                    "BAKONGPAY_LOG_LEVEL",
                    Parsers.oneOf(List.of("trace", "debug", "info", "warn", "error", "off")),
                    "info")
            .documented(
                    "`info`",
                    "`trace`, `debug`, `info`, `warn`, `error`, `off` (Logback, executable JAR only; `-Dlogback.configurationFile=FILE` replaces the whole set-up; a WAR logs as its container says)");
    public static final Setting<String> LOG_FORMAT = Setting.of(
                    "BAKONGPAY_LOG_FORMAT", Parsers.oneOf(List.of("plain", "json")), "plain")
            .documented(
                    "`plain`",
                    "`plain` (one readable line per event) or `json` (one JSON object per line, for a log collector); both carry the request id of the request a line belongs to. Executable JAR only");
    public static final Setting<Duration> SHUTDOWN_GRACE = Setting.of(
                    "BAKONGPAY_SHUTDOWN_GRACE",
                    Parsers.duration(Duration.ZERO, Duration.ofMinutes(10)),
                    Duration.ofSeconds(10))
            .documented(
                    "`10s`",
                    "on SIGTERM or Ctrl-C, how long requests in flight may take to finish (0 to 10m) once new ones are refused; then the store, limiter and simulator close. Executable JAR only");
    public static final Setting<String> CONFIG_FILE = Setting.of("BAKONGPAY_CONFIG_FILE", Parsers.text(), null)
            .documented("none", "a properties file with any of the above");

    /** In the order of the README's table. */
    public static final List<Setting<?>> ALL = List.of(
            PORT,
            HOST,
            PUBLIC_URL,
            APP_NAME,
            APP_ICON_URL,
            API_KEYS,
            DATA_DIR,
            DB_URL,
            STORAGE,
            DB_USER,
            DB_PASSWORD,
            DB_POOL_SIZE,
            GROUP_COMMIT,
            REDIS_URL,
            RATE_LIMITS,
            BAKONG_URL,
            BAKONG_TOKEN,
            BAKONG_EMAIL,
            BAKONG_PROXY,
            DEFAULT_EXPIRY_SECONDS,
            MAX_EXPIRY_SECONDS,
            MAX_BODY_BYTES,
            PENDING_CACHE_MILLIS,
            SIMULATOR_ENABLED,
            SIMULATOR_PORT,
            SIMULATOR_HOST,
            SIMULATOR_CONTROL_TOKEN,
            TEST_BAKONG_URL,
            TEST_BAKONG_TOKEN,
            RECONCILE_SECONDS,
            RECONCILE_LEASE_SECONDS,
            RECONCILE_MAX_BATCHES,
            BAKONG_TIMEOUT,
            BAKONG_DEADLINE,
            WEBHOOK_URL,
            WEBHOOK_SECRET,
            WEBHOOK_MAX_ATTEMPTS,
            ADMIN_TOKEN,
            MANAGEMENT_PORT,
            LOG_LEVEL,
            LOG_FORMAT,
            SHUTDOWN_GRACE,
            CONFIG_FILE);

    private static final Pattern RATE = Pattern.compile("(FREE|PRO|ENTERPRISE)=([1-9][0-9]{0,9})/([smh])");

    private Settings() {}

    /** {@code key=PLAN,key=PLAN}; a bad entry is shown with its key cut to the prefix, since keys are secrets. */
    private static Map<String, Plan> apiKeys(String text) {
        Map<String, Plan> keys = new LinkedHashMap<>();
        List<Rejected.Entry> rejected = new ArrayList<>();
        for (String entry : text.split(",")) {
            String e = entry.strip();
            int eq = e.lastIndexOf('=');
            String key = eq < 0 ? e : e.substring(0, eq).strip();
            String plan = eq < 0 ? "" : e.substring(eq + 1).strip().toUpperCase(Locale.ROOT);
            if (SeedKey.modeOf(key) == null
                    || !List.of("FREE", "PRO", "ENTERPRISE").contains(plan)) {
                String shown = key.length() > 8 ? key.substring(0, 8) + "…" : key;
                rejected.add(new Rejected.Entry(
                        shown + (eq < 0 ? "" : "=" + e.substring(eq + 1).strip()),
                        "must look like bk_live_…=PLAN or bk_test_…=PLAN (at least 8 letters, digits, _ or - "
                                + "after the prefix; PLAN FREE, PRO or ENTERPRISE)"));
            } else if (keys.put(key, Plan.valueOf(plan)) != null) {
                rejected.add(new Rejected.Entry(key.substring(0, 8) + "…", "must list each key once"));
            }
        }
        if (!rejected.isEmpty()) throw new Rejected(rejected);
        return keys;
    }

    /** {@code PLAN=N/s|m|h,…}; each bad entry is reported. */
    private static Map<Plan, RateLimit> rateLimits(String text) {
        Map<Plan, RateLimit> limits = new EnumMap<>(Plan.class);
        List<Rejected.Entry> rejected = new ArrayList<>();
        for (String entry : text.split(",")) {
            Matcher m = RATE.matcher(entry.strip()
                    .toUpperCase(Locale.ROOT)
                    .replace("/S", "/s")
                    .replace("/M", "/m")
                    .replace("/H", "/h"));
            if (!m.matches()) {
                rejected.add(new Rejected.Entry(entry.strip(), "must look like PLAN=N/s|m|h"));
                continue;
            }
            Duration period = switch (m.group(3)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                default -> Duration.ofHours(1);
            };
            limits.put(Plan.valueOf(m.group(1)), new RateLimit(Long.parseLong(m.group(2)), period));
        }
        if (!rejected.isEmpty()) throw new Rejected(rejected);
        return limits;
    }

    /** {@code host:port} or {@code http://host:port}. */
    private static URI proxy(String text) {
        try {
            URI proxy = Parsers.httpUrl().parse(text.contains("://") ? text : "http://" + text);
            if (proxy.getPort() > 0) return proxy;
        } catch (Rejected e) {
            // the proxy's own rule below
        }
        throw new Rejected("must be host:port or http://host:port");
    }
}
