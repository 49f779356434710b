package dev.bakongpay.jaxrs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the JAX-RS module's dependencies")
class JaxrsArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.bakongpay.jaxrs");

    @Test
    @DisplayName("use plain Jakarta REST: nothing of Jersey, HK2, Jetty or servlets, so any runtime hosts it")
    void portable() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.glassfish..", "org.jvnet..", "org.eclipse..", "jakarta.servlet..", "org.jboss..")
                .check(MAIN);
    }

    @Test
    @DisplayName("reach core through its public API, never its internal packages")
    void coreApiOnly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.bakongpay.core.payment.internal..",
                        "dev.bakongpay.core.khqr.internal..",
                        "dev.bakongpay.core.config.internal..")
                .check(MAIN);
    }
}
