package dev.bakongpay.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.client.generated.model.CheckResult;
import dev.bakongpay.client.generated.model.CreateRequest;
import dev.bakongpay.client.generated.model.CreateResult;
import dev.bakongpay.client.generated.model.LookupRequest;
import dev.bakongpay.client.generated.model.QrGenerateRequest;
import dev.bakongpay.client.generated.model.QrGenerateResult;
import dev.bakongpay.client.generated.model.Transaction;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's "Take a payment" example, line for line, compiled against the generated models (JavaClientIT runs the same calls). */
class ReadmeExampleTest {
    @SuppressWarnings("unused")
    static void takeAPayment() {
        // spotless:off (twinned with the README)
BakongPayClient bakong = BakongPayClient.builder("http://127.0.0.1:8080", System.getenv("BAKONGPAY_API_KEY")).build();
CreateResult created = bakong.create(new CreateRequest()
        .amount(new BigDecimal("1.50")).currency(CreateRequest.CurrencyEnum.USD)
        .merchantName("Coffee Corner").bakongId("coffee@aclb").description("Order #1001"), "order-1001");
// show created.getQrImage() (a PNG data URL), or send the customer to created.getCheckoutUrl()
CheckResult check = bakong.checkMd5(created.getMd5());             // PENDING … SUCCESS, FAILED, EXPIRED
Transaction tx = bakong.lookup(LookupRequest.TypeEnum.MD5, created.getMd5());
QrGenerateResult svg = bakong.generateQr(new QrGenerateRequest().qrString(created.getQrString()).format(QrGenerateRequest.FormatEnum.SVG));
try { bakong.create(new CreateRequest().amount(BigDecimal.ZERO).merchantName("x").bakongId("x@y")); }
catch (ValidationException e) { e.details(); /* [Detail[field=amount, code=…, message=…]] */ }
        // spotless:on
    }

    @Test
    void the_readme_example_is_this_one() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("## Take a payment\\n\\n```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(m.find()).as("a java snippet under \"Take a payment\"").isTrue();
        String here = Files.readString(
                Path.of("src/test/java/dev/bakongpay/client/ReadmeExampleTest.java"), StandardCharsets.UTF_8);

        assertThat(here).contains(m.group(1));
    }
}
