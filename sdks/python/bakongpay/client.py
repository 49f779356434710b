"""A BakongPay API client on the standard library only (urllib.request, json)."""

import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from decimal import Decimal
from email.utils import parsedate_to_datetime
from typing import Callable, Dict, List, Optional, Union

from .errors import ERRORS_BY_STATUS, BakongPayError, ConnectionFailed, ErrorDetail, RateLimitError
from .models import BulkResult, CheckResult, CreateResult, QrImage, RateLimit, Transaction, camel

Amount = Union[int, float, str, Decimal]


@dataclass(frozen=True)
class Operation:
    """One operation of the OpenAPI document and the method that calls it (checked by tests/test_openapi_coverage.py)."""

    method_name: str
    http_method: str
    path: str
    result: Optional[type]
    media_types: tuple = ("application/json",)
    raw_method_name: Optional[str] = None  # the method answering the image itself, when the operation has one


OPERATIONS: Dict[str, Operation] = {
    "createKhqr": Operation("create_khqr", "POST", "/khqr/create", CreateResult),
    "checkMd5": Operation("check_md5", "POST", "/check/md5", CheckResult),
    "checkBulk": Operation("check_bulk", "POST", "/check/bulk", BulkResult),
    "lookupTransaction": Operation("lookup_transaction", "POST", "/check/transaction", Transaction),
    "generateQr": Operation("generate_qr", "POST", "/qr/generate", QrImage,
                            ("application/json", "image/png", "image/svg+xml"), "generate_qr_bytes"),
    "openApi": Operation("openapi", "GET", "/openapi.json", None),
}

# header parameters -> keyword argument of every method that sends them
HEADER_PARAMETERS = {"Idempotency-Key": "idempotency_key", "X-Request-Id": "request_id"}
# response headers -> where the client puts them
RESPONSE_HEADERS = {
    "X-Request-Id": "BakongPayError.request_id",
    "Retry-After": "RateLimitError.retry_after",
    "RateLimit-Limit": "Client.rate_limit.limit",
    "RateLimit-Remaining": "Client.rate_limit.remaining",
    "RateLimit-Reset": "Client.rate_limit.reset",
}


API_PATH = "/api/v1"


