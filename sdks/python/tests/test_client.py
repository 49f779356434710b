import json
import threading
import unittest
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bakongpay import (AuthenticationError, Client, ConnectionFailed, RateLimitError, UpstreamError,
                       ValidationError)

CREATED = {"transactionId": "3f1c0f0e-8a53-4a55-9a57-7e0e0f5b0c11", "qrString": "000201", "qrImage": "data:",
           "md5": "a" * 32, "deepLink": "http://x/pay/1/app", "checkoutUrl": "http://x/pay/1", "expiresAt": "2026-12-06T22:00:00Z"}


def envelope(code, message, details=()):
    return {"success": False, "error": {"code": code, "message": message, "details": list(details)}}


class FakeServer:
    """Answers each request with the next scripted (status, headers, body) and records what it got."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.requests = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                fake.requests.append((self.path, dict(self.headers), self.rfile.read(length)))
                status, headers, body = fake.answers.pop(0)
                payload = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class ClientTest(unittest.TestCase):
    def serve(self, *answers):
        server = FakeServer(*answers)
        self.addCleanup(server.close)
        self.slept = []
        return server, Client(server.url, "bk_test_key", sleep=self.slept.append)

    def test_create_sends_the_bearer_key_the_idempotency_key_and_camel_case_fields(self):
        server, client = self.serve((200, {"RateLimit-Limit": "60", "RateLimit-Remaining": "59",
                                           "RateLimit-Reset": "1"}, {"success": True, "data": CREATED}))
        created = client.create_khqr("1.50", "Coffee Corner", "coffee@aclb", currency="USD",
                                     expires_in_seconds=600, idempotency_key="order-1001", request_id="req-1")
        path, headers, body = server.requests[0]
        self.assertEqual("/api/v1/khqr/create", path)
        self.assertEqual("Bearer bk_test_key", headers["Authorization"])
        self.assertEqual("order-1001", headers["Idempotency-Key"])
        self.assertEqual("req-1", headers["X-Request-Id"])
        self.assertEqual({"amount": 1.5, "merchantName": "Coffee Corner", "bakongId": "coffee@aclb",
                          "currency": "USD", "expiresInSeconds": 600}, json.loads(body))
        self.assertEqual(CREATED["transactionId"], created.transaction_id)
        self.assertEqual(CREATED["checkoutUrl"], created.checkout_url)
        self.assertEqual((60, 59, 1), (client.rate_limit.limit, client.rate_limit.remaining, client.rate_limit.reset))

    def test_amounts_come_back_as_decimals_and_nested_payments_as_objects(self):
        payment = {"hash": "b" * 64, "from": "dara@aclb", "to": "coffee@aclb", "amount": 1.10, "currency": "USD",
                   "timestamp": 1764489600000}
        _, client = self.serve((200, {}, {"success": True, "data": {"md5": "a" * 32, "status": "SUCCESS",
                                                                    "transaction": payment, "newField": 1}}))
        checked = client.check_md5("a" * 32)
        self.assertEqual("SUCCESS", checked.status)
        self.assertEqual(Decimal("1.1"), checked.transaction.amount)
        self.assertEqual("dara@aclb", checked.transaction.from_)

    def test_a_422_is_a_validation_error_with_the_envelope(self):
        _, client = self.serve((422, {"X-Request-Id": "req-9"}, envelope(
            "validation_failed", "Validation failed", [{"field": "amount", "code": "must_be_positive",
                                                         "message": "amount must be > 0"}])))
        with self.assertRaises(ValidationError) as raised:
            client.create_khqr(-1, "Shop", "shop@aclb")
        error = raised.exception
        self.assertEqual((422, "validation_failed", "Validation failed", "req-9"),
                         (error.status, error.code, error.message, error.request_id))
        self.assertEqual(("amount", "must_be_positive"), (error.details[0].field, error.details[0].code))

    def test_a_401_is_an_authentication_error(self):
        _, client = self.serve((401, {}, envelope("invalid_api_key", "Missing, unknown or revoked API key")))
        with self.assertRaises(AuthenticationError) as raised:
            client.check_md5("a" * 32)
        self.assertEqual("invalid_api_key", raised.exception.code)

    def test_a_429_is_retried_after_retry_after(self):
        server, client = self.serve((429, {"Retry-After": "2"}, envelope("rate_limited", "Rate limit exceeded")),
                                    (200, {}, {"success": True, "data": CREATED}))
        self.assertEqual(CREATED["md5"], client.create_khqr(1, "Shop", "shop@aclb", idempotency_key="k").md5)
        self.assertEqual([2.0], self.slept)
        self.assertEqual(2, len(server.requests))
        self.assertEqual("k", server.requests[1][1]["Idempotency-Key"])

    def test_a_429_that_lasts_is_raised_after_the_retries(self):
        limited = (429, {"Retry-After": "1"}, envelope("rate_limited", "Rate limit exceeded"))
        server, client = self.serve(limited, limited, limited)
        with self.assertRaises(RateLimitError) as raised:
            client.check_md5("a" * 32)
        self.assertEqual(("rate_limited", 1.0), (raised.exception.code, raised.exception.retry_after))
        self.assertEqual([1.0, 1.0], self.slept)
        self.assertEqual(3, len(server.requests))

    def test_a_429_asking_longer_than_max_retry_wait_is_raised_at_once(self):
        server, client = self.serve((429, {"Retry-After": "3600"}, envelope("rate_limited", "Rate limit exceeded")))
        with self.assertRaises(RateLimitError) as raised:
            client.check_md5("a" * 32)
        self.assertEqual(3600.0, raised.exception.retry_after)
        self.assertEqual([], self.slept)
        self.assertEqual(1, len(server.requests))

    def test_the_raw_image_is_asked_for_with_accept(self):
        server, client = self.serve((200, {"Content-Type": "image/svg+xml"}, b"<svg/>"))
        self.assertEqual(b"<svg/>", client.generate_qr_bytes("000201", format="svg", size=200))
        _, headers, body = server.requests[0]
        self.assertEqual("image/svg+xml", headers["Accept"])
        self.assertEqual({"qrString": "000201", "size": 200, "format": "svg"}, json.loads(body))

    def test_an_answer_that_is_not_the_envelope_still_gives_the_typed_error(self):
        _, client = self.serve((502, {}, b"<html>Bad Gateway</html>"))
        with self.assertRaises(UpstreamError) as raised:
            client.check_md5("a" * 32)
        self.assertEqual((502, None), (raised.exception.status, raised.exception.code))

    def test_an_unreachable_server_is_a_connection_error(self):
        server, _ = self.serve()
        url = server.url
        server.close()
        with self.assertRaises(ConnectionFailed):
            Client(url, "bk_test_key", timeout=5).check_md5("a" * 32)


if __name__ == "__main__":
    unittest.main()
