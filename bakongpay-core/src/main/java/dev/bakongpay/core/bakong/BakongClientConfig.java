package dev.bakongpay.core.bakong;

import dev.bakongpay.core.metrics.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the Bakong Open API client. Build with {@link #builder(String, String)}; every
 * setting but the base URL and the token has a default. All problems are reported at once.
 *
 * @param baseUrl                 e.g. {@code https://api-bakong.nbc.gov.kh} (paths {@code /v1/…} are appended)
 * @param token                   NBC's bearer token (a JWT that expires after about 90 days)
 * @param connectTimeout          TCP/TLS connect timeout; default 5 s
 * @param requestTimeout          whole-answer timeout per attempt, capped by what is left of {@code deadline}; default 3 s
 * @param deadline                overall time budget of one operation (a check, a list call, its
 *                                retries and backoffs): retries run only while time remains; default 5 s
 * @param maxRetries              extra attempts for reads after a 5xx, a connection failure or a timeout; default 2
 * @param retryBackoff            base of the exponential backoff with full jitter; default 200 ms
 * @param circuitFailureThreshold consecutive failed attempts that open the circuit; default 5
 * @param circuitOpenDuration     how long an open circuit refuses calls before one trial; default 30 s
 * @param proxy                   HTTP proxy for every call, or null (NBC answers Cambodian networks only)
 * @param renewalEmail            the e-mail NBC issued the token to, enabling renew_token; or null
 * @param pendingCacheTtl         how long a NOT_FOUND answer is reused (absorbs poll storms); default 3 s
 * @param finalCacheTtl           how long a FOUND or FAILED answer is reused; default 10 min
 * @param fallbackConcurrency     parallel single md5 checks when NBC refuses the list call; default 4
 * @param clock                   time source of the circuit breaker, caches and token expiry
 * @param meterRegistry           where calls to NBC, the circuit state and the answer cache are recorded; default: nowhere
 * @param upstreamTag             the {@code upstream} tag of this client's meters, telling two clients apart
 *                                (the server's are {@code live} and {@code test}); default {@code bakong}
 */
public record BakongClientConfig(
        URI baseUrl,
        String token,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration deadline,
        int maxRetries,
        Duration retryBackoff,
        int circuitFailureThreshold,
        Duration circuitOpenDuration,
        InetSocketAddress proxy,
        String renewalEmail,
        Duration pendingCacheTtl,
        Duration finalCacheTtl,
        int fallbackConcurrency,
        Clock clock,
        MeterRegistry meterRegistry,
        String upstreamTag) {

    public BakongClientConfig {
        List<String> problems = new ArrayList<>();
        if (baseUrl == null
                || baseUrl.getHost() == null
                || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
            problems.add("baseUrl was '" + baseUrl + "' but it must be an http(s) URL with a host");
        }
        if (token == null || token.isBlank() || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            problems.add("token was " + (token == null ? "missing" : "'" + mask(token) + "'")
                    + " but it must be non-empty printable ASCII without spaces");
        }
        positive(problems, "connectTimeout", connectTimeout);
        positive(problems, "requestTimeout", requestTimeout);
        positive(problems, "deadline", deadline);
        notNegative(problems, "retryBackoff", retryBackoff);
        notNegative(problems, "pendingCacheTtl", pendingCacheTtl);
        notNegative(problems, "finalCacheTtl", finalCacheTtl);
        positive(problems, "circuitOpenDuration", circuitOpenDuration);
        if (maxRetries < 0 || maxRetries > 10) {
            problems.add("maxRetries was '" + maxRetries + "' but it must be between 0 and 10");
        }
        if (circuitFailureThreshold < 1) {
            problems.add("circuitFailureThreshold was '" + circuitFailureThreshold + "' but it must be at least 1");
        }
        if (fallbackConcurrency < 1 || fallbackConcurrency > 50) {
            problems.add("fallbackConcurrency was '" + fallbackConcurrency + "' but it must be between 1 and 50");
        }
        if (renewalEmail != null
                && (renewalEmail.isBlank() || !renewalEmail.contains("@") || renewalEmail.length() > 30)) {
            problems.add("renewalEmail was '" + renewalEmail
                    + "' but it must be an e-mail address of at most 30 characters");
        }
        if (clock == null) {
            problems.add("clock was missing but it is required");
        }
        if (meterRegistry == null) {
            problems.add("meterRegistry was missing but it is required (Meters.none() records nothing)");
        }
        if (upstreamTag == null || !upstreamTag.matches("[a-z0-9_]{1,32}")) {
            problems.add("upstreamTag was '" + upstreamTag + "' but it must be 1 to 32 of a-z, 0-9 and _");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid Bakong client configuration: " + String.join("; ", problems));
        }
        // the base URL is joined with "/v1/…": drop a trailing slash once, here
        String url = baseUrl.toString();
        if (url.endsWith("/")) {
            baseUrl = URI.create(url.substring(0, url.length() - 1));
        }
    }

    public static Builder builder(String baseUrl, String token) {
        return new Builder(baseUrl, token);
    }

    /** The token with all but its first and last four characters hidden, for logs and messages. */
    static String mask(String token) {
        return token.length() <= 12 ? "***" : token.substring(0, 4) + "…" + token.substring(token.length() - 4);
    }

    @Override
    public String toString() {
        return "BakongClientConfig[baseUrl=" + baseUrl + ", token=" + mask(token) + ", proxy=" + proxy
                + ", renewalEmail=" + renewalEmail + ", requestTimeout=" + requestTimeout + ", deadline=" + deadline
                + ", maxRetries=" + maxRetries + "]";
    }

    private static void positive(List<String> problems, String name, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            problems.add(name + " was '" + d + "' but it must be a positive duration");
        }
    }

    private static void notNegative(List<String> problems, String name, Duration d) {
        if (d == null || d.isNegative()) {
            problems.add(name + " was '" + d + "' but it must be zero or positive");
        }
    }

    /** Builds a {@link BakongClientConfig}; defaults as documented on the record. */
    public static final class Builder {
        private final String baseUrl;
        private final String token;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(3);
        private Duration deadline = Duration.ofSeconds(5);
        private int maxRetries = 2;
        private Duration retryBackoff = Duration.ofMillis(200);
        private int circuitFailureThreshold = 5;
        private Duration circuitOpenDuration = Duration.ofSeconds(30);
        private InetSocketAddress proxy;
        private String proxyProblem;
        private String renewalEmail;
        private Duration pendingCacheTtl = Duration.ofSeconds(3);
        private Duration finalCacheTtl = Duration.ofMinutes(10);
        private int fallbackConcurrency = 4;
        private Clock clock = Clock.systemUTC();
        private MeterRegistry meterRegistry = Meters.none();
        private String upstreamTag = "bakong";

        private Builder(String baseUrl, String token) {
            this.baseUrl = baseUrl;
            this.token = token;
        }

        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        public Builder requestTimeout(Duration v) {
            requestTimeout = v;
            return this;
        }
        /** Overall budget of one operation, retries included. */
        public Builder deadline(Duration v) {
            deadline = v;
            return this;
        }

        public Builder maxRetries(int v) {
            maxRetries = v;
            return this;
        }

        public Builder retryBackoff(Duration v) {
            retryBackoff = v;
            return this;
        }

        public Builder circuitFailureThreshold(int v) {
            circuitFailureThreshold = v;
            return this;
        }

        public Builder circuitOpenDuration(Duration v) {
            circuitOpenDuration = v;
            return this;
        }

        public Builder renewalEmail(String v) {
            renewalEmail = v;
            return this;
        }

        public Builder pendingCacheTtl(Duration v) {
            pendingCacheTtl = v;
            return this;
        }

        public Builder finalCacheTtl(Duration v) {
            finalCacheTtl = v;
            return this;
        }

        public Builder fallbackConcurrency(int v) {
            fallbackConcurrency = v;
            return this;
        }

        public Builder clock(Clock v) {
            clock = v;
            return this;
        }
        /** Records calls to NBC, the circuit state and the answer cache in {@code registry}, tagged {@code upstream=<upstreamTag>}. */
        public Builder meterRegistry(MeterRegistry registry, String upstreamTag) {
            this.meterRegistry = registry;
            this.upstreamTag = upstreamTag;
            return this;
        }

        /** A proxy as {@code host:port} (the form of {@code BAKONGPAY_BAKONG_PROXY}); null or blank for none. */
        public Builder proxy(String hostPort) {
            proxy = null;
            proxyProblem = null;
            if (hostPort == null || hostPort.isBlank()) {
                return this;
            }
            int colon = hostPort.lastIndexOf(':');
            try {
                int port = Integer.parseInt(hostPort.substring(colon + 1).trim());
                String host = hostPort.substring(0, colon).trim();
                if (colon <= 0 || host.isEmpty() || port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                // resolved when the client is created, so a DNS change needs a restart, not a rebuild
                proxy = InetSocketAddress.createUnresolved(host, port);
            } catch (RuntimeException e) {
                proxyProblem = "proxy was '" + hostPort + "' but it must look like host:port";
            }
            return this;
        }

        public BakongClientConfig build() {
            URI uri;
            try {
                uri = baseUrl == null ? null : URI.create(baseUrl.trim());
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (proxyProblem != null) {
                throw new IllegalArgumentException("invalid Bakong client configuration: " + proxyProblem);
            }
            if (uri == null && baseUrl != null) {
                throw new IllegalArgumentException("invalid Bakong client configuration: baseUrl was '" + baseUrl
                        + "' but it must be an http(s) URL with a host");
            }
            return new BakongClientConfig(
                    uri,
                    token,
                    connectTimeout,
                    requestTimeout,
                    deadline,
                    maxRetries,
                    retryBackoff,
                    circuitFailureThreshold,
                    circuitOpenDuration,
                    proxy,
                    renewalEmail,
                    pendingCacheTtl,
                    finalCacheTtl,
                    fallbackConcurrency,
                    clock,
                    meterRegistry,
                    upstreamTag);
        }
    }
}
