package dev.bakongpay.core.cli;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps {@code java -jar bakongpay-core-VERSION.jar decode|verify|md5|encode|demo} working now
 * that the KHQR command line lives in the JDK-only {@code bakongpay-khqr} jar: runs
 * {@code dev.bakongpay.core.khqr.cli.KhqrCommandLine} from the classpath when it is there, else
 * from {@code bakongpay-khqr-VERSION.jar} found beside this jar, in the reactor
 * ({@code ../../bakongpay-khqr/target/}) or in a Maven repository layout
 * ({@code ../../bakongpay-khqr/VERSION/}). No manifest Class-Path: any classpath holding the core
 * jar would follow it. Uses the JDK only, since nothing else is on the classpath.
 */
public final class KhqrLauncher {

    static final String COMMAND_LINE = "dev.bakongpay.core.khqr.cli.KhqrCommandLine";
    private static final String CORE_PREFIX = "bakongpay-core-";

    private KhqrLauncher() {}

    public static void main(String[] args) throws Exception {
        Class<?> commandLine;
        try {
            commandLine = Class.forName(COMMAND_LINE);
        } catch (ClassNotFoundException notOnClasspath) {
            Path khqrJar = khqrJar(coreJar());
            if (khqrJar == null) {
                System.err.println("bakongpay-core: the KHQR command line is in bakongpay-khqr-VERSION.jar (JDK only);"
                        + " run java -jar bakongpay-khqr-VERSION.jar, or put it beside this jar");
                System.exit(2);
                return;
            }
            ClassLoader loader = new URLClassLoader(
                    "bakongpay-khqr", new URL[] {khqrJar.toUri().toURL()}, KhqrLauncher.class.getClassLoader());
            commandLine = loader.loadClass(COMMAND_LINE);
        }
        try {
            commandLine.getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static Path coreJar() throws Exception {
        return Path.of(KhqrLauncher.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    /** The codec's jar of the same version as {@code coreJar}, or null. */
    static Path khqrJar(Path coreJar) {
        String name = coreJar.getFileName().toString();
        if (!name.startsWith(CORE_PREFIX) || !name.endsWith(".jar") || coreJar.getParent() == null) {
            return null;
        }
        String version = name.substring(CORE_PREFIX.length(), name.length() - ".jar".length());
        String khqr = "bakongpay-khqr-" + version + ".jar";
        Path dir = coreJar.getParent();
        Path grandParent = dir.getParent() == null ? null : dir.getParent().getParent();
        List<Path> candidates = grandParent == null
                ? List.of(dir.resolve(khqr))
                : List.of(
                        dir.resolve(khqr),
                        grandParent.resolve("bakongpay-khqr").resolve("target").resolve(khqr),
                        grandParent.resolve("bakongpay-khqr").resolve(version).resolve(khqr));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
