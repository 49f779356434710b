module bakongpay.dev/go/bakongpay

go 1.19
