package dev.bakongpay.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One QR image path: every PNG or SVG of a KHQR (the API's {@code /qr/generate} and
 * {@code /khqr/create}, the checkout page's {@code qr.png}) is drawn by core's
 * {@code dev.bakongpay.core.render.QrRenderer}, so only that package may use ZXing. Checked here,
 * in the server, because its class path holds the main classes of core, the JAX-RS endpoints, the
 * checkout and the server; tests are left out (they read images back with ZXing, as a phone would).
 * The simulator ({@code dev.bakongpay.simulator}) is not checked: it <em>decodes</em> uploaded
 * pictures with ZXing's reader, which is reading, not drawing, in another module.
 */
@DisplayName("The QR image path")
class QrImagePathArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(
                    "dev.bakongpay.core", "dev.bakongpay.jaxrs", "dev.bakongpay.checkout", "dev.bakongpay.server");

    @Test
    @DisplayName("only core's render package uses ZXing, in the main code of core, jaxrs, checkout and server")
    void onlyRenderUsesZxing() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.bakongpay.core.render..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.google.zxing..")
                .because("core's QrRenderer is the one QR image path; draw with it, not with ZXing")
                .check(MAIN);
    }

    @Test
    @DisplayName("sees the main classes of every module it checks")
    void importsEveryModule() {
        for (String cls : new String[] {
            "dev.bakongpay.core.render.QrRenderer",
            "dev.bakongpay.jaxrs.QrImageResource",
            "dev.bakongpay.checkout.CheckoutServlet",
            "dev.bakongpay.server.ServerMain"
        }) {
            assertThat(MAIN.contain(cls)).as(cls).isTrue();
        }
    }
}
