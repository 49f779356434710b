package dev.bakongpay.simulator;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Entry point of the thin JAR: {@code java -jar target/bakong-simulator-VERSION.jar} loads the
 * dependencies from {@code lib/} beside it and runs {@link Main}. A manifest {@code Class-Path}
 * would do the same, but every module that merely depends on this JAR would then load
 * {@code lib/} too (the JVM follows Class-Path on any classpath), logging binding included.
 * Uses only the JDK, since nothing else is on the classpath yet.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(Launcher.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path lib = jar.resolveSibling("lib");
        if (!Files.isDirectory(lib)) {
            System.err.println(
                    "bakong-simulator: " + lib + " is missing; build with ./mvnw -pl bakong-simulator -am package,"
                            + " or run the self-contained bakong-simulator-*-all.jar");
            System.exit(2);
        }
        List<URL> urls = new ArrayList<>();
        urls.add(jar.toUri().toURL());
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path dependency : (Iterable<Path>)
                    jars.filter(p -> p.toString().endsWith(".jar")).sorted()::iterator) {
                urls.add(url(dependency.toFile()));
            }
        }
        ClassLoader loader =
                new URLClassLoader("bakong-simulator", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            loader.loadClass("dev.bakongpay.simulator.Main")
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static URL url(File file) throws MalformedURLException {
        return file.toURI().toURL();
    }
}
