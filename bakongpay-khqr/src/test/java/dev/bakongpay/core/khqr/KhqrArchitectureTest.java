package dev.bakongpay.core.khqr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the KHQR codec's dependencies")
class KhqrArchitectureTest {

    static final JavaClasses CODEC = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.bakongpay.core.khqr");

    @Test
    @DisplayName("use the JDK only, so the khqr jar needs no dependency and its command line runs with java -jar alone")
    void jdkOnly() {
        classes()
                .should()
                .onlyDependOnClassesThat(DescribedPredicate.describe(
                        "the JDK, the codec or the core exception root",
                        c -> c.getPackageName().startsWith("java")
                                || c.getPackageName().startsWith("dev.bakongpay.core.khqr")
                                || c.getName().equals("dev.bakongpay.core.BakongPayException")
                                || c.isPrimitive()
                                || c.isArray()))
                .check(CODEC);
    }

    @Test
    @DisplayName("keep internal and the command line out of the public API's signatures")
    void publicApiStandsAlone() {
        noClasses()
                .that()
                .resideInAPackage("dev.bakongpay.core.khqr.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.bakongpay.core.khqr.cli..")
                .check(CODEC);
    }
}
