package dev.bakongpay.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bakongpay.core.admin.ApiKeyAdmin;
import dev.bakongpay.core.internal.PrintableText;
import dev.bakongpay.core.payment.FieldError;
import dev.bakongpay.core.payment.PaymentException;
import dev.bakongpay.jaxrs.admin.AdminViews;
import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ConfigurationException;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.config.Settings;
import dev.bakongpay.server.runtime.ServerRuntime;
import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.ApiKeyStore;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.Storage;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar bakongpay-server.jar keys create|list|revoke|rotate|plan …}: API-key management
 * on the configured store (the settings {@code serve} reads), with the rules of core's
 * {@link ApiKeyAdmin}; each change is audited as {@code cli:<OS user>}. Exit codes as
 * {@link ServerMain}: 0 done, 2 bad usage or input, 1 the store failed or the key cannot be changed.
 *
 * <p>An embedded H2 file is locked by the server that has it open; this command then prints one
 * line saying to use the admin API of that server (or to stop it) and writes nothing into its data
 * folder. PostgreSQL has no such lock: the command works beside running nodes, which see a change
 * within their API-key cache's life (5 s).
 */
final class KeysCommand {
    static final String USAGE = """
            usage: java -jar bakongpay-server.jar keys <command> [--config FILE] [--json]
              keys create --plan FREE|PRO|ENTERPRISE [--label TEXT] [--mode test|live] [--merchant ID]
              keys list
              keys revoke <id>
              keys rotate <id> [--grace 24h]   (the old key works until now + grace: 0 to 30d, as 90s, 15m, 24h, 7d)
              keys plan <id> FREE|PRO|ENTERPRISE
            The key is printed once, by create and rotate; only its SHA-256 is stored. Same settings as serve.""";
    private static final Pattern GRACE = Pattern.compile("(\\d{1,7})([smhd]?)");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final String actor;

