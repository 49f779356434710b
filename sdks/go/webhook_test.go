package bakongpay

import (
	"encoding/json"
	"os"
	"testing"
	"time"
)

// The vectors every SDK shares, made by the server's Java signer (copied to testdata by the build).
func TestWebhookVectors(t *testing.T) {
	raw, err := os.ReadFile("testdata/webhook-signature-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var vectors struct {
		Now              int64 `json:"now"`
		ToleranceSeconds int64 `json:"tolerance_seconds"`
		Cases            []struct {
			Name     string `json:"name"`
			Header   string `json:"header"`
			Body     string `json:"body"`
			Secret   string `json:"secret"`
			Expected string `json:"expected"`
			Valid    bool   `json:"valid"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(raw, &vectors); err != nil {
		t.Fatal(err)
	}
	if len(vectors.Cases) == 0 {
		t.Fatal("no cases in the vectors file")
	}
	now := time.Unix(vectors.Now, 0)
	tolerance := time.Duration(vectors.ToleranceSeconds) * time.Second
	for _, c := range vectors.Cases {
		c := c
		t.Run(c.Name, func(t *testing.T) {
			if got := CheckWebhook(c.Secret, c.Header, []byte(c.Body), now, tolerance); string(got) != c.Expected {
				t.Errorf("CheckWebhook = %q, want %q", got, c.Expected)
			}
			if vectors.ToleranceSeconds == 300 && VerifyWebhook(c.Secret, c.Header, []byte(c.Body), now) != c.Valid {
				t.Errorf("VerifyWebhook != %v", c.Valid)
			}
		})
	}
}
