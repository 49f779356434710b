package bakongpay

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strconv"
	"strings"
	"time"
)

const (
	// SignatureHeader carries t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>.
	SignatureHeader = "BakongPay-Signature"
	// EventIDHeader is the event id to dedupe deliveries by (the same on every retry).
	EventIDHeader = "BakongPay-Event-Id"
	// WebhookTolerance is how far the signed time may be from now: further, a captured request could be replayed.
	WebhookTolerance = 5 * time.Minute
)

// Verdict is the outcome of CheckWebhook.
type Verdict string

const (
	Valid     Verdict = "valid"
	Malformed Verdict = "malformed" // no header, or not t=…,v1=…
	Stale     Verdict = "stale"     // signed further than the tolerance from now
	Mismatch  Verdict = "mismatch"  // another secret, or the body or timestamp was changed
)

var (
	digits    = regexp.MustCompile(`^\d{1,18}$`)
	hexDigits = regexp.MustCompile(`^(?:[0-9a-fA-F]{2})+$`)
)

// CheckWebhook checks a webhook's signature over its raw body, as received and before any JSON
// parsing. Several v1 are allowed (secret rotation); one matching is enough.
func CheckWebhook(secret, signatureHeader string, rawBody []byte, now time.Time, tolerance time.Duration) Verdict {
	var timestamp string
	var signatures []string
	for _, part := range strings.Split(signatureHeader, ",") {
		key, value, found := strings.Cut(part, "=")
		if !found {
			continue
		}
		switch strings.TrimSpace(key) {
		case "t":
			timestamp = strings.TrimSpace(value)
		case "v1":
			signatures = append(signatures, strings.TrimSpace(value))
		}
	}
	if !digits.MatchString(timestamp) || len(signatures) == 0 {
		return Malformed
	}
	for _, s := range signatures {
		if !hexDigits.MatchString(s) {
			return Malformed
		}
	}
	signedAt, _ := strconv.ParseInt(timestamp, 10, 64)
	if age := now.Unix() - signedAt; age > int64(tolerance/time.Second) || -age > int64(tolerance/time.Second) {
		return Stale
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(timestamp + "."))
	mac.Write(rawBody)
	expected := mac.Sum(nil)
	matched := false
	for _, s := range signatures {
		candidate, _ := hex.DecodeString(s)
		// hmac.Equal compares in constant time; every candidate is compared
		matched = hmac.Equal(expected, candidate) || matched
	}
	if matched {
		return Valid
	}
	return Mismatch
}

// VerifyWebhook tells whether the webhook is genuine and signed within WebhookTolerance of now.
func VerifyWebhook(secret, signatureHeader string, rawBody []byte, now time.Time) bool {
	return CheckWebhook(secret, signatureHeader, rawBody, now, WebhookTolerance) == Valid
}
