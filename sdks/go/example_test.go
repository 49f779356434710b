package bakongpay_test

import (
	"context"
	"errors"
	"fmt"
	"os"

	"bakongpay.dev/go/bakongpay"
	"bakongpay.dev/go/bakongpay/openapi"
)

// The README's example, compiled by every build (not run: it needs a server).
func Example() {
	ctx := context.Background()
	bakong := bakongpay.New("http://127.0.0.1:8080", os.Getenv("BAKONGPAY_API_KEY"))
	order := openapi.NewCreateRequest(1.50, "Coffee Corner", "coffee@aclb")
	order.SetCurrency("USD")
	order.SetDescription("Order #1001")
	created, err := bakong.Create(ctx, *order, "order-1001") // the idempotency key; "" for none
	if err != nil {
		return
	}
	// show created.QrImage (a PNG data URL), or send the customer to created.CheckoutUrl
	check, err := bakong.CheckMD5(ctx, created.Md5) // check.Status: PENDING … SUCCESS, FAILED, EXPIRED
	tx, err := bakong.Lookup(ctx, bakongpay.ByMD5, created.Md5) // or ByTransactionID, ByHash
	var apiErr *bakongpay.Error
	if errors.Is(err, bakongpay.ErrValidation) && errors.As(err, &apiErr) {
		fmt.Println(apiErr.Details)
	}
	_, _ = check, tx
}
