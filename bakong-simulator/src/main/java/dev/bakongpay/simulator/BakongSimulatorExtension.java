package dev.bakongpay.simulator;

import java.time.Clock;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a simulator in-process on a free port for a test class and injects
 * {@link BakongSimulator} and {@link SimulatorControl} parameters. State is reset before each test
 * so that tests do not see each other's payments, faults or call counts.
 *
 * <pre>{@code
 * @ExtendWith(BakongSimulatorExtension.class)
 * class CheckoutTest {
 *     @Test
 *     void paysAQr(BakongSimulator simulator, SimulatorControl control) { ... }
 * }
 * // or, to choose the token, the clock or keep state between tests:
 * @RegisterExtension
 * static BakongSimulatorExtension bakong = BakongSimulatorExtension.withToken("my-token").keepStateBetweenTests();
 * }</pre>
 */
public final class BakongSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    /** The fixed token of a simulator started with the default settings. */
    public static final String DEFAULT_TOKEN = "bakong-simulator-test-token";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BakongSimulatorExtension.class);

    private final String token;
    private final Clock clock;
    private final boolean resetBeforeEach;

    public BakongSimulatorExtension() {
        this(DEFAULT_TOKEN, Clock.systemUTC(), true);
    }

    private BakongSimulatorExtension(String token, Clock clock, boolean resetBeforeEach) {
        this.token = token;
        this.clock = clock;
        this.resetBeforeEach = resetBeforeEach;
    }

    public static BakongSimulatorExtension withToken(String fixedToken) {
        return new BakongSimulatorExtension(fixedToken, Clock.systemUTC(), true);
    }

    public BakongSimulatorExtension clock(Clock simulatorClock) {
        return new BakongSimulatorExtension(token, simulatorClock, resetBeforeEach);
    }

    public BakongSimulatorExtension keepStateBetweenTests() {
        return new BakongSimulatorExtension(token, clock, false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) {
            return; // a @Nested class ends; its outer class still uses the simulator
        }
        Running running = context.getStore(NAMESPACE).remove(Running.class, Running.class);
        if (running != null) {
            running.simulator.stop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (resetBeforeEach) {
            simulator(context).control.reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == BakongSimulator.class || type == SimulatorControl.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = simulator(context);
        return parameter.getParameter().getType() == BakongSimulator.class ? running.simulator : running.control;
    }

    private record Running(BakongSimulator simulator, SimulatorControl control) {}

    /** The class's simulator, found from any nested context, started on first use. */
    private Running simulator(ExtensionContext context) {
        ExtensionContext owner = context;
        while (owner.getParent().isPresent()
                && owner.getTestClass().isPresent()
                && owner.getParent().get().getTestClass().isPresent()) {
            owner = owner.getParent().get();
        }
        // getOrComputeIfAbsent, deprecated in JUnit 6, still runs on JUnit 5 hosts; computeIfAbsent would not
        @SuppressWarnings("deprecation")
        Running running = owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        Running.class,
                        key -> {
                            BakongSimulator started = BakongSimulator.builder()
                                    .port(0)
                                    .token(token)
                                    .clock(clock)
                                    .build()
                                    .start();
                            return new Running(started, started.control());
                        },
                        Running.class);
        return running;
    }
}
