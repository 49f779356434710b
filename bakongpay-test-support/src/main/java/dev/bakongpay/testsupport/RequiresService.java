package dev.bakongpay.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The annotated test class (or method) needs these services of the machine. Each is probed
 * before the class's {@code @BeforeAll} methods (or before the method) run. When one is missing,
 * the tests are skipped with the reason, printed to the build log as well as the report, except
 * under {@code CI=true}, where they fail loudly: a CI run without its services is broken, not green.
 *
 * <pre>{@code
 * @RequiresService(Service.POSTGRESQL)
 * class PostgresStoresTest { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RequiresServiceExtension.class)
public @interface RequiresService {
    Service[] value();
}
