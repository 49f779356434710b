package dev.bakongpay.core.bakong;

import java.util.Objects;

/**
 * The app that asks for a Bakong deep link ({@code sourceInfo} of generate_deeplink_by_qr).
 *
 * @param appIconUrl          icon shown by the Bakong app
 * @param appName             name shown by the Bakong app
 * @param appDeepLinkCallback where the Bakong app returns after payment
 */
public record DeepLinkSource(String appIconUrl, String appName, String appDeepLinkCallback) {

    public DeepLinkSource {
        Objects.requireNonNull(appIconUrl, "appIconUrl");
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(appDeepLinkCallback, "appDeepLinkCallback");
    }
}
