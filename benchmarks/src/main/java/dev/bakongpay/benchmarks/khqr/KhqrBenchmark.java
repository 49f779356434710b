package dev.bakongpay.benchmarks.khqr;

import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.core.khqr.KhqrCurrency;
import dev.bakongpay.core.khqr.KhqrData;
import dev.bakongpay.core.khqr.KhqrPayload;
import dev.bakongpay.core.khqr.KhqrResult;
import dev.bakongpay.core.khqr.KhqrVerification;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The KHQR codec, one thread, on the official SDK's own test payload G15 (individual, dynamic
 * USD 12.34, all five additional-data fields, 212 characters). For scale, NBC's JS SDK 1.0.20
 * took 14.8 µs to generate, 17.6 µs to decode and 19.5 µs to verify on the same machine.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'khqr' -f 1 -wi 3 -w 2s -i 5 -r 2s -tu us -bm avgt}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class KhqrBenchmark {

    static final long CREATED = 1764547200000L;

    Clock clock;
    KhqrPayload payload;
    String qr;

    @Setup
    public void setUp() {
        clock = Clock.fixed(Instant.ofEpochMilli(CREATED), ZoneOffset.UTC);
        payload = build();
        qr = Khqr.encode(payload, clock).qr();
    }

    KhqrPayload build() {
        return KhqrPayload.individual("john_smith@devb")
                .merchantName("John Smith")
                .merchantCity("Phnom Penh")
                .currency(KhqrCurrency.USD)
                .amount(new BigDecimal("12.34"))
                .billNumber("INV-0001")
                .mobileNumber("85512233455")
                .storeLabel("Coffee Shop")
                .terminalLabel("Cashier_1")
                .purposeOfTransaction("Buy coffee")
                .expirationTimestamp(4102444800000L)
                .build();
    }

    /** What the SDK's generate() does: validate the input, write the QR, CRC, md5. */
    @Benchmark
    public KhqrResult encodeAndMd5() {
        return Khqr.encode(build(), clock);
    }

    /** Building and validating the payload alone, with the SDK's rules. */
    @Benchmark
    public KhqrPayload buildPayload() {
        return build();
    }

    /** Writing alone, from a payload validated once: QR, CRC and md5. */
    @Benchmark
    public KhqrResult encodeValidatedPayload() {
        return Khqr.encode(payload, clock);
    }

    @Benchmark
    public KhqrData decode() {
        return Khqr.decode(qr);
    }

    @Benchmark
    public KhqrVerification verify() {
        return Khqr.verify(qr, clock);
    }

    @Benchmark
    public String md5() {
        return Khqr.md5(qr);
    }
}
