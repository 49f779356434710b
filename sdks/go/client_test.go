package bakongpay

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"sync"
	"testing"
	"time"

	"bakongpay.dev/go/bakongpay/openapi"
)

const created = `{"success":true,"data":{"transactionId":"3f1c0f0e-8a53-4a55-9a57-7e0e0f5b0c11","qrString":"000201",
 "qrImage":"data:image/png;base64,AA==","md5":"a1b2c3d4e5f67890a1b2c3d4e5f67890","deepLink":"http://x/pay/1/app",
 "checkoutUrl":"http://127.0.0.1/pay/3f1c0f0e-8a53-4a55-9a57-7e0e0f5b0c11","expiresAt":"2026-06-02T14:00:00Z"}}`

const rateLimited = `{"success":false,"error":{"code":"rate_limit_exceeded","message":"Rate limit exceeded","details":[]}}`

type answer struct {
	status     int
	body       string
	retryAfter string
}

type seen struct {
	header http.Header
	body   string
}

// scripted is an HTTP server that answers from a script and records what it was sent.
type scripted struct {
	mu     sync.Mutex
	script []answer
	seen   []seen
	waits  []time.Duration
	server *httptest.Server
}

func newScripted(t *testing.T, answers ...answer) *scripted {
	s := &scripted{script: answers}
	s.server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.seen = append(s.seen, seen{r.Header.Clone(), string(body)})
		a := s.script[0]
		s.script = s.script[1:]
		n := len(s.seen)
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Request-Id", "req-"+strconv.Itoa(n))
		if a.retryAfter != "" {
			w.Header().Set("Retry-After", a.retryAfter)
		}
		w.WriteHeader(a.status)
		_, _ = io.WriteString(w, a.body)
	}))
	t.Cleanup(s.server.Close)
	return s
}

var fixedNow = time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)

func (s *scripted) client() *Client {
	return New(s.server.URL+"/", "bk_test_abc12345", func(o *settings) {
		o.sleep = func(_ context.Context, d time.Duration) error { s.waits = append(s.waits, d); return nil }
		o.now = func() time.Time { return fixedNow }
	})
}

func coffee() openapi.CreateRequest {
	return *openapi.NewCreateRequest(1.5, "Coffee Corner", "coffee@aclb")
}

func TestSendsTheKeyAndTheIdempotencyKey(t *testing.T) {
	s := newScripted(t, answer{200, created, ""})

	result, err := s.client().Create(context.Background(), coffee(), "order-1001")

	if err != nil {
		t.Fatal(err)
	}
	if result.Md5 != "a1b2c3d4e5f67890a1b2c3d4e5f67890" {
		t.Errorf("md5 = %q", result.Md5)
	}
	if got := s.seen[0].header.Get("Authorization"); got != "Bearer bk_test_abc12345" {
		t.Errorf("Authorization = %q", got)
	}
	if got := s.seen[0].header.Get("Idempotency-Key"); got != "order-1001" {
		t.Errorf("Idempotency-Key = %q", got)
	}
	var sent map[string]interface{}
	_ = json.Unmarshal([]byte(s.seen[0].body), &sent)
	if sent["amount"] != 1.5 || sent["bakongId"] != "coffee@aclb" {
		t.Errorf("body = %s", s.seen[0].body)
	}
}

func TestA422IsAValidationErrorWithTheEnvelope(t *testing.T) {
	s := newScripted(t, answer{422, `{"success":false,"error":{"code":"validation_failed","message":"amount: must be greater than 0",` +
		`"details":[{"field":"amount","code":"invalid_value","message":"must be greater than 0"}]}}`, ""})

	_, err := s.client().Create(context.Background(), coffee(), "")

	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrValidation) {
		t.Fatalf("err = %v", err)
	}
	want := &Error{Status: 422, Code: "validation_failed", Message: "amount: must be greater than 0",
		Details: []Detail{{"amount", "invalid_value", "must be greater than 0"}}, RequestID: "req-1"}
	if !reflect.DeepEqual(e, want) {
		t.Errorf("got %+v, want %+v", e, want)
	}
	if s.seen[0].header.Get("Idempotency-Key") != "" {
		t.Error("an Idempotency-Key was sent without one asked for")
	}
}

func TestA401IsUnauthorized(t *testing.T) {
	s := newScripted(t, answer{401, `{"success":false,"error":{"code":"invalid_api_key","message":"Unknown key","details":[]}}`, ""})

	_, err := s.client().CheckMD5(context.Background(), "a1")

	if !errors.Is(err, ErrUnauthorized) || errors.Is(err, ErrValidation) {
		t.Fatalf("err = %v", err)
	}
}

func TestA429IsRetriedAfterRetryAfter(t *testing.T) {
	s := newScripted(t,
		answer{429, rateLimited, "2"},
		answer{429, rateLimited, fixedNow.Add(3 * time.Second).Format(http.TimeFormat)},
		answer{200, created, ""})

	result, err := s.client().Create(context.Background(), coffee(), "order-7")

	if err != nil || result.TransactionId != "3f1c0f0e-8a53-4a55-9a57-7e0e0f5b0c11" {
		t.Fatalf("result %+v, err %v", result, err)
	}
	if want := []time.Duration{2 * time.Second, 3 * time.Second}; !reflect.DeepEqual(s.waits, want) {
		t.Errorf("waits = %v, want %v", s.waits, want)
	}
	for i, r := range s.seen {
		if r.header.Get("Idempotency-Key") != "order-7" || r.body != s.seen[0].body {
			t.Errorf("request %d was not the same request: %v %s", i, r.header, r.body)
		}
	}
}

func TestRetriesAreBoundedThenThe429IsReturned(t *testing.T) {
	s := newScripted(t, answer{429, rateLimited, "1"}, answer{429, rateLimited, "1"}, answer{429, rateLimited, "1"},
		answer{429, rateLimited, "1"})

	_, err := s.client().CheckMD5(context.Background(), "a1")

	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrRateLimited) || e.RetryAfter != time.Second {
		t.Fatalf("err = %v", err)
	}
	if len(s.seen) != 3 {
		t.Errorf("%d requests, want the call and two retries", len(s.seen))
	}
}

func TestAWaitLongerThanAllowedIsReturnedAtOnce(t *testing.T) {
	s := newScripted(t, answer{429, rateLimited, "1800"})

	_, err := s.client().CheckMD5(context.Background(), "a1")

	var e *Error
	if !errors.As(err, &e) || e.Code != "rate_limit_exceeded" || e.RetryAfter != 30*time.Minute {
		t.Fatalf("err = %v", err)
	}
	if len(s.seen) != 1 || len(s.waits) != 0 {
		t.Errorf("%d requests, waits %v", len(s.seen), s.waits)
	}
}

func TestAnAnswerWithoutTheEnvelopeKeepsItsStatus(t *testing.T) {
	s := newScripted(t, answer{502, "<html>Bad gateway</html>", ""})

	_, err := s.client().CheckMD5(context.Background(), "a1")

	var e *Error
	if !errors.As(err, &e) || e.Status != 502 || e.Code != "http_502" {
		t.Fatalf("err = %v", err)
	}
}
