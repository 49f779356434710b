package dev.bakongpay.simulator;

import dev.bakongpay.simulator.internal.SimulatorEngine;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * NBC's Bakong Open API on this machine, in this JVM: the real {@code /v1/} paths and JSON shapes,
 * plus a control API under {@code /simulator/} and the mock bank app page at {@code /}.
 *
 * <pre>{@code
 * try (BakongSimulator simulator = BakongSimulator.builder().token("test-token").build().start()) {
 *     SimulatorControl control = simulator.control();
 *     control.pay(qr);
 *     // point the Bakong client at simulator.baseUrl() with token "test-token"
 * }
 * }</pre>
 */
public final class BakongSimulator implements AutoCloseable {

    private final Builder settings;
    private final SimulatorEngine engine;

    private BakongSimulator(Builder settings) {
        this.settings = settings;
        this.engine = new SimulatorEngine(
                settings.host,
                settings.port,
                settings.token,
                settings.controlToken,
                settings.tokenLifetime,
                settings.clock,
                settings.stateFile);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts serving; returns this, so that {@code builder()...build().start()} reads as one line. */
    public BakongSimulator start() {
        try {
            engine.start();
        } catch (Exception e) {
            throw new SimulatorException(
                    "the Bakong simulator could not start on " + settings.host + ":" + settings.port, e);
        }
        return this;
    }

    public void stop() {
        try {
            engine.stop();
        } catch (Exception e) {
            throw new SimulatorException("the Bakong simulator did not stop cleanly", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    public boolean running() {
        return engine.running();
    }

    /** The port it listens on; the real one when it was built with port 0. */
    public int port() {
        return engine.port();
    }

    /** What a Bakong client uses in place of {@code https://api-bakong.nbc.gov.kh}, e.g. {@code http://127.0.0.1:9090}. */
    public URI baseUrl() {
        String host = "0.0.0.0".equals(settings.host) || "::".equals(settings.host) || "[::]".equals(settings.host)
                ? "127.0.0.1"
                : settings.host;
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    /** The fixed token that always works, when one was configured. */
    public Optional<String> token() {
        return Optional.ofNullable(settings.token);
    }

    public Optional<Path> stateFile() {
        return Optional.ofNullable(engine.statePath());
    }

    /** The address its socket is bound to, e.g. 127.0.0.1:9090; empty when it is not running. */
    public Optional<java.net.InetSocketAddress> listenAddress() {
        return Optional.ofNullable(engine.localAddress());
    }

    /** The interface it listens on, as configured: 127.0.0.1 unless {@link Builder#host} said otherwise. */
    public String host() {
        return settings.host;
    }

    /** The token the control API requires, when one was configured. */
    public Optional<String> controlToken() {
        return Optional.ofNullable(settings.controlToken);
    }

    /** A control client for this simulator (over HTTP, like any other client), with its control token if any. */
    public SimulatorControl control() {
        return SimulatorControl.connect(baseUrl(), settings.controlToken);
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 9090;
        private String token;
        private String controlToken;
        private Duration tokenLifetime = Duration.ofDays(90);
        private Clock clock = Clock.systemUTC();
        private Path stateFile;

        private Builder() {}

        /**
         * The interface to listen on; default 127.0.0.1, and then only requests addressed to a loopback
         * name are answered. {@code 0.0.0.0} opens it to the network: set a {@link #controlToken} then.
         */
        public Builder host(String listenHost) {
            this.host = Objects.requireNonNull(listenHost, "host").trim();
            if (this.host.isEmpty()) {
                throw new IllegalArgumentException(
                        "host was empty but it must be an interface address such as 127.0.0.1");
            }
            return this;
        }

        /** Default 9090; 0 picks a free port. */
        public Builder port(int listenPort) {
            if (listenPort < 0 || listenPort > 65535) {
                throw new IllegalArgumentException("port was " + listenPort + " but it must be 0..65535");
            }
            this.port = listenPort;
            return this;
        }

        /** A token that never expires, for tests and demos; tokens from renew_token work as well. */
        public Builder token(String fixedToken) {
            this.token = fixedToken == null || fixedToken.isBlank() ? null : fixedToken;
            return this;
        }

        /**
         * Requires {@code Authorization: Bearer <token>} on the control API ({@code /simulator/…}, all but
         * {@code GET /simulator/health}); the mock bank page asks for it once per browser tab. None by default.
         */
        public Builder controlToken(String token) {
            this.controlToken = token == null || token.isBlank() ? null : token.trim();
            return this;
        }

        /** How long renew_token's tokens live; NBC's live 90 days. */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("tokenLifetime was " + lifetime + " but it must be positive");
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /** The clock for QR expiry, token expiry, payment delays and fault windows. */
        public Builder clock(Clock simulatorClock) {
            this.clock = Objects.requireNonNull(simulatorClock, "clock");
            return this;
        }

        /** Keeps payments, seen QRs, accounts and issued tokens in this JSON file across restarts. */
        public Builder stateFile(Path file) {
            this.stateFile = file;
            return this;
        }

        public BakongSimulator build() {
            return new BakongSimulator(this);
        }
    }
}
