import json
import pathlib
import unittest

from bakongpay.webhook import check_signature, signature_header, verify_signature

VECTORS = pathlib.Path(__file__).resolve().parents[2] / "webhook-signature-vectors.json"


class SharedVectorsTest(unittest.TestCase):
    """sdks/webhook-signature-vectors.json, made by the Java signer BakongPay uses."""

    def test_every_vector_gets_its_expected_verdict(self):
        vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
        self.assertGreater(len(vectors["cases"]), 10)
        for case in vectors["cases"]:
            with self.subTest(case["name"]):
                verdict = check_signature(case["secret"], case["header"], case["body"].encode("utf-8"),
                                          now=vectors["now"], tolerance=vectors["tolerance_seconds"])
                self.assertEqual(case["expected"], verdict)
                self.assertEqual(case["valid"], verify_signature(case["secret"], case["header"], case["body"],
                                                                 now=vectors["now"],
                                                                 tolerance=vectors["tolerance_seconds"]))


class SignatureTest(unittest.TestCase):
    def test_the_documented_vector(self):
        # adapters/webhook/README.md "Verifying the signature"
        self.assertEqual("t=1764489600,v1=c430d7c295a0e0b3aca8cb0dd678eaa6deb0d5de6fa7903145989f05a45e3ff3",
                         signature_header("whsec_test_secret", 1764489600, '{"id":"evt","amount":25.00}'))

    def test_a_missing_header_is_malformed_and_the_clock_defaults_to_now(self):
        self.assertEqual("malformed", check_signature("s", None, b"{}"))
        import time
        fresh = signature_header("s", int(time.time()), b"{}")
        self.assertTrue(verify_signature("s", fresh, b"{}"))
        self.assertFalse(verify_signature("s", signature_header("s", int(time.time()) - 3600, b"{}"), b"{}"))


if __name__ == "__main__":
    unittest.main()
