package dev.bakongpay.it;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** What a shop's backend does over HTTP, with one API key against one node. */
final class Api {
    static final String CREATE = "/api/v1/khqr/create";
    static final String CHECK = "/api/v1/check/md5";
    static final String LOOKUP = "/api/v1/check/transaction";

    final String baseUrl;
    final String key;

    Api(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    static String order(String merchantName, String amount, Integer expiresInSeconds) {
        return "{\"amount\": " + amount + ", \"currency\": \"USD\", \"merchantName\": " + json(merchantName)
                + ", \"bakongId\": \"coffee@aclb\", \"description\": \"Order #1\""
                + (expiresInSeconds == null ? "" : ", \"expiresInSeconds\": " + expiresInSeconds) + "}";
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    RequestSpecification request() {
        return given().baseUri(baseUrl).header("Authorization", "Bearer " + key).contentType("application/json");
    }

    Response createRaw(String body) {
        return request().body(body).post(CREATE);
    }

    /** A created payment's data; fails unless the answer is 200. */
    JsonPath create(String body) {
        Response r = createRaw(body);
        if (r.statusCode() != 200) throw new AssertionError("create answered " + r.statusCode() + ": " + r.asString());
        return r.jsonPath().setRootPath("data");
    }

    JsonPath create() {
        return create(order("Coffee Corner", "1.50", null));
    }

    Response checkRaw(String md5) {
        return request().body("{\"md5\":\"" + md5 + "\"}").post(CHECK);
    }

    /** The status a check answers; fails unless the answer is 200. */
    String status(String md5) {
        Response r = checkRaw(md5);
        if (r.statusCode() != 200) throw new AssertionError("check answered " + r.statusCode() + ": " + r.asString());
        return r.jsonPath().getString("data.status");
    }

    Response lookup(String transactionId) {
        return request()
                .body("{\"query\":\"" + transactionId + "\",\"type\":\"transactionId\"}")
                .post(LOOKUP);
    }
}
