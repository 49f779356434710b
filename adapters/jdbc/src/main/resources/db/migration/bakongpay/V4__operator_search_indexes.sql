-- BakongPay schema, version 4: indexes for the operator console. Runs unchanged on PostgreSQL (12+) and H2 (2.x).
-- (Version 3 is left to the API-key management migration developed at the same time.)

-- payments newest first, alone or by status; by merchant uses bakongpay_transaction_merchant_ix,
-- by md5 and by id their unique keys; the per-minute counts read a window of created_at
CREATE INDEX bakongpay_transaction_created_ix ON bakongpay_transaction (created_at, id);
CREATE INDEX bakongpay_transaction_status_created_ix ON bakongpay_transaction (status, created_at, id);

-- webhook deliveries newest first, alone or by state
CREATE INDEX bakongpay_webhook_delivery_created_ix ON bakongpay_webhook_delivery (created_at, event_id);
CREATE INDEX bakongpay_webhook_delivery_state_created_ix ON bakongpay_webhook_delivery (state, created_at, event_id);
