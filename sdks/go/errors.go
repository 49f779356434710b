package bakongpay

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Sentinels to test an error's kind with errors.Is: a 401, a 422, a 429.
var (
	ErrUnauthorized = errors.New("bakongpay: the API key is missing, unknown, revoked or expired")
	ErrValidation   = errors.New("bakongpay: validation failed")
	ErrRateLimited  = errors.New("bakongpay: rate limit exceeded")
)

// Detail is one entry of error.details: a field and what is wrong with it.
type Detail struct {
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Error is an error answer of the API: its HTTP status and the error envelope
// {"success": false, "error": {"code", "message", "details"}}, with the answer's X-Request-Id.
// Get it with errors.As; test its kind with errors.Is(err, ErrValidation) and the like.
type Error struct {
	Status    int      // 400, 401, 403, 404, 409, 413, 415, 422, 429, 502, 504…
	Code      string   // error.code: validation_failed, invalid_api_key, rate_limit_exceeded…
	Message   string   // error.message
	Details   []Detail // error.details: one entry per field for a 422
	RequestID string   // X-Request-Id, to quote when asking the server's operator
	// RetryAfter is the 429's Retry-After (0 when it had none).
	RetryAfter time.Duration
}

func (e *Error) Error() string {
	s := fmt.Sprintf("bakongpay: %d %s: %s", e.Status, e.Code, e.Message)
	if e.RequestID != "" {
		s += " (request " + e.RequestID + ")"
	}
	return s
}

// Is makes errors.Is(err, ErrUnauthorized), ErrValidation and ErrRateLimited true for a 401, 422 and 429.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrUnauthorized:
		return e.Status == http.StatusUnauthorized
	case ErrValidation:
		return e.Status == http.StatusUnprocessableEntity
	case ErrRateLimited:
		return e.Status == http.StatusTooManyRequests
	}
	return false
}

// errorFrom reads the typed error from an answer whose status is not 2xx and its body.
func errorFrom(resp *http.Response, body []byte, now time.Time) *Error {
	e := &Error{
		Status:    resp.StatusCode,
		Code:      "http_" + strconv.Itoa(resp.StatusCode),
		Message:   fmt.Sprintf("HTTP %d without the API's error envelope", resp.StatusCode),
		RequestID: resp.Header.Get("X-Request-Id"),
	}
	var envelope struct {
		Error *struct {
			Code    string   `json:"code"`
			Message string   `json:"message"`
			Details []Detail `json:"details"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &envelope) == nil && envelope.Error != nil && envelope.Error.Code != "" {
		e.Code, e.Message, e.Details = envelope.Error.Code, envelope.Error.Message, envelope.Error.Details
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		e.RetryAfter, _ = retryAfter(resp.Header.Get("Retry-After"), now)
	}
	return e
}

// retryAfter reads Retry-After as delay-seconds or an HTTP date; false when absent or unreadable.
func retryAfter(value string, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(value)
	if v == "" {
		return 0, false
	}
	if seconds, err := strconv.ParseInt(v, 10, 64); err == nil && seconds >= 0 {
		return time.Duration(seconds) * time.Second, true
	}
	if at, err := http.ParseTime(v); err == nil {
		if wait := at.Sub(now); wait > 0 {
			return wait, true
		}
		return 0, true
	}
	return 0, false
}
