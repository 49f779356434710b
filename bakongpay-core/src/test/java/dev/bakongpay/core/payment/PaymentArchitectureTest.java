package dev.bakongpay.core.payment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the payment services' and configuration's dependencies")
class PaymentArchitectureTest {

    static final JavaClasses SERVICES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.bakongpay.core.payment", "dev.bakongpay.core.config");

    @Test
    @DisplayName("know nothing of HTTP frameworks, servlets or JSON: the web layers translate")
    void frameworkFree() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta..",
                        "javax.servlet..",
                        "javax.ws..",
                        "com.fasterxml..",
                        "org.glassfish..",
                        "org.eclipse..")
                .check(SERVICES);
    }

    @Test
    @DisplayName("reach the KHQR codec through its public API only")
    void codecApiOnly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.bakongpay.core.khqr.internal..")
                .check(SERVICES);
    }
}
