package dev.bakongpay.core.khqr.cli;

import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.core.khqr.KhqrCurrency;
import dev.bakongpay.core.khqr.KhqrData;
import dev.bakongpay.core.khqr.KhqrException;
import dev.bakongpay.core.khqr.KhqrPayload;
import dev.bakongpay.core.khqr.KhqrResult;
import dev.bakongpay.core.khqr.KhqrVerification;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code java -jar bakongpay-core.jar decode|verify|md5|encode|demo}: for people debugging a QR
 * they were handed. Prints JSON (UTF-8) on standard output. Exit status: 0 success (for verify:
 * only when valid), 1 refused or invalid, 2 usage error.
 */
public final class KhqrCommandLine {

    static final String USAGE = String.join(
            "\n",
            "Usage: java -jar bakongpay-core.jar <command> [arguments]",
            "",
            "  decode <khqr>   every field, by the official SDK's names, as JSON",
            "  verify <khqr>   {\"valid\": ..., \"error\": ...}; exit status 0 only when valid",
            "  md5 <khqr>      md5 of the string (what NBC's API looks payments up by)",
            "  encode --bakong-account-id ID --merchant-name NAME [options]",
            "                  {\"qr\": ..., \"md5\": ...}",
            "  demo            encode a sample dynamic KHQR, then md5, decode and verify it",
            "",
            "A <khqr> of '-' is read from standard input.",
            "",
            "encode options (values as in the official SDK):",
            "  --merchant-id ID --acquiring-bank BANK   a merchant KHQR (tag 30); otherwise individual (29)",
            "  --amount N --currency KHR|USD            an amount other than 0 makes it dynamic",
            "  --expires-in SECONDS | --expiration-timestamp MS   required when dynamic",
            "  --creation-timestamp MS                  default: now",
            "  --merchant-city --merchant-category-code --account-information --bill-number",
            "  --mobile-number --store-label --terminal-label --purpose-of-transaction",
            "  --language-preference --merchant-name-alternate-language",
            "  --merchant-city-alternate-language --upi-merchant-account");

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Clock clock;

    KhqrCommandLine(PrintStream out, PrintStream err, InputStream in, Clock clock) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.clock = clock;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(new KhqrCommandLine(out, err, System.in, Clock.systemUTC()).run(args));
    }

    int run(String... args) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        String command = args[0];
        try {
            switch (command) {
                case "decode":
                    return decode(qr(args));
                case "verify":
                    return verify(qr(args));
                case "md5":
                    return md5(qr(args));
                case "encode":
                    return encode(args);
                case "demo":
                    return demo();
                case "help":
                case "--help":
                case "-h":
                    out.println(USAGE);
                    return 0;
                default:
                    err.println("Unknown command '" + command + "'.\n\n" + USAGE);
                    return 2;
            }
        } catch (UsageException e) {
            err.println(e.getMessage() + "\n\n" + USAGE);
            return 2;
        } catch (KhqrException e) {
            out.println(Json.failure(e.error()));
            return 1;
        }
    }

    private int decode(String qr) {
        out.println(Json.decode(Khqr.decode(qr)));
        return 0;
    }

    private int verify(String qr) {
        KhqrVerification v = Khqr.verify(qr, clock);
        out.println(Json.verification(v));
        return v.valid() ? 0 : 1;
    }

    private int md5(String qr) {
        out.println("{\"md5\": " + Json.string(Khqr.md5(qr)) + "}");
        return 0;
    }

    private int encode(String[] args) {
        out.println(Json.result(Khqr.encode(EncodeFlags.payload(flags(args), clock), clock)));
        return 0;
    }

    private int demo() {
        // One instant for creation and expiry, so the demo QR is valid for exactly 10 minutes.
        Clock clock = Clock.fixed(this.clock.instant(), java.time.ZoneOffset.UTC);
        KhqrPayload payload = KhqrPayload.individual("john_smith@devb")
                .merchantName("John Smith")
                .merchantCity("Phnom Penh")
                .currency(KhqrCurrency.USD)
                .amount("1.50")
                .billNumber("INV-0001")
                .storeLabel("Coffee Shop")
                .languagePreference("km")
                .merchantNameAlternateLanguage("ចន ស្មីន")
                .expiresAt(Instant.now(clock).plusSeconds(600))
                .build();
        KhqrResult result = Khqr.encode(payload, clock);
        KhqrData data = Khqr.decode(result.qr());
        out.println("BakongPay KHQR demo: a dynamic KHQR for USD 1.50, valid 10 minutes.");
        out.println();
        out.println("qr:      " + result.qr());
        out.println("md5:     " + result.md5());
        out.println("verify:  " + Json.verification(Khqr.verify(result.qr(), this.clock)));
        out.println("decode:  " + Json.decode(data).replace("\n", "\n         "));
        out.println();
        out.println("Try: java -jar bakongpay-core/target/bakongpay-core-<version>.jar decode '" + result.qr() + "'");
        return 0;
    }

    private String qr(String[] args) {
        if (args.length != 2) {
            throw new UsageException(args[0] + " takes exactly one KHQR string");
        }
        if (!"-".equals(args[1])) {
            return args[1];
        }
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UsageException("cannot read standard input: " + e.getMessage());
        }
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            String value;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (name.startsWith("--") && i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("expected --flag value, got '" + name + "'");
            }
            if (!EncodeFlags.NAMES.contains(name)) {
                throw new UsageException("unknown flag " + name);
            }
            flags.put(name, value);
        }
        return flags;
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
