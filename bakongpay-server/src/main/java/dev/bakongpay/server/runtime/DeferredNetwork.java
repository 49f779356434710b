package dev.bakongpay.server.runtime;

import dev.bakongpay.core.bakong.DeepLinkSource;
import dev.bakongpay.core.payment.NetworkAnswer;
import dev.bakongpay.core.payment.PaymentNetwork;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A mode's payment network while the Bakong clients and the embedded simulator still start on
 * their own thread: the payment services and Jersey are built meanwhile, and the first call waits
 * for the real network (the executable JAR opens its port only after that anyway).
 */
final class DeferredNetwork implements PaymentNetwork {
    private final Supplier<PaymentNetwork> resolve;
    private volatile PaymentNetwork network;

    DeferredNetwork(Supplier<PaymentNetwork> resolve) {
        this.resolve = resolve;
    }

    private PaymentNetwork network() {
        PaymentNetwork n = network;
        if (n == null) {
            n = resolve.get();
            network = n;
        }
        return n;
    }

    @Override
    public NetworkAnswer check(String md5) {
        return network().check(md5);
    }

    @Override
    public Map<String, NetworkAnswer> checkAll(List<String> md5s) {
        return network().checkAll(md5s);
    }

    @Override
    public Optional<String> bankAppLink(String qr, DeepLinkSource source) {
        return network().bankAppLink(qr, source);
    }
}
