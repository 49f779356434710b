"""The BakongPay-Signature header: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>."""

import hashlib
import hmac
import re
import time
from typing import Optional, Union

HEADER = "BakongPay-Signature"
EVENT_ID_HEADER = "BakongPay-Event-Id"
DEFAULT_TOLERANCE = 300

VALID, MALFORMED, STALE, MISMATCH = "valid", "malformed", "stale", "mismatch"

_INTEGER = re.compile(r"[+-]?[0-9]+")
_HEX = re.compile(r"(?:[0-9a-fA-F]{2})*")


def _bytes(body: Union[bytes, str]) -> bytes:
    return body.encode("utf-8") if isinstance(body, str) else bytes(body)


def _hmac(secret: str, timestamp: int, body: bytes) -> bytes:
    return hmac.new(secret.encode("utf-8"), str(timestamp).encode("ascii") + b"." + body, hashlib.sha256).digest()


def signature_header(secret: str, timestamp: int, body: Union[bytes, str]) -> str:
    """The header BakongPay sends for body at timestamp (for your own tests)."""
    return f"t={timestamp},v1={_hmac(secret, timestamp, _bytes(body)).hex()}"


def check_signature(secret: str, header: Optional[str], body: Union[bytes, str], now: Optional[float] = None,
                    tolerance: int = DEFAULT_TOLERANCE) -> str:
    """VALID, MALFORMED (not t=…,v1=…), STALE (t further than tolerance seconds from now) or MISMATCH.

    body is the raw request body as received, before any JSON parsing. Several v1 entries are allowed
    (a secret being rotated): one match is enough. Compared in constant time.
    """
    if header is None:
        return MALFORMED
    timestamp, candidates = None, []
    for part in header.split(","):
        p = part.strip()
        if p.startswith("t="):
            if not _INTEGER.fullmatch(p[2:]):
                return MALFORMED
            timestamp = int(p[2:])
        elif p.startswith("v1="):
            if not _HEX.fullmatch(p[3:]):
                return MALFORMED
            candidates.append(bytes.fromhex(p[3:]))
    if timestamp is None or not candidates:
        return MALFORMED
    if abs(int(time.time() if now is None else now) - timestamp) > tolerance:
        return STALE
    expected = _hmac(secret, timestamp, _bytes(body))
    match = False
    for candidate in candidates:
        match |= hmac.compare_digest(expected, candidate)
    return VALID if match else MISMATCH


def verify_signature(secret: str, header: Optional[str], body: Union[bytes, str], now: Optional[float] = None,
                     tolerance: int = DEFAULT_TOLERANCE) -> bool:
    """Whether header signs the raw body with secret, within tolerance seconds of now."""
    return check_signature(secret, header, body, now, tolerance) == VALID
