"""The API's answers as dataclasses. Field names are the document's, in snake_case."""

import re
from dataclasses import dataclass, field, fields
from decimal import Decimal
from keyword import iskeyword
from typing import Callable, ClassVar, Dict, Optional


def snake(name: str) -> str:
    """The Python name of a JSON field: expiresInSeconds -> expires_in_seconds, from -> from_."""
    s = re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()
    return s + "_" if iskeyword(s) else s


def camel(name: str) -> str:
    """The JSON name of a Python field: expires_in_seconds -> expiresInSeconds, from_ -> from."""
    head, *rest = name.rstrip("_").split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


class _Model:
    # fields holding another model: field name -> how to read it
    _NESTED: ClassVar[Dict[str, Callable]] = {}

    @classmethod
    def from_json(cls, data: dict):
        """The model from a JSON object: known fields only, so a field the server adds later breaks nothing."""
        values = {}
        for f in fields(cls):
            key = camel(f.name)
            if key in data:
                value = data[key]
                values[f.name] = cls._NESTED[f.name](value) if f.name in cls._NESTED and value is not None else value
        return cls(**values)


@dataclass(frozen=True)
class CreateResult(_Model):
    transaction_id: str
    qr_string: str
    qr_image: str
    md5: str
    deep_link: str
    checkout_url: str
    expires_at: str


@dataclass(frozen=True)
class Payment(_Model):
    """The payment Bakong recorded (timestamp in epoch milliseconds)."""

    hash: str
    amount: Decimal
    currency: str
    timestamp: int
    from_: Optional[str] = None
    to: Optional[str] = None


@dataclass(frozen=True)
class CheckResult(_Model):
    md5: str
    status: str
    late: Optional[bool] = None
    failure_reason: Optional[str] = None
    failure_message: Optional[str] = None
    transaction: Optional[Payment] = None
    _NESTED: ClassVar[Dict[str, Callable]] = {"transaction": Payment.from_json}


@dataclass(frozen=True)
class BulkEntry(_Model):
    status: str
    late: Optional[bool] = None
    failure_reason: Optional[str] = None
    upstream_error: Optional[str] = None


@dataclass(frozen=True)
class BulkResult(_Model):
    total: int
    results: Dict[str, BulkEntry]
    _NESTED: ClassVar[Dict[str, Callable]] = {
        "results": lambda results: {md5: BulkEntry.from_json(entry) for md5, entry in results.items()}}


@dataclass(frozen=True)
class Transaction(_Model):
    transaction_id: str
    md5: str
    status: str
    amount: Decimal
    currency: str
    merchant_name: str
    bakong_id: str
    mode: str
    qr_string: str
    deep_link: str
    checkout_url: str
    created_at: str
    expires_at: str
    updated_at: str
    description: Optional[str] = None
    late: Optional[bool] = None
    failure_reason: Optional[str] = None
    failure_message: Optional[str] = None
    transaction: Optional[Payment] = None
    metadata: Dict[str, str] = field(default_factory=dict)
    _NESTED: ClassVar[Dict[str, Callable]] = {"transaction": Payment.from_json}


@dataclass(frozen=True)
class QrImage(_Model):
    """A rendered KHQR: qr_image is a data URL."""

    format: str
    mime_type: str
    size: int
    qr_image: str


@dataclass(frozen=True)
class RateLimit:
    """The RateLimit-* headers of the last successful answer."""

    limit: Optional[int]
    remaining: Optional[int]
    reset: Optional[int]
