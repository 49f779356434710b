"""Typed errors carrying the API's error envelope: {"success": false, "error": {code, message, details}}."""

from dataclasses import dataclass
from typing import List, Optional


@dataclass(frozen=True)
class ErrorDetail:
    """One entry of error.details: which field failed, and why."""

    field: str
    code: str
    message: str


class BakongPayError(Exception):
    """Every error this client raises. An HTTP error answer carries the envelope's fields."""

    def __init__(self, message: str, status: Optional[int] = None, code: Optional[str] = None,
                 details: Optional[List[ErrorDetail]] = None, request_id: Optional[str] = None):
        super().__init__(f"{status} {code}: {message}" if status else message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or []
        self.request_id = request_id


class ConnectionFailed(BakongPayError):
    """The server could not be reached, or its answer was not the API's JSON."""


class InvalidRequestError(BakongPayError):
    """400 malformed JSON, 406 Accept and format disagree, 413 body too large, 415 not JSON."""


class AuthenticationError(BakongPayError):
    """401: missing, unknown, revoked or expired API key."""


class PlanUpgradeRequiredError(BakongPayError):
    """403: the endpoint needs the Pro or Enterprise plan."""


class NotFoundError(BakongPayError):
    """404: no such transaction for this merchant."""


class ConflictError(BakongPayError):
    """409: Idempotency-Key reused with another body, or that request is still in progress."""


class ValidationError(BakongPayError):
    """422: one entry in details per field that failed."""


class RateLimitError(BakongPayError):
    """429 after the client's retries: retry_after is the server's Retry-After in seconds."""

    def __init__(self, *args, retry_after: Optional[float] = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.retry_after = retry_after


class UpstreamError(BakongPayError):
    """502 or 504: Bakong (NBC) could not be reached or did not answer in time."""


ERRORS_BY_STATUS = {
    400: InvalidRequestError,
    401: AuthenticationError,
    403: PlanUpgradeRequiredError,
    404: NotFoundError,
    406: InvalidRequestError,
    409: ConflictError,
    413: InvalidRequestError,
    415: InvalidRequestError,
    422: ValidationError,
    429: RateLimitError,
    502: UpstreamError,
    504: UpstreamError,
}
