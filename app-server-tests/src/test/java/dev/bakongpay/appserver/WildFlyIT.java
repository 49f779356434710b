package dev.bakongpay.appserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;

/**
 * The thin WAR on WildFly (its RESTEasy serves the API), unpacked from {@code org.wildfly:wildfly-dist}
 * by the build and started with {@code bin/standalone.sh} on a copy of its {@code standalone}
 * folder. The operator's part is one CLI script: a datasource, the deployment overlay that binds the
 * WAR's {@code resource-ref} to it, the deploy.
 */
@DisplayName("the thin WAR on WildFly")
class WildFlyIT extends AppServerFlow {

    @Override
    AppServer deploy(Path workDir, Path war, int port, Map<String, String> settings) throws Exception {
        Path home = Path.of(System.getProperty("bakongpay.wildfly.home"));
        assertThat(home.resolve("bin/standalone.sh"))
                .as("the build unpacks WildFly there")
                .exists();
        // a server folder of its own, so runs never share configuration, data or logs
        Path base = workDir.resolve("standalone");
        copy(home.resolve("standalone"), base);
        Path config = base.resolve("configuration/standalone.xml");
        // the transaction manager's two ports are fixed numbers in the shipped file
        Files.writeString(
                config,
                Files.readString(config)
                        .replace("port=\"4712\"", "port=\"" + AppServer.freePort() + "\"")
                        .replace("port=\"4713\"", "port=\"" + AppServer.freePort() + "\""));
        int management = AppServer.freePort();
        Map<String, String> env = new HashMap<>(settings);
        env.put("JAVA_HOME", AppServer.javaHome().toString());
        AppServer server = AppServer.start(
                "wildfly",
                List.of(
                        home.resolve("bin/standalone.sh").toString(),
                        "-Djboss.server.base.dir=" + base,
                        "-b",
                        "127.0.0.1",
                        "-bmanagement",
                        "127.0.0.1",
                        "-Djboss.http.port=" + port,
                        "-Djboss.https.port=" + AppServer.freePort(),
                        "-Djboss.ajp.port=" + AppServer.freePort(),
                        "-Djboss.management.http.port=" + management,
                        "-Djboss.management.https.port=" + AppServer.freePort()),
                workDir,
                env);
        Awaitility.await("WildFly has started")
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !server.alive() || server.log().contains("WFLYSRV0025"));
        assertThat(server.alive())
                .as("WildFly is running; see %s", server.logFile())
                .isTrue();
        Path cli = fill(
                "/wildfly/bakongpay.cli",
                workDir.resolve("bakongpay.cli"),
                Map.of(
                        "connectionUrl", "jdbc:h2:file:" + workDir.resolve("db/bakongpay"),
                        "jbossWebXml",
                                fill("/wildfly/jboss-web.xml", workDir.resolve("jboss-web.xml"), Map.of())
                                        .toString(),
                        "war", war.toString()));
        AppServer.run(
                List.of(
                        home.resolve("bin/jboss-cli.sh").toString(),
                        "--connect",
                        "--controller=127.0.0.1:" + management,
                        "--file=" + cli),
                workDir,
                Map.of("JAVA_HOME", AppServer.javaHome().toString()),
                Duration.ofSeconds(240));
        return server;
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
