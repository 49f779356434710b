package dev.bakongpay.appserver;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

/**
 * The thin WAR on Payara Micro (its Jersey serves the API), the {@code fish.payara.extras:payara-micro}
 * JAR copied by the build, on Java 21+. The operator's part is a post-boot command file that
 * creates the connection pool and the JDBC resource {@code jdbc/bakongpay}, which the WAR's
 * {@code resource-ref} of the same name finds without any mapping.
 */
@DisplayName("the thin WAR on Payara Micro")
class PayaraMicroIT extends AppServerFlow {

    @Override
    AppServer deploy(Path workDir, Path war, int port, Map<String, String> settings) throws Exception {
        Path micro = Path.of(System.getProperty("bakongpay.servers", "target/servers"), "payara-micro.jar");
        // asadmin's property syntax: ':' separates properties, so the URL's own colons are escaped
        String url = ("jdbc:h2:file:" + workDir.resolve("db/bakongpay")).replace(":", "\\:");
        Path commands = fill(
                "/payara/post-boot-commands.asadmin",
                workDir.resolve("post-boot-commands.asadmin"),
                Map.of("connectionUrl", url));
        Map<String, String> env = new HashMap<>(settings);
        AppServer server = AppServer.start(
                "payara-micro",
                List.of(
                        AppServer.javaHome().resolve("bin/java").toString(),
                        "-jar",
                        micro.toAbsolutePath().toString(),
                        "--nohazelcast",
                        "--rootdir",
                        workDir.resolve("payara").toString(),
                        "--port",
                        Integer.toString(port),
                        "--postbootcommandfile",
                        commands.toString(),
                        "--deploy",
                        war.toString(),
                        "--contextroot",
                        CONTEXT.substring(1)),
                workDir,
                env);
        return server;
    }
}
