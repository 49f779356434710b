package dev.bakongpay.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bakongpay.client.generated.model.BulkEntry;
import dev.bakongpay.client.generated.model.CheckResult;
import dev.bakongpay.client.generated.model.CreateRequest;
import dev.bakongpay.client.generated.model.CreateResult;
import dev.bakongpay.client.generated.model.LookupRequest;
import dev.bakongpay.client.generated.model.QrGenerateRequest;
import dev.bakongpay.client.generated.model.QrGenerateResult;
import dev.bakongpay.client.generated.model.Transaction;
import dev.bakongpay.testsupport.SdkRoundTrip;
import dev.bakongpay.testsupport.SdkSandbox;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java client against the packaged server's sandbox: a payment from create to lookup, and the errors. */
class JavaClientIT {
    private static SdkSandbox sandbox;
    private static BakongPayClient pro;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SdkSandbox.start("java-sdk");
        pro = BakongPayClient.builder(sandbox.apiUrl(), SdkRoundTrip.PRO_KEY).build();
    }

    @AfterAll
    static void stopSandbox() throws Exception {
        if (sandbox != null) sandbox.close();
    }

    private static CreateRequest coffee(String amount) {
        return new CreateRequest()
                .amount(new BigDecimal(amount))
                .currency(CreateRequest.CurrencyEnum.USD)
                .merchantName("Coffee Corner")
                .bakongId("coffee@aclb")
                .description("Order #1001");
    }

    /** The customer pays in the simulator's bank app, through its control API. */
    private static void pay(String qr) throws Exception {
        HttpResponse<String> paid = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(sandbox.simulatorUrl() + "/simulator/payments"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"qr\":\"" + qr + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
    }

    @Test
    void a_payment_from_create_to_lookup() throws Exception {
        CreateResult created = pro.create(coffee("1.50"), "order-1001");
        assertThat(pro.create(coffee("1.50"), "order-1001").getTransactionId())
                .as("the same Idempotency-Key answers the same payment")
                .isEqualTo(created.getTransactionId());
        assertThat(pro.checkMd5(created.getMd5()).getStatus()).isEqualTo(CheckResult.StatusEnum.PENDING);

        pay(created.getQrString());

        CheckResult paid = pro.checkMd5(created.getMd5());
        assertThat(paid.getStatus()).isEqualTo(CheckResult.StatusEnum.SUCCESS);
        assertThat(paid.getTransaction().getAmount()).isEqualByComparingTo("1.50");
        String hash = paid.getTransaction().getHash();
        for (var by : List.of(
                new Object[] {
                    LookupRequest.TypeEnum.TRANSACTION_ID,
                    created.getTransactionId().toString()
                },
                new Object[] {LookupRequest.TypeEnum.MD5, created.getMd5()},
                new Object[] {LookupRequest.TypeEnum.HASH, hash})) {
            Transaction found = pro.lookup((LookupRequest.TypeEnum) by[0], (String) by[1]);
            assertThat(found.getTransactionId()).as("by %s", by[0]).isEqualTo(created.getTransactionId());
            assertThat(found.getStatus()).isEqualTo(Transaction.StatusEnum.SUCCESS);
            assertThat(found.getDescription()).isEqualTo("Order #1001");
        }

        String pending = pro.create(coffee("2.00")).getMd5();
        var bulk = pro.checkBulk(List.of(created.getMd5(), pending));
        assertThat(bulk.getTotal()).isEqualTo(2);
        assertThat(bulk.getResults().get(created.getMd5()).getStatus()).isEqualTo(BulkEntry.StatusEnum.SUCCESS);
        assertThat(bulk.getResults().get(pending).getStatus()).isEqualTo(BulkEntry.StatusEnum.PENDING);
    }

    @Test
    void renders_png_and_svg() {
        String qr = pro.create(coffee("3.00")).getQrString();

        QrGenerateResult png =
                pro.generateQr(new QrGenerateRequest().qrString(qr).size(200).format(QrGenerateRequest.FormatEnum.PNG));
        QrGenerateResult svg =
                pro.generateQr(new QrGenerateRequest().qrString(qr).format(QrGenerateRequest.FormatEnum.SVG));

        assertThat(png.getMimeType()).isEqualTo(QrGenerateResult.MimeTypeEnum.IMAGE_PNG);
        byte[] image = Base64.getDecoder().decode(png.getQrImage().substring("data:image/png;base64,".length()));
        assertThat(image).startsWith(0x89, 'P', 'N', 'G');
        assertThat(svg.getMimeType()).isEqualTo(QrGenerateResult.MimeTypeEnum.IMAGE_SVG_XML);
        assertThat(svg.getQrImage()).startsWith("data:image/svg+xml");
    }

    @Test
    void errors_are_typed() {
        ValidationException invalid = catchThrowableOfType(ValidationException.class, () -> pro.create(coffee("0")));
        assertThat(invalid.details())
                .extracting(BakongPayException.Detail::field)
                .contains("amount");
        assertThat(invalid.requestId()).isPresent();

        BakongPayClient unknownKey = BakongPayClient.builder(sandbox.apiUrl(), "bk_test_not_a_key_000")
                .build();
        AuthenticationException refused =
                catchThrowableOfType(AuthenticationException.class, () -> unknownKey.create(coffee("1.00")));
        assertThat(refused.code()).isEqualTo("invalid_api_key");

        // the FREE key's allowance is 3 an hour: its Retry-After is longer than the client waits by itself
        BakongPayClient free =
                BakongPayClient.builder(sandbox.apiUrl(), SdkRoundTrip.FREE_KEY).build();
        RateLimitException limited = catchThrowableOfType(RateLimitException.class, () -> {
            for (int i = 0; i < 10; i++) free.create(coffee("1.00"));
        });
        assertThat(limited.code()).isEqualTo("rate_limit_exceeded");
        assertThat(limited.retryAfter())
                .hasValueSatisfying(wait -> assertThat(wait).isPositive());
    }
}
