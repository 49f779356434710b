package dev.bakongpay.core.bakong;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The odd payments NBC could answer with, and what each must come to: the case table of
 * {@link HostileUpstreamTest}, with the payment builders and NBC's paths it uses (also used by
 * {@link PollStormTest}).
 */
final class OddNbcPayments {
    private OddNbcPayments() {}

    static final String SINGLE = "/v1/check_transaction_by_md5";
    static final String LIST = "/v1/check_transaction_by_md5_list";
    static final String HASH = "9bc29426b5e55f171b0e137478d04eb8b8b3a757e0eb2040561ba4f9f052db95";
    static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");
    static final String OK_PREFIX = "{\"responseCode\":0,\"responseMessage\":\"Success\",\"errorCode\":null,\"data\":";

    /** What an odd payment must come to. */
    enum Verdict {
        SUCCESS,
        FAILED,
        UNUSABLE
    }

    /**
     * One odd payment: the {@code data} NBC answers (for a USD 9.99 payment to merchant@acleda),
     * the verdict and, for FAILED, the reason code.
     */
    record Odd(String name, String data, Verdict verdict, String code) {
        @Override
        public String toString() {
            return name;
        }

        /** Breaks the whole answer it is in (too large, too deep), not just its own item. */
        boolean spoilsTheAnswer() {
            return data.length() > 1_000_000 || data.startsWith("[[[[");
        }
    }

    static String payment(String amount) {
        return payment(amount, "\"USD\"", "\"merchant@acleda\"");
    }

    static String payment(String amount, String currency, String to) {
        return "{\"hash\":\"" + HASH + "\",\"fromAccountId\":\"payer@abaa\",\"toAccountId\":" + to + ",\"currency\":"
                + currency
                + ",\"amount\":" + amount + ",\"description\":null,\"createdDateMs\":1756366775000,"
                + "\"acknowledgedDateMs\":1756366777000,\"externalRef\":\"100FT35340355905\"}";
    }

    static String without(String field) {
        return payment("9.99")
                .replaceFirst(",?\"" + field + "\":(\"[^\"]*\"|[^,}]*)", "")
                .replace("{,", "{");
    }

