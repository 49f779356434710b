package dev.bakongpay.testsupport;

import java.lang.reflect.AnnotatedElement;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Runs {@link Services#require} for {@link RequiresService}: on the class before all, on a method before it. */
public final class RequiresServiceExtension implements BeforeAllCallback, BeforeEachCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getTestClass().ifPresent(RequiresServiceExtension::require);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getTestMethod().ifPresent(RequiresServiceExtension::require);
    }

    private static void require(AnnotatedElement element) {
        AnnotationSupport.findAnnotation(element, RequiresService.class).ifPresent(r -> Services.require(r.value()));
    }
}
