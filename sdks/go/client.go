// Package bakongpay is a client of the BakongPay API (Bakong KHQR payments): the client generated
// from the API's OpenAPI document (package openapi) with the API key, an Idempotency-Key option,
// typed errors and retries of 429 answers on top, and a webhook signature verifier.
package bakongpay

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"bakongpay.dev/go/bakongpay/openapi"
)

// Lookup keys for Client.Lookup.
const (
	ByTransactionID = "transactionId"
	ByMD5           = "md5"
	ByHash          = "hash"
)

// Client calls one BakongPay server with one API key. Safe for concurrent use.
type Client struct {
	api *openapi.APIClient
	now func() time.Time
}

type settings struct {
	httpClient   *http.Client
	maxRetries   int
	maxRetryWait time.Duration
	sleep        func(context.Context, time.Duration) error
	now          func() time.Time
}

// Option changes a setting of New.
type Option func(*settings)

// WithMaxRetries sets how many times a 429 is retried after its Retry-After (default 2; 0 turns retries off).
func WithMaxRetries(n int) Option { return func(s *settings) { s.maxRetries = n } }

// WithMaxRetryWait sets the longest Retry-After the client waits out by itself (default 10 s); a longer one is returned.
func WithMaxRetryWait(d time.Duration) Option { return func(s *settings) { s.maxRetryWait = d } }

// WithHTTPClient sets the http.Client to send with (timeouts, proxy, TLS); its Transport is wrapped for retries.
func WithHTTPClient(c *http.Client) Option { return func(s *settings) { s.httpClient = c } }

// New makes a client of the server at baseURL (e.g. http://127.0.0.1:8080, without /api/v1)
// that calls with apiKey (bk_test_… or bk_live_…).
func New(baseURL, apiKey string, options ...Option) *Client {
	s := settings{
		httpClient:   &http.Client{Timeout: 30 * time.Second},
		maxRetries:   2,
		maxRetryWait: 10 * time.Second,
		sleep:        sleepContext,
		now:          time.Now,
	}
	for _, o := range options {
		o(&s)
	}
	httpClient := *s.httpClient
	httpClient.Transport = &retryTransport{next: transportOf(s.httpClient), settings: s}
	cfg := openapi.NewConfiguration()
	cfg.Servers = openapi.ServerConfigurations{{URL: strings.TrimRight(baseURL, "/") + "/api/v1"}}
	cfg.AddDefaultHeader("Authorization", "Bearer "+apiKey)
	cfg.HTTPClient = &httpClient
	cfg.UserAgent = "bakongpay-go"
	return &Client{api: openapi.NewAPIClient(cfg), now: s.now}
}

// API is the generated client underneath (same key and retries; its errors are not converted).
func (c *Client) API() *openapi.APIClient { return c.api }

// Create makes a KHQR payment, stored PENDING. With a non-empty idempotencyKey, the same key and body
// again answer the first payment instead of making a second one (another body: a 409 Error).
func (c *Client) Create(ctx context.Context, request openapi.CreateRequest, idempotencyKey string) (*openapi.CreateResult, error) {
	call := c.api.PaymentsAPI.CreateKhqr(ctx).CreateRequest(request)
	if idempotencyKey != "" {
		call = call.IdempotencyKey(idempotencyKey)
	}
	answer, resp, err := call.Execute()
	if err != nil {
		return nil, c.typed(resp, err)
	}
	return &answer.Data, nil
}

// CheckMD5 answers the payment's status (PENDING, SUCCESS, FAILED, EXPIRED), asking Bakong while it is pending.
func (c *Client) CheckMD5(ctx context.Context, md5 string) (*openapi.CheckResult, error) {
	answer, resp, err := c.api.PaymentsAPI.CheckMd5(ctx).Md5Request(*openapi.NewMd5Request(md5)).Execute()
	if err != nil {
		return nil, c.typed(resp, err)
	}
	return &answer.Data, nil
}

// CheckBulk answers up to 50 statuses in one call (PRO and ENTERPRISE plans; else a 403 plan_upgrade_required).
func (c *Client) CheckBulk(ctx context.Context, md5s []string) (*openapi.BulkResult, error) {
	answer, resp, err := c.api.PaymentsAPI.CheckBulk(ctx).BulkRequest(*openapi.NewBulkRequest(md5s)).Execute()
	if err != nil {
		return nil, c.typed(resp, err)
	}
	return &answer.Data, nil
}

// Lookup finds the stored transaction by ByTransactionID, ByMD5 or ByHash (Bakong's payment hash).
func (c *Client) Lookup(ctx context.Context, by, query string) (*openapi.Transaction, error) {
	request := openapi.NewLookupRequest(query)
	request.SetType(by)
	answer, resp, err := c.api.PaymentsAPI.LookupTransaction(ctx).LookupRequest(*request).Execute()
	if err != nil {
		return nil, c.typed(resp, err)
	}
	return &answer.Data, nil
}

// GenerateQR renders any valid KHQR as PNG or SVG, a data URL in QrImage.
func (c *Client) GenerateQR(ctx context.Context, request openapi.QrGenerateRequest) (*openapi.QrGenerateResult, error) {
	answer, resp, err := c.api.QRAPI.GenerateQr(ctx).QrGenerateRequest(request).Execute()
	if err != nil {
		return nil, c.typed(resp, err)
	}
	return &answer.Data, nil
}

// typed turns an error answer into *Error; transport errors are returned as they are.
func (c *Client) typed(resp *http.Response, err error) error {
	var generated *openapi.GenericOpenAPIError
	if resp == nil || resp.StatusCode < 300 || !errors.As(err, &generated) {
		return err
	}
	return errorFrom(resp, generated.Body(), c.now())
}

// retryTransport sends a request again after a 429's Retry-After, within the settings' bounds.
type retryTransport struct {
	next     http.RoundTripper
	settings settings
}

func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := t.next.RoundTrip(req)
		if err != nil || resp.StatusCode != http.StatusTooManyRequests || attempt >= t.settings.maxRetries {
			return resp, err
		}
		wait, ok := retryAfter(resp.Header.Get("Retry-After"), t.settings.now())
		if !ok {
			wait = time.Second
		}
		if wait > t.settings.maxRetryWait || (req.Body != nil && req.GetBody == nil) {
			return resp, nil // longer than allowed, or a body that cannot be sent again: the caller decides
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err := t.settings.sleep(req.Context(), wait); err != nil {
			return nil, err
		}
		if req, err = again(req); err != nil {
			return nil, err
		}
	}
}

// again is the request with a fresh copy of its body.
func again(req *http.Request) (*http.Request, error) {
	next := req.Clone(req.Context())
	if req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			return nil, err
		}
		next.Body = body
	}
	return next, nil
}

func transportOf(c *http.Client) http.RoundTripper {
	if c.Transport != nil {
		return c.Transport
	}
	return http.DefaultTransport
}

func sleepContext(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
