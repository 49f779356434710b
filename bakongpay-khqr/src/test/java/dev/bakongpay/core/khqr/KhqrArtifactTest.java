package dev.bakongpay.core.khqr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

@DisplayName("the bakongpay-khqr artifact")
class KhqrArtifactTest {

    @Test
    @DisplayName("declares no dependency outside the test scope, so its tree holds no third-party artifact")
    void jdkOnlyPom() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element project =
                factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile()).getDocumentElement();
        assertThat(project.getElementsByTagName("artifactId").item(1).getTextContent())
                .isEqualTo("bakongpay-khqr");
        List<String> shipped = new ArrayList<>();
        NodeList dependencies = project.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (!"test".equals(child(dependency, "scope"))) {
                shipped.add(child(dependency, "groupId") + ":" + child(dependency, "artifactId"));
            }
        }
        assertThat(dependencies.getLength()).isPositive();
        assertThat(shipped)
                .as("dependencies that users of bakongpay-khqr would get")
                .isEmpty();
        // and no parent-declared dependency other than the test scope: JUnit and AssertJ
        Element parent = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("../pom.xml").toFile())
                .getDocumentElement();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("dependencies")) {
                NodeList inherited = e.getElementsByTagName("dependency");
                for (int i = 0; i < inherited.getLength(); i++) {
                    assertThat(child((Element) inherited.item(i), "scope")).isEqualTo("test");
                }
            }
        }
    }

    private static String child(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }
}
