package dev.bakongpay.core.bakong;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Layering of rendering and the Bakong client")
class BakongLayeringTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.bakongpay.core.render", "dev.bakongpay.core.bakong");

    @Test
    @DisplayName("Jackson is used only inside dev.bakongpay.core.bakong.internal")
    void jacksonOnlyInternal() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.bakongpay.core.bakong.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.fasterxml.jackson..")
                .check(core);
    }

    @Test
    @DisplayName(
            "rendering uses neither AWT nor ImageIO (the KHQR card's drawing aside: Khmer needs the JDK's text layout), and knows nothing of HTTP")
    void renderingIsPlain() {
        noClasses()
                .that()
                .resideInAPackage("dev.bakongpay.core.render..")
                .and()
                .haveNameNotMatching("dev\\.bakongpay\\.core\\.render\\.internal\\.CardDrawing(\\$.*)?")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.awt..", "javax.imageio..", "java.net.http..")
                .check(core);
    }

    @Test
    @DisplayName("no HTTP framework: the client uses the JDK HttpClient only")
    void noFrameworks() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta..",
                        "javax.ws..",
                        "org.eclipse.jetty..",
                        "org.glassfish..",
                        "okhttp3..",
                        "org.apache.http..")
                .check(core);
    }
}
