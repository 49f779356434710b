"""BakongPay API client (Bakong KHQR payments) and webhook signature verifier, on the standard library only."""

from .client import Client
from .errors import (AuthenticationError, BakongPayError, ConflictError, ConnectionFailed, ErrorDetail,
                     InvalidRequestError, NotFoundError, PlanUpgradeRequiredError, RateLimitError, UpstreamError,
                     ValidationError)
from .models import BulkEntry, BulkResult, CheckResult, CreateResult, Payment, QrImage, RateLimit, Transaction
from .webhook import check_signature, signature_header, verify_signature

__version__ = "0.1.0"

__all__ = [
    "Client", "BakongPayError", "ConnectionFailed", "InvalidRequestError", "AuthenticationError",
    "PlanUpgradeRequiredError", "NotFoundError", "ConflictError", "ValidationError", "RateLimitError",
    "UpstreamError", "ErrorDetail", "CreateResult", "CheckResult", "Payment", "BulkResult", "BulkEntry",
    "Transaction", "QrImage", "RateLimit", "check_signature", "verify_signature", "signature_header",
]
