//go:build e2e

// Package e2e runs the client against a running sandbox (GoClientIT starts it and runs
// go test -tags e2e ./e2e): BAKONGPAY_URL, BAKONG_SIMULATOR_URL, BAKONGPAY_PRO_KEY and
// BAKONGPAY_FREE_KEY (3 calls an hour).
package e2e

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"bakongpay.dev/go/bakongpay"
	"bakongpay.dev/go/bakongpay/openapi"
)

func env(t *testing.T, name string) string {
	value := os.Getenv(name)
	if value == "" {
		t.Fatalf("%s is not set", name)
	}
	return value
}

func coffee(amount float64) openapi.CreateRequest {
	r := openapi.NewCreateRequest(amount, "Coffee Corner", "coffee@aclb")
	r.SetCurrency("USD")
	r.SetDescription("Order #1001")
	return *r
}

// pay pays the QR as a customer would, through the simulator's control API.
func pay(t *testing.T, qr string) {
	body, _ := json.Marshal(map[string]string{"qr": qr})
	resp, err := http.Post(env(t, "BAKONG_SIMULATOR_URL")+"/simulator/payments", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		answer, _ := io.ReadAll(resp.Body)
		t.Fatalf("simulator answered %d: %s", resp.StatusCode, answer)
	}
}

func TestPaymentFromCreateToLookup(t *testing.T) {
	ctx := context.Background()
	pro := bakongpay.New(env(t, "BAKONGPAY_URL"), env(t, "BAKONGPAY_PRO_KEY"))

	created, err := pro.Create(ctx, coffee(1.5), "order-1001")
	if err != nil {
		t.Fatal(err)
	}
	again, err := pro.Create(ctx, coffee(1.5), "order-1001")
	if err != nil || again.TransactionId != created.TransactionId {
		t.Fatalf("the same Idempotency-Key answered %v, %v", again, err)
	}
	if check, err := pro.CheckMD5(ctx, created.Md5); err != nil || check.Status != "PENDING" {
		t.Fatalf("before paying: %+v, %v", check, err)
	}

	pay(t, created.QrString)

	paid, err := pro.CheckMD5(ctx, created.Md5)
	if err != nil || paid.Status != "SUCCESS" || paid.Transaction == nil || paid.Transaction.Amount != 1.5 {
		t.Fatalf("after paying: %+v, %v", paid, err)
	}
	for by, query := range map[string]string{
		bakongpay.ByTransactionID: created.TransactionId,
		bakongpay.ByMD5:           created.Md5,
		bakongpay.ByHash:          paid.Transaction.Hash,
	} {
		found, err := pro.Lookup(ctx, by, query)
		if err != nil || found.TransactionId != created.TransactionId || found.Status != "SUCCESS" || found.GetDescription() != "Order #1001" {
			t.Errorf("by %s: %+v, %v", by, found, err)
		}
	}

	pending, err := pro.Create(ctx, coffee(2), "")
	if err != nil {
		t.Fatal(err)
	}
	bulk, err := pro.CheckBulk(ctx, []string{created.Md5, pending.Md5})
	if err != nil || bulk.Total != 2 || bulk.Results[created.Md5].Status != "SUCCESS" || bulk.Results[pending.Md5].Status != "PENDING" {
		t.Fatalf("bulk: %+v, %v", bulk, err)
	}
}

func TestRendersPNGAndSVG(t *testing.T) {
	ctx := context.Background()
	pro := bakongpay.New(env(t, "BAKONGPAY_URL"), env(t, "BAKONGPAY_PRO_KEY"))
	created, err := pro.Create(ctx, coffee(3), "")
	if err != nil {
		t.Fatal(err)
	}

	request := openapi.NewQrGenerateRequest(created.QrString)
	request.SetSize(200)
	request.SetFormat("png")
	png, err := pro.GenerateQR(ctx, *request)
	if err != nil || png.MimeType != "image/png" {
		t.Fatalf("png: %+v, %v", png, err)
	}
	image, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(png.QrImage, "data:image/png;base64,"))
	if err != nil || !bytes.HasPrefix(image, []byte("\x89PNG")) {
		t.Errorf("not a PNG: %.40q, %v", png.QrImage, err)
	}
	request.SetFormat("svg")
	svg, err := pro.GenerateQR(ctx, *request)
	if err != nil || svg.MimeType != "image/svg+xml" || !strings.HasPrefix(svg.QrImage, "data:image/svg+xml") {
		t.Fatalf("svg: %+v, %v", svg, err)
	}
}

func TestErrorsAreTyped(t *testing.T) {
	ctx := context.Background()
	baseURL := env(t, "BAKONGPAY_URL")

	_, err := bakongpay.New(baseURL, env(t, "BAKONGPAY_PRO_KEY")).Create(ctx, coffee(0), "")
	var invalid *bakongpay.Error
	if !errors.Is(err, bakongpay.ErrValidation) || !errors.As(err, &invalid) || invalid.RequestID == "" ||
		len(invalid.Details) == 0 || invalid.Details[0].Field != "amount" {
		t.Errorf("422: %v", err)
	}

	_, err = bakongpay.New(baseURL, "bk_test_not_a_key_000").Create(ctx, coffee(1), "")
	var refused *bakongpay.Error
	if !errors.Is(err, bakongpay.ErrUnauthorized) || !errors.As(err, &refused) || refused.Code != "invalid_api_key" {
		t.Errorf("401: %v", err)
	}

	// the FREE key's allowance is 3 an hour: its Retry-After is longer than the client waits by itself
	free := bakongpay.New(baseURL, env(t, "BAKONGPAY_FREE_KEY"))
	for i := 0; i < 10; i++ {
		if _, err = free.Create(ctx, coffee(1), ""); err != nil {
			break
		}
	}
	var limited *bakongpay.Error
	if !errors.Is(err, bakongpay.ErrRateLimited) || !errors.As(err, &limited) || limited.Code != "rate_limit_exceeded" || limited.RetryAfter <= 0 {
		t.Errorf("429: %v", err)
	}
}
