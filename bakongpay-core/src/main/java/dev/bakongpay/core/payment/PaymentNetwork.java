package dev.bakongpay.core.payment;

import dev.bakongpay.core.bakong.DeepLinkSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where payments are looked up: NBC's Bakong Open API in live mode, the simulator in test mode.
 * A small port so the payment rules run against a fake in tests and against any client in
 * production (the Bakong client is adapted to it).
 *
 * <p>Ordinary answers (paid, not found, failed) are values, and so are answers about one md5
 * that are not a sane payment ({@link NetworkAnswer.Outcome#UNUSABLE}) or a payment no
 * transaction can match ({@link NetworkAnswer.Outcome#MISMATCH}), so that one bad payment never
 * fails the answers about the others. Only failing to get an answer at all throws:
 * {@link PaymentException.NetworkUnavailable} or {@link PaymentException.NetworkTimeout}, with a
 * message safe to show a caller (no address, no exception class).
 */
public interface PaymentNetwork {

    /** What the network knows about the payment of the KHQR with this md5. */
    NetworkAnswer check(String md5);

    /**
     * Answers for several md5s (at most 50), in one call where the network allows it.
     *
     * @return an answer for every md5 asked
     */
    default Map<String, NetworkAnswer> checkAll(List<String> md5s) {
        Map<String, NetworkAnswer> answers = new LinkedHashMap<>();
        for (String md5 : md5s) answers.put(md5, check(md5));
        return answers;
    }

    /**
     * A short link that opens a bank app on this KHQR ({@code generate_deeplink_by_qr}), made
     * for the app described by {@code source}. Empty when the network declines or has none (the
     * default); the shopper can still scan or save the QR.
     *
     * @throws PaymentException.NetworkUnavailable or {@link PaymentException.NetworkTimeout} when
     *         the network gives no answer
     */
    default Optional<String> bankAppLink(String qr, DeepLinkSource source) {
        return Optional.empty();
    }
}