    private KeysCommand(PrintStream out, PrintStream err, Clock clock, String actor) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.actor = actor;
    }

    /** Runs {@code keys <args>}; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        String user =
                PrintableText.of(System.getProperty("user.name", "unknown"), 64).replaceAll("[^A-Za-z0-9._@-]", "_");
        return new KeysCommand(out, err, clock, "cli:" + (user.isBlank() ? "unknown" : user)).run(args);
    }

    /** The arguments, parsed: the command, its positional words and its options. */
    private record Invocation(
            String command, List<String> words, Map<String, String> options, boolean json, String config) {}

    private int run(String[] args) {
        Invocation call;
        try {
            call = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("bakongpay-server keys: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (call == null) {
            out.println(USAGE);
            return 0;
        }
        Plan plan;
        Duration grace;
        PaymentMode mode;
        try {
            plan = checkArguments(call);
            grace = call.command().equals("rotate") ? grace(call.options().get("--grace")) : null;
            mode = ApiKeyAdmin.mode(call.options().get("--mode"), "--mode");
        } catch (PaymentException.Invalid e) {
            return invalid(e);
        } catch (IllegalArgumentException e) {
            err.println("bakongpay-server keys: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        ServerSettings settings;
        try {
            settings = ServerSettings.read(ConfigLookup.standard(call.config()), ServerSettings.Command.SERVE);
        } catch (ConfigurationException e) {
            err.println(e.getMessage());
            return 2;
        }
        Logging.configure("warn", settings.logFormat());
        Storage storage;
        try {
            storage = open(settings);
        } catch (RuntimeException e) {
            if (settings.db().embeddedDefault() && inUse(e)) {
                err.println("bakongpay-server keys: the store in " + settings.dataDir()
                        + " is in use by a running server;" + " manage keys through its admin API ("
                        + adminHint(settings) + "), or stop it and run this again");
            } else {
                err.println("bakongpay-server keys: cannot open the store: " + PrintableText.of(e.getMessage(), 300));
            }
            return 1;
        }
        try (storage) {
            return execute(call, new ApiKeyAdmin(storage.apiKeys(), storage.audit(), clock), plan, grace, mode);
        } catch (PaymentException.Invalid e) {
            return invalid(e);
        } catch (RuntimeException e) {
            err.println("bakongpay-server keys: the store failed: " + PrintableText.of(e.getMessage(), 300));
            return 1;
        }
    }

    private static Invocation parse(String[] args) {
        if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) return null;
        String command = args[0];
        if (!List.of("create", "list", "revoke", "rotate", "plan").contains(command)) {
            throw new IllegalArgumentException("unknown command '" + PrintableText.of(command, 40) + "'");
        }
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean json = false;
        String config = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--json" -> json = true;
                case "--config", "--plan", "--label", "--mode", "--merchant", "--grace" -> {
                    if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
                    if (a.equals("--config")) config = args[++i];
                    else if (options.put(a, args[++i]) != null)
                        throw new IllegalArgumentException(a + " is given twice");
                }
                default -> {
                    if (a.startsWith("--"))
                        throw new IllegalArgumentException("unknown option '" + PrintableText.of(a, 40) + "'");
                    words.add(a);
                }
            }
        }
        List<String> allowed = switch (command) {
            case "create" -> List.of("--plan", "--label", "--mode", "--merchant");
            case "rotate" -> List.of("--grace");
            default -> List.of();
        };
        for (String option : options.keySet()) {
            if (!allowed.contains(option))
                throw new IllegalArgumentException("keys " + command + " takes no " + option);
        }
        int wanted = switch (command) {
            case "create", "list" -> 0;
            case "plan" -> 2;
            default -> 1;
        };
        if (words.size() != wanted) {
            throw new IllegalArgumentException("keys " + command + " takes "
                    + (wanted == 0 ? "no key id" : wanted == 1 ? "one key id" : "a key id and a plan"));
        }
        return new Invocation(command, words, options, json, config);
    }

    /** The plan argument of create and plan, checked before the store is opened. */
    private static Plan checkArguments(Invocation call) {
        return switch (call.command()) {
            case "create" -> ApiKeyAdmin.plan(call.options().get("--plan"), "--plan");
            case "plan" -> ApiKeyAdmin.plan(call.words().get(1), "plan");
            default -> null;
        };
    }

    /** {@code 90s}, {@code 15m}, {@code 24h}, {@code 7d} or bare seconds; 24 h when absent. */
    static Duration grace(String text) {
        if (text == null) return ApiKeyAdmin.DEFAULT_GRACE;
        Matcher m = GRACE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new PaymentException.Invalid(
                    "--grace", "invalid_format", "must look like 90s, 15m, 24h or 7d (0 to 30d)");
        }
        long n = Long.parseLong(m.group(1));
        Duration grace = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
        if (grace.compareTo(ApiKeyAdmin.MAX_GRACE) > 0) {
            throw new PaymentException.Invalid("--grace", "out_of_range", "must be 0 to 30d");
        }
        return grace;
    }

    private int execute(Invocation call, ApiKeyAdmin admin, Plan plan, Duration grace, PaymentMode mode) {
        String id = call.words().isEmpty() ? null : call.words().get(0);
        switch (call.command()) {
            case "create" -> {
                ApiKeyAdmin.Issued issued = admin.create(
                        plan,
                        call.options().get("--label"),
                        mode,
                        call.options().get("--merchant"),
                        actor);
                if (call.json()) return json(Map.of("key", issued.key(), "apiKey", view(issued.record())));
                printIssued(issued.key(), issued.record());
                return 0;
            }
            case "list" -> {
                List<ApiKeyRecord> keys = admin.list(ApiKeyStore.MAX_LIST);
                if (call.json())
                    return json(Map.of("keys", keys.stream().map(this::view).toList()));
                printTable(keys);
                return 0;
            }
            case "revoke" -> {
                return admin.revoke(id, actor)
                        .map(r -> {
                            if (call.json()) return json(Map.of("apiKey", view(r)));
                            out.println(r.id() + " revoked at " + r.revokedAt() + "; nodes refuse it within 5 s");
                            return 0;
                        })
                        .orElseGet(() -> unknown(id));
            }
            case "rotate" -> {
                try {
                    return admin.rotate(id, grace, actor)
                            .map(r -> {
                                if (call.json()) {
                                    return json(Map.of(
                                            "key",
                                            r.key(),
                                            "apiKey",
                                            view(r.current()),
                                            "previous",
                                            view(r.previous())));
                                }
                                printIssued(r.key(), r.current());
                                out.println("old key " + r.previous().id() + " keeps working until "
                                        + r.previous().expiresAt() + ", then is refused");
                                return 0;
                            })
                            .orElseGet(() -> unknown(id));
                } catch (ApiKeyAdmin.NotRotatable e) {
                    err.println("bakongpay-server keys: " + e.getMessage());
                    return 1;
                }
            }
            default -> {
                Plan before = admin.find(id).map(ApiKeyRecord::plan).orElse(null);
                return admin.changePlan(id, plan, actor)
                        .map(r -> {
                            if (call.json()) return json(Map.of("apiKey", view(r)));
                            out.println(
                                    r.id() + ": plan " + before + " -> " + r.plan() + "; nodes apply it within 5 s");
                            return 0;
                        })
                        .orElseGet(() -> unknown(id));
            }
        }
    }

    private void printIssued(String key, ApiKeyRecord r) {
        out.println("id:  " + r.id() + "  (" + r.plan() + ", " + r.mode() + ", merchant " + r.merchantId()
                + (r.label() == null ? "" : ", label \"" + PrintableText.of(r.label(), 100) + "\"") + ")");
        out.println("key: " + key);
        out.println("The key is shown this once: store it now. Only its SHA-256 is kept.");
    }

    private void printTable(List<ApiKeyRecord> keys) {
        Instant now = clock.instant();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "PREFIX", "LABEL", "PLAN", "MODE", "CREATED", "LAST USED", "STATE"});
        for (ApiKeyRecord r : keys) {
            String state = r.state(now).name()
                    + (r.state(now).name().equals("EXPIRING") ? " until " + time(r.expiresAt()) : "");
            rows.add(new String[] {
                r.id(),
                r.prefix() + "…",
                r.label() == null ? "-" : PrintableText.of(r.label(), 40),
                r.plan().name(),
                r.mode().name(),
                time(r.createdAt()),
                r.lastUsedAt() == null ? "never" : time(r.lastUsedAt()),
                state
            });
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++)
                widths[c] = Math.max(widths[c], row[c].codePointCount(0, row[c].length()));
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(row[c]);
                if (c < row.length - 1)
                    line.append(" ".repeat(widths[c] - row[c].codePointCount(0, row[c].length()) + 2));
            }
            out.println(line.toString().stripTrailing());
        }
        if (keys.isEmpty()) out.println("(no API keys yet: keys create --plan PRO --label \"Shop A\")");
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private Map<String, Object> view(ApiKeyRecord r) {
        return AdminViews.key(r, clock);
    }

    private int json(Map<String, Object> body) {
        try {
            out.println(JSON.writeValueAsString(body));
            return 0;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int unknown(String id) {
        err.println(
                "bakongpay-server keys: no API key has the id " + PrintableText.of(id, 64) + " (keys list shows them)");
        return 1;
    }

    private int invalid(PaymentException.Invalid e) {
        for (FieldError f : e.details()) err.println("bakongpay-server keys: " + f.field() + " " + f.message());
        return 2;
    }

    /** The store, without leaving an H2 trace file in a data folder another process may hold. */
    private static Storage open(ServerSettings settings) {
        ServerSettings.Database db = settings.db();
        String url = db.embeddedDefault() ? db.url() + ";TRACE_LEVEL_FILE=0" : db.url();
        return ServerRuntime.openStorage(db, url, Clock.systemUTC());
    }

    /** H2's "Database may be already in use" (error 90020), wherever it sits in the causes. */
    private static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && s.getErrorCode() == 90020) return true;
            if (String.valueOf(t.getMessage()).contains("Database may be already in use")) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    private static String adminHint(ServerSettings settings) {
        String base = "http://"
                + (settings.host() == null || settings.host().equals("0.0.0.0") ? "127.0.0.1" : settings.host()) + ":"
                + settings.port() + "/admin/v1/keys";
        return settings.adminToken() == null
                ? "set " + Settings.ADMIN_TOKEN.name() + " and restart it to turn it on; then " + base
                : "curl -H \"Authorization: Bearer $" + Settings.ADMIN_TOKEN.name() + "\" " + base;
    }
}
