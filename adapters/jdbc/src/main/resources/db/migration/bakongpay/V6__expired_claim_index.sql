-- BakongPay schema, version 6: the reconciliation claim's read of EXPIRED rows (issue 19). Runs
-- unchanged on PostgreSQL (12+) and H2 (2.x). An EXPIRED transaction is looked at again only while
-- its expiry lies within the lookback; along the claim index (status, claim_until, created_at) that
-- read passed every EXPIRED row a reconciler ever leased, nearly all of them, every claim. This
-- index starts it at the lookback's beginning, so it reads only the recently expired.
CREATE INDEX bakongpay_transaction_expired_ix ON bakongpay_transaction (status, expires_at);