class Client:
    """Calls one BakongPay server with one API key (bk_test_… against the simulator, bk_live_… against NBC).

    A 429 is retried up to max_retries times after the server's Retry-After, when that is at most
    max_retry_wait seconds; then RateLimitError is raised.
    """

    def __init__(self, base_url: str, api_key: str, *, timeout: float = 30, max_retries: int = 2,
                 max_retry_wait: float = 60, sleep: Callable[[float], None] = time.sleep):
        if not api_key:
            raise ValueError("api_key is required (bk_test_… or bk_live_…)")
        self.api_key = api_key
        # the server's address (http://127.0.0.1:8080), as the other SDKs take it; …/api/v1 is fine too
        root = base_url.rstrip("/")
        self.base_url = root if root.endswith(API_PATH) else root + API_PATH
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_retry_wait = max_retry_wait
        self._sleep = sleep
        self.rate_limit: Optional[RateLimit] = None

    def create_khqr(self, amount: Amount, merchant_name: str, bakong_id: str, *, currency: Optional[str] = None,
                    description: Optional[str] = None, expires_in_seconds: Optional[int] = None,
                    merchant_city: Optional[str] = None, merchant_id: Optional[str] = None,
                    acquiring_bank: Optional[str] = None, store_label: Optional[str] = None,
                    terminal_label: Optional[str] = None, merchant_name_khmer: Optional[str] = None,
                    mobile_number: Optional[str] = None, return_url: Optional[str] = None,
                    idempotency_key: Optional[str] = None, request_id: Optional[str] = None) -> CreateResult:
        """A dynamic KHQR for one payment. The same idempotency_key with the same body answers the first result."""
        body = _body(locals(), exclude=("idempotency_key", "request_id"))
        body["amount"] = _amount(amount)
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        return CreateResult.from_json(self._call("createKhqr", body, headers, request_id))

    def check_md5(self, md5: str, *, request_id: Optional[str] = None) -> CheckResult:
        """The payment status of a KHQR by its md5, asking Bakong when it is still pending."""
        return CheckResult.from_json(self._call("checkMd5", {"md5": md5}, {}, request_id))

    def check_bulk(self, md5s: List[str], *, request_id: Optional[str] = None) -> BulkResult:
        """Up to 50 md5s at once (Pro and Enterprise plans)."""
        return BulkResult.from_json(self._call("checkBulk", {"md5s": list(md5s)}, {}, request_id))

    def lookup_transaction(self, query: str, *, type: Optional[str] = None,
                           request_id: Optional[str] = None) -> Transaction:
        """A stored transaction by its transactionId (the default type), md5 or Bakong hash."""
        return Transaction.from_json(self._call("lookupTransaction", _body(locals()), {}, request_id))

    def generate_qr(self, qr_string: str, *, size: Optional[int] = None, foreground: Optional[str] = None,
                    background: Optional[str] = None, format: Optional[str] = None,
                    style: Optional[str] = None, request_id: Optional[str] = None) -> QrImage:
        """A PNG or SVG of any valid KHQR, as a data URL; style "card" draws NBC's KHQR card around it."""
        return QrImage.from_json(self._call("generateQr", _body(locals()), {}, request_id))

    def generate_qr_bytes(self, qr_string: str, *, size: Optional[int] = None, foreground: Optional[str] = None,
                          background: Optional[str] = None, format: str = "png",
                          style: Optional[str] = None, request_id: Optional[str] = None) -> bytes:
        """The raw image (PNG bytes, or SVG text as UTF-8 bytes)."""
        body = _body(locals())
        accept = "image/svg+xml" if format == "svg" else "image/png"
        return self._call("generateQr", body, {"Accept": accept}, request_id, raw=True)

    def openapi(self) -> dict:
        """The server's OpenAPI document."""
        return self._call("openApi", None, {}, None)

    def _call(self, operation_id: str, body: Optional[dict], headers: Dict[str, str], request_id: Optional[str],
              raw: bool = False):
        op = OPERATIONS[operation_id]
        sent = {"Authorization": f"Bearer {self.api_key}", "Accept": "application/json", **headers}
        if request_id:
            sent["X-Request-Id"] = request_id
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            sent["Content-Type"] = "application/json"
        for attempt in range(self.max_retries + 1):
            request = urllib.request.Request(self.base_url + op.path, data=data, headers=sent, method=op.http_method)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    self.rate_limit = RateLimit(*(_int(response.headers.get(h)) for h in
                                                  ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")))
                    payload = response.read()
            except urllib.error.HTTPError as e:
                error = _error(e.code, e.read(), e.headers)
                if isinstance(error, RateLimitError) and attempt < self.max_retries and \
                        error.retry_after is not None and error.retry_after <= self.max_retry_wait:
                    self._sleep(error.retry_after)
                    continue
                raise error from None
            except (urllib.error.URLError, OSError) as e:
                raise ConnectionFailed(f"{op.http_method} {self.base_url + op.path}: {e}") from e
            if raw:
                return payload
            parsed = _json(payload, op)
            return parsed["data"] if operation_id != "openApi" else parsed
        raise AssertionError("unreachable")


def _body(arguments: dict, exclude=()) -> dict:
    """The JSON body from a method's keyword arguments: camelCase names, unset ones left out."""
    skip = {"self", "request_id", *exclude}
    return {camel(k): v for k, v in arguments.items() if k not in skip and v is not None}


def _amount(amount: Amount) -> float:
    # the shortest float repr of a decimal with at most 2 places is that decimal again, so 1.50 is sent as 1.5
    return float(Decimal(str(amount)))


def _int(value: Optional[str]) -> Optional[int]:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _json(payload: bytes, op: Operation):
    try:
        return json.loads(payload, parse_float=Decimal)
    except ValueError as e:
        raise ConnectionFailed(f"{op.http_method} {op.path}: the answer is not JSON") from e


def _retry_after(value: Optional[str]) -> Optional[float]:
    """Retry-After as seconds: delta-seconds or an HTTP date."""
    if value is None:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _error(status: int, payload: bytes, headers) -> BakongPayError:
    """The typed error for an HTTP error answer, with the envelope's code, message and details."""
    kind = ERRORS_BY_STATUS.get(status, BakongPayError)
    code, message, details = None, f"HTTP {status}", []
    try:
        envelope = json.loads(payload).get("error") or {}
        code = envelope.get("code")
        message = envelope.get("message") or message
        details = [ErrorDetail(d.get("field"), d.get("code"), d.get("message")) for d in envelope.get("details") or []]
    except (ValueError, AttributeError):
        pass  # not the API's envelope (a proxy's page): the status says enough
    fields = dict(status=status, code=code, details=details, request_id=headers.get("X-Request-Id"))
    if kind is RateLimitError:
        return RateLimitError(message, retry_after=_retry_after(headers.get("Retry-After")), **fields)
    return kind(message, **fields)