    static Stream<Odd> odd() {
        List<Odd> all = new ArrayList<>();
        // the baseline: what a sane payment comes to (the table would pass vacuously without it)
        all.add(new Odd("9.99 exactly", payment("9.99"), Verdict.SUCCESS, null));
        all.add(new Odd("9.990000000 (the same amount, more zeros)", payment("9.990000000"), Verdict.SUCCESS, null));
        all.add(new Odd("999e-2 (the same amount in E notation)", payment("999e-2"), Verdict.SUCCESS, null));
        all.add(new Odd(
                "odd fields that are only passed on",
                payment("9.99")
                        .replace(
                                "\"description\":null",
                                "\"description\":[1,2],\"trackingStatus\":\"" + "x".repeat(5_000)
                                        + "\",\"receiverBank\":7"),
                Verdict.SUCCESS,
                null));
        // amounts that are numbers, but not the amount: FAILED amount_mismatch
        for (String amount : List.of(
                "9.989999999",
                "9.990000001",
                "1e-7",
                "1e30",
                "1e99",
                "-9.99",
                "0",
                "0e9999",
                "-0.0",
                "9.98",
                "999",
                "99900e-5",
                "1e-100")) {
            all.add(new Odd("amount " + amount, payment(amount), Verdict.FAILED, "amount_mismatch"));
        }
        // numbers no amount can be, judged by their text: unusable, never expanded
        for (String amount : List.of(
                "1E+100",
                "1e101",
                "1e-101",
                "1e100000",
                "1e999999999",
                "1e99999999999",
                "1E-2147483648",
                "1e2147483648",
                "-1e100000",
                "9".repeat(1_000),
                "0." + "0".repeat(5_000) + "1",
                "9".repeat(200_000))) {
            all.add(new Odd(
                    "amount " + (amount.length() > 20 ? amount.length() + " characters" : amount),
                    payment(amount),
                    Verdict.UNUSABLE,
                    null));
        }
        // amounts that are not numbers
        for (String amount : List.of("\"9.99\"", "\"1e100000\"", "true", "null", "{}", "[9.99]", "\"\"")) {
            all.add(new Odd("amount " + amount, payment(amount), Verdict.UNUSABLE, null));
        }
        all.add(new Odd("no amount", without("amount"), Verdict.UNUSABLE, null));
        all.add(new Odd(
                "amount given twice", payment("9.99").replace("}", ",\"amount\":9.99}"), Verdict.UNUSABLE, null));
        // currencies
        all.add(new Odd(
                "currency EUR",
                payment("9.99", "\"EUR\"", "\"merchant@acleda\""),
                Verdict.FAILED,
                "currency_mismatch"));
        all.add(new Odd(
                "currency usd",
                payment("9.99", "\"usd\"", "\"merchant@acleda\""),
                Verdict.FAILED,
                "currency_mismatch"));
        all.add(new Odd(
                "currency KHR",
                payment("9.99", "\"KHR\"", "\"merchant@acleda\""),
                Verdict.FAILED,
                "currency_mismatch"));
        all.add(new Odd(
                "currency EUR, amount 1e30",
                payment("1e30", "\"EUR\"", "\"merchant@acleda\""),
                Verdict.FAILED,
                "currency_mismatch"));
        all.add(new Odd("currency 840", payment("9.99", "840", "\"merchant@acleda\""), Verdict.UNUSABLE, null));
        all.add(new Odd("currency null", payment("9.99", "null", "\"merchant@acleda\""), Verdict.UNUSABLE, null));
        all.add(new Odd(
                "currency with a NUL",
                payment("9.99", "\"US\\u0000D\"", "\"merchant@acleda\""),
                Verdict.UNUSABLE,
                null));
        all.add(new Odd(
                "currency of 100,000 characters",
                payment("9.99", "\"" + "U".repeat(100_000) + "\"", "\"merchant@acleda\""),
                Verdict.UNUSABLE,
                null));
        all.add(new Odd("no currency", without("currency"), Verdict.UNUSABLE, null));
        // accounts, hash, references, times
        all.add(new Odd(
                "paid to another account",
                payment("9.99", "\"USD\"", "\"thief@abaa\""),
                Verdict.FAILED,
                "account_mismatch"));
        all.add(new Odd(
                "toAccountId of 1,000 characters",
                payment("9.99", "\"USD\"", "\"" + "m".repeat(1_000) + "\""),
                Verdict.UNUSABLE,
                null));
        all.add(new Odd("toAccountId a number", payment("9.99", "\"USD\"", "42"), Verdict.UNUSABLE, null));
        all.add(new Odd("no toAccountId", without("toAccountId"), Verdict.UNUSABLE, null));
        all.add(new Odd("no hash", without("hash"), Verdict.UNUSABLE, null));
        all.add(new Odd("hash ab", payment("9.99").replace(HASH, "ab"), Verdict.UNUSABLE, null));
        all.add(new Odd("hash a number", payment("9.99").replace("\"" + HASH + "\"", "12345"), Verdict.UNUSABLE, null));
        all.add(new Odd(
                "fromAccountId of 200 characters",
                payment("9.99").replace("payer@abaa", "p".repeat(200)),
                Verdict.UNUSABLE,
                null));
        all.add(new Odd(
                "externalRef an object",
                payment("9.99").replace("\"100FT35340355905\"", "{\"a\":1}"),
                Verdict.UNUSABLE,
                null));
        all.add(new Odd(
                "acknowledgedDateMs \"x\"", payment("9.99").replace("1756366777000", "\"x\""), Verdict.UNUSABLE, null));
        all.add(new Odd(
                "acknowledgedDateMs 1e30", payment("9.99").replace("1756366777000", "1e30"), Verdict.UNUSABLE, null));
        all.add(new Odd(
                "acknowledgedDateMs -1", payment("9.99").replace("1756366777000", "-1"), Verdict.UNUSABLE, null));
        all.add(new Odd(
                "acknowledgedDateMs beyond long",
                payment("9.99").replace("1756366777000", "99999999999999999999"),
                Verdict.UNUSABLE,
                null));
        // not a payment at all
        all.add(new Odd("data null", "null", Verdict.UNUSABLE, null));
        all.add(new Odd("data a string", "\"paid\"", Verdict.UNUSABLE, null));
        all.add(new Odd("data an array of payments", "[" + payment("9.99") + "]", Verdict.UNUSABLE, null));
        all.add(new Odd("data 10,000 empty objects", "[" + "{},".repeat(9_999) + "{}]", Verdict.UNUSABLE, null));
        // answers spoiled as a whole by one payment
        all.add(new Odd(
                "description of 2 MB (answer over 1 MiB)",
                payment("9.99").replace("\"description\":null", "\"description\":\"" + "d".repeat(2_000_000) + "\""),
                Verdict.UNUSABLE,
                null));
        all.add(new Odd("nested 5,000 deep", "[".repeat(5_000) + "]".repeat(5_000), Verdict.UNUSABLE, null));
        return all.stream();
    }
}
