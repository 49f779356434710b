import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Keeps the BOM, the reactor and the documents that name BakongPay's coordinates in step; run by the
 * BOM's build at verify ({@code java BomCheck.java <project root>}, exit 1 with every problem listed).
 *
 * <ul>
 *   <li>every published reactor module (a jar or war module outside {@link #NOT_PUBLISHED}) is in
 *       the BOM, and the BOM names nothing else but {@link #NOT_YET_IN_THIS_REACTOR};
 *   <li>every BOM entry is {@code dev.bakongpay} at {@code ${project.version}}, and the BOM's version
 *       is the reactor's;
 *   <li>every {@code dev.bakongpay} coordinate in a Markdown file but the changelog (Maven XML or Gradle
 *       notation) names a BOM artifact (or the BOM), at the reactor's version when it writes one out;
 *   <li>every example under {@code examples/} imports this BOM at the reactor's version, is listed in
 *       {@code examples/README.md} and is not a reactor module.
 * </ul>
 */
public final class BomCheck {

    private static final String GROUP = "dev.bakongpay";
    private static final String BOM = "bakongpay-bom";

    /** Reactor modules a shop never depends on: test tools, benchmarks, aggregators. */
    private static final Set<String> NOT_PUBLISHED = Set.of(
            "bakongpay-parent",
            BOM,
            "bakongpay-test-support",
            "bakongpay-spi-testkit",
            "bakongpay-sdks",
            "integration-tests",
            "app-server-tests",
            "benchmarks");

    /** Maven modules that build and test another language's SDK: shops get those from npm, PyPI, … */
    private static final List<String> OTHER_LANGUAGE_SDKS = List.of("bakongpay-sdk-", "bakongpay-client-");

    private static boolean notPublished(String artifactId) {
        return NOT_PUBLISHED.contains(artifactId) || OTHER_LANGUAGE_SDKS.stream().anyMatch(artifactId::startsWith);
    }

    /**
     * In the BOM, built on branches not merged here yet: their artifact ids are fixed. Empty this set
     * once they are reactor modules (the check then holds them like any other module).
     */
    private static final Set<String> NOT_YET_IN_THIS_REACTOR =
            Set.of();

    private static final Pattern MAVEN_COORDINATE =
            Pattern.compile("<groupId>\\s*dev\\.bakongpay\\s*</groupId>\\s*<artifactId>\\s*([^<\\s]+)\\s*</artifactId>"
                    + "(?:\\s*<version>\\s*([^<\\s]+)\\s*</version>)?");
    private static final Pattern GRADLE_COORDINATE =
            Pattern.compile("[\"']dev\\.bakongpay:([A-Za-z0-9._-]+)(?::([^\"':]+))?[\"']");

    private final Path root;
    private final List<String> problems = new ArrayList<>();

    private BomCheck(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<String> problems = new BomCheck(root).run();
        if (problems.isEmpty()) {
            System.out.println("BomCheck: the BOM, the reactor, the examples and the docs agree");
            return;
        }
        problems.forEach(p -> System.err.println("BomCheck: " + p));
        System.exit(1);
    }

    private List<String> run() throws Exception {
        Element parent = read(root.resolve("pom.xml"));
        String version = child(parent, "version");
        Map<String, Path> published = new LinkedHashMap<>();
        Set<Path> moduleDirs = new LinkedHashSet<>();
        collectModules(root, parent, published, moduleDirs);

        Element bom = read(root.resolve(BOM).resolve("pom.xml"));
        expect(
                version.equals(child(bom, "version")),
                BOM + " is at version " + child(bom, "version") + ", the reactor at " + version);
        expect(moduleDirs.contains(root.resolve(BOM)), BOM + " is not a module of the root pom");
        Set<String> managed = managedArtifacts(bom);

        published.forEach((artifactId, dir) -> expect(
                managed.contains(artifactId),
                "module " + root.relativize(dir) + " (" + artifactId + ") is published but missing from " + BOM));
        for (String artifactId : managed) {
            expect(
                    published.containsKey(artifactId) || NOT_YET_IN_THIS_REACTOR.contains(artifactId),
                    BOM + " lists " + artifactId + ", which is no published module of this reactor");
        }

        checkDocuments(managed, version);
        checkExamples(moduleDirs, version);
        return problems;
    }

    private void collectModules(Path dir, Element pom, Map<String, Path> published, Set<Path> moduleDirs)
            throws Exception {
        for (Element module : elements(pom, "modules", "module")) {
            Path moduleDir = dir.resolve(module.getTextContent().trim()).normalize();
            moduleDirs.add(moduleDir);
            Element modulePom = read(moduleDir.resolve("pom.xml"));
            String artifactId = child(modulePom, "artifactId");
            String packaging = child(modulePom, "packaging");
            if ("pom".equals(packaging)) {
                collectModules(moduleDir, modulePom, published, moduleDirs);
            } else if (!notPublished(artifactId)) {
                published.put(artifactId, moduleDir);
            }
        }
    }

    private Set<String> managedArtifacts(Element bom) {
        Set<String> managed = new LinkedHashSet<>();
        for (Element dependency : elements(bom, "dependencyManagement", "dependencies", "dependency")) {
            String artifactId = child(dependency, "artifactId");
            expect(GROUP.equals(child(dependency, "groupId")), BOM + " manages a foreign artifact: " + artifactId);
            expect(
                    "${project.version}".equals(child(dependency, "version")),
                    BOM + " gives " + artifactId + " a version other than ${project.version}");
            expect(!notPublished(artifactId), BOM + " lists " + artifactId + ", which is not published");
            managed.add(artifactId);
        }
        expect(elements(bom, "dependencies", "dependency").isEmpty(), BOM + " has dependencies of its own");
        expect(elements(bom, "parent").isEmpty(), BOM + " has a parent, whose dependencyManagement it would publish");
        return managed;
    }

    private void checkDocuments(Set<String> managed, String version) throws IOException {
        for (Path doc : markdownFiles()) {
            String text = Files.readString(doc);
            for (Pattern pattern : List.of(MAVEN_COORDINATE, GRADLE_COORDINATE)) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    String where = root.relativize(doc) + ": " + GROUP + ":" + m.group(1);
                    expect(managed.contains(m.group(1)) || BOM.equals(m.group(1)), where + " is not in " + BOM);
                    // a version written out must be the project's; a placeholder (${bakongpay.version}) is not checked
                    String written = m.group(2);
                    expect(
                            written == null || written.startsWith("$") || written.equals(version),
                            where + " at version " + written + ", the project is at " + version);
                }
            }
        }
    }

    private void checkExamples(Set<Path> moduleDirs, String version) throws Exception {
        Path examples = root.resolve("examples");
        if (!Files.isDirectory(examples)) {
            return;
        }
        String index = Files.readString(examples.resolve("README.md"));
        expect(
                moduleDirs.stream().noneMatch(d -> d.startsWith(examples)),
                "a module under examples/ is in the reactor; examples build on their own");
        try (Stream<Path> children = Files.list(examples)) {
            for (Path example : children.filter(p -> Files.isRegularFile(p.resolve("pom.xml")))
                    .sorted()
                    .toList()) {
                String name = example.getFileName().toString();
                expect(index.contains("(" + name + "/)"), "examples/README.md does not link " + name + "/");
                boolean importsBom = false;
                Element pom = read(example.resolve("pom.xml"));
                for (Element dependency : elements(pom, "dependencyManagement", "dependencies", "dependency")) {
                    if (GROUP.equals(child(dependency, "groupId")) && BOM.equals(child(dependency, "artifactId"))) {
                        importsBom = true;
                        String imported = property(pom, child(dependency, "version"));
                        expect(
                                version.equals(imported),
                                "examples/" + name + " imports " + BOM + " " + imported + ", the project is at "
                                        + version);
                        expect(
                                "import".equals(child(dependency, "scope")) && "pom".equals(child(dependency, "type")),
                                "examples/" + name + " does not import " + BOM
                                        + " as <type>pom</type> <scope>import</scope>");
                    }
                }
                expect(importsBom, "examples/" + name + " does not import " + BOM);
            }
        }
    }

    /** Every Markdown file but the changelog, outside build output, downloaded packages and hidden folders. */
    private List<Path> markdownFiles() throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName().toString();
                boolean skipped = !dir.equals(root)
                        && (name.equals("target") || name.equals("node_modules") || name.startsWith("."));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (name.endsWith(".md") && !name.equals("CHANGELOG.md")) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }

    /** A version as written, or the value of the pom's own property it names ({@code ${bakongpay.version}}). */
    private static String property(Element pom, String value) {
        if (value != null && value.startsWith("${") && value.endsWith("}")) {
            List<Element> properties = elements(pom, "properties");
            return properties.isEmpty() ? value : child(properties.get(0), value.substring(2, value.length() - 1));
        }
        return value;
    }

    private void expect(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
    }

    private static Element read(Path pom) throws Exception {
        if (!Files.isRegularFile(pom)) {
            throw new UncheckedIOException(new IOException("no pom.xml at " + pom));
        }
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(pom.toFile())
                .getDocumentElement();
    }

    /** The text of a direct child element, or null. */
    private static String child(Element element, String name) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    /** The elements at a path of direct children, e.g. dependencyManagement/dependencies/dependency. */
    private static List<Element> elements(Element from, String... path) {
        List<Element> current = List.of(from);
        for (String name : path) {
            List<Element> next = new ArrayList<>();
            for (Element e : current) {
                for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element child && child.getTagName().equals(name)) {
                        next.add(child);
                    }
                }
            }
            current = next;
        }
        return current;
    }
}
