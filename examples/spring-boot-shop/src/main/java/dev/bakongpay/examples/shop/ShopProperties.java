package dev.bakongpay.examples.shop;

import dev.bakongpay.spi.PaymentMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who gets paid.
 *
 * @param merchantName the name shoppers see in their banking app
 * @param bakongId     the Bakong account that receives the money (name@bank)
 * @param mode         TEST: payments are checked by the Bakong simulator; LIVE: by NBC
 */
@ConfigurationProperties("shop")
public record ShopProperties(String merchantName, String bakongId, @DefaultValue("TEST") PaymentMode mode) {}
