package dev.bakongpay.it;

import dev.bakongpay.simulator.BakongSimulator;
import dev.bakongpay.simulator.SimulatorControl;
import dev.bakongpay.testsupport.ServerNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One Bakong simulator (in this JVM, random port, fixed token) and {@code serve} nodes in child
 * JVMs that all run their test keys against it; optionally on one PostgreSQL schema and one Redis.
 */
final class Cluster implements AutoCloseable {
    final BakongSimulator simulator;
    final SimulatorControl bank;
    final String token = "it-token-" + Infra.random(6);
    final String freeKey = "bk_test_free" + Infra.random(10);
    final String proKey = "bk_test_pro" + Infra.random(10);
    private final Path workDir;
    private final List<ServerNode> nodes = new ArrayList<>();
    private final List<AutoCloseable> others = new ArrayList<>();

    Cluster(Path workDir) {
        this.workDir = workDir;
        this.simulator = BakongSimulator.builder().port(0).token(token).build().start();
        this.bank = simulator.control();
    }

    /** Settings every node shares: keys, the simulator for test keys. */
    Map<String, String> baseEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("BAKONGPAY_API_KEYS", freeKey + "=FREE," + proKey + "=PRO");
        env.put("BAKONGPAY_TEST_BAKONG_URL", simulator.baseUrl().toString());
        env.put("BAKONGPAY_TEST_BAKONG_TOKEN", token);
        env.put("BAKONGPAY_LOG_LEVEL", "info");
        return env;
    }

    <T extends AutoCloseable> T closeLater(T c) {
        others.add(c);
        return c;
    }

    ServerNode start(String name, Map<String, String> env) throws Exception {
        Map<String, String> all = baseEnv();
        all.putAll(env);
        ServerNode node = ServerNode.serve(name, workDir.resolve(name), all);
        synchronized (nodes) {
            nodes.add(node);
        }
        return node;
    }

    /** Starts these nodes at the same time (as a load balancer's pool comes up). */
    List<ServerNode> startTogether(Map<String, String> env, String... names) throws Exception {
        List<CompletableFuture<ServerNode>> started = new ArrayList<>();
        for (String name : names) {
            started.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return start(name, env);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        List<ServerNode> out = new ArrayList<>();
        for (CompletableFuture<ServerNode> f : started) {
            try {
                out.add(f.join());
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r && r.getCause() instanceof Exception x ? x : e;
            }
        }
        return out;
    }

    Api free(ServerNode node) {
        return new Api(node.url(), freeKey);
    }

    Api pro(ServerNode node) {
        return new Api(node.url(), proKey);
    }

    @Override
    public void close() throws Exception {
        for (ServerNode n : nodes) {
            try {
                n.close();
            } catch (Exception e) {
                System.err.println("[bakongpay-it] stopping " + n.name + ": " + e);
            }
        }
        try {
            simulator.close();
        } catch (RuntimeException e) { // a held connection (TIMEOUT fault) may outlive the stop's grace period
            System.err.println("[bakongpay-it] stopping the simulator: " + e);
        }
        for (AutoCloseable c : others) c.close();
    }
}
