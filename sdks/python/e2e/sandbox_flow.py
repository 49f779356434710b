"""The SDK against a running sandbox, as a shop uses it. Prints one "ok <step>" line per step; exits 1 on the first failure.

Environment: BAKONGPAY_URL (the server, http://127.0.0.1:PORT), BAKONGPAY_PRO_KEY, BAKONGPAY_FREE_KEY (a FREE key with a small
rate limit), BAKONG_SIMULATOR_URL (the sandbox's simulator, to pay as the customer).
"""

import base64
import json
import os
import sys
import time
import urllib.request
import uuid

import bakongpay

URL = os.environ["BAKONGPAY_URL"]
SIMULATOR = os.environ["BAKONG_SIMULATOR_URL"].rstrip("/")


def step(name, condition, detail=""):
    if not condition:
        print(f"FAILED {name} {detail}", flush=True)
        sys.exit(1)
    print(f"ok {name}", flush=True)


def pay_in_simulator(qr_string):
    """The customer scans and pays: the simulator's control API."""
    request = urllib.request.Request(SIMULATOR + "/simulator/payments", method="POST",
                                     data=json.dumps({"qr": qr_string, "fromAccountId": "dara@aclb"}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["data"]


def main():
    shop = bakongpay.Client(URL, os.environ["BAKONGPAY_PRO_KEY"])
    order = f"order-{uuid.uuid4()}"
    created = shop.create_khqr("1.50", "Coffee Corner", "coffee@aclb", currency="USD", description="Order #1001",
                               idempotency_key=order)
    step("create", created.qr_string.startswith("000201") and len(created.md5) == 32, created)
    again = shop.create_khqr("1.50", "Coffee Corner", "coffee@aclb", currency="USD", description="Order #1001",
                             idempotency_key=order)
    step("create again with the same Idempotency-Key gives the same transaction",
         again.transaction_id == created.transaction_id)

    step("pending before paying", shop.check_md5(created.md5).status == "PENDING")
    paid = pay_in_simulator(created.qr_string)
    step("pay in the simulator", paid["status"] == "SUCCESS", paid)
    # a shop polls: the server may answer from its last look at Bakong for a moment
    deadline = time.monotonic() + 20
    while (checked := shop.check_md5(created.md5)).status == "PENDING" and time.monotonic() < deadline:
        time.sleep(0.25)
    step("check SUCCESS", checked.status == "SUCCESS" and checked.transaction.amount == 1.5, checked)

    for kind, query in (("transactionId", created.transaction_id), ("md5", created.md5),
                        ("hash", checked.transaction.hash)):
        found = shop.lookup_transaction(query, type=kind)
        step(f"lookup by {kind}", found.transaction_id == created.transaction_id and found.status == "SUCCESS", found)

    other = shop.create_khqr(2, "Coffee Corner", "coffee@aclb")
    bulk = shop.check_bulk([created.md5, other.md5, "0" * 32])
    step("bulk (PRO key)", bulk.total == 3 and bulk.results[created.md5].status == "SUCCESS"
         and bulk.results[other.md5].status == "PENDING" and bulk.results["0" * 32].status == "NOT_FOUND", bulk)

    png = shop.generate_qr(created.qr_string, format="png", size=300)
    step("render PNG as a data URL", png.mime_type == "image/png"
         and base64.b64decode(png.qr_image.split(",", 1)[1]).startswith(b"\x89PNG"), png.mime_type)
    step("render PNG bytes", shop.generate_qr_bytes(created.qr_string, format="png").startswith(b"\x89PNG"))
    svg = shop.generate_qr_bytes(created.qr_string, format="svg", foreground="#1a1a2e")
    step("render SVG", b"<svg" in svg[:200])

    try:
        shop.create_khqr(0, "Coffee Corner", "coffee@aclb")
        step("422 as ValidationError", False, "no error")
    except bakongpay.ValidationError as e:
        step("422 as ValidationError", e.status == 422 and any(d.field == "amount" for d in e.details)
             and e.request_id, vars(e))

    try:
        bakongpay.Client(URL, "bk_test_" + "x" * 20).check_md5(created.md5)
        step("401 as AuthenticationError", False, "no error")
    except bakongpay.AuthenticationError as e:
        step("401 as AuthenticationError", e.status == 401 and e.code, vars(e))

    free = bakongpay.Client(URL, os.environ["BAKONGPAY_FREE_KEY"], max_retries=0)
    try:
        free.check_bulk([created.md5])
        step("403 as PlanUpgradeRequiredError", False, "no error")
    except bakongpay.PlanUpgradeRequiredError as e:
        step("403 as PlanUpgradeRequiredError", e.code == "plan_upgrade_required", vars(e))
    try:
        own = free.create_khqr(1, "Corner Stall", "stall@aclb")  # a FREE key sees only its own payments
        for _ in range(20):
            free.check_md5(own.md5)
        step("429 as RateLimitError", False, "no 429 in 20 calls")
    except bakongpay.RateLimitError as e:
        step("429 as RateLimitError", e.status == 429 and e.retry_after and e.retry_after > 0, vars(e))
    print("all steps passed")


if __name__ == "__main__":
    main()
