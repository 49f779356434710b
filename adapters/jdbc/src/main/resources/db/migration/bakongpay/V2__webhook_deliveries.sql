-- BakongPay schema, version 2: the webhook outbox. Runs unchanged on PostgreSQL (12+) and H2 (2.x).

-- One row per payment event to deliver to the shop. The primary key is the event id
-- (<transactionId>:<status>), so recording one status change twice (two nodes, a retry, the
-- sweep) stores one row. Claims are leases (lease_owner, lease_until), taken with
-- FOR UPDATE SKIP LOCKED on PostgreSQL and with per-row conditional UPDATEs elsewhere.
CREATE TABLE bakongpay_webhook_delivery (
    event_id        VARCHAR(128)             NOT NULL,
    transaction_id  UUID                     NOT NULL,
    merchant_id     VARCHAR(128)             NOT NULL,
    event_type      VARCHAR(64)              NOT NULL,
    payload         VARCHAR(1000000)         NOT NULL, -- the JSON body, fixed when recorded
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL, -- when the status changed
    state           VARCHAR(16)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(512),
    lease_owner     VARCHAR(128),
    lease_until     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT bakongpay_webhook_delivery_pk PRIMARY KEY (event_id),
    CONSTRAINT bakongpay_webhook_delivery_state_ck CHECK (state IN ('PENDING', 'DELIVERED', 'DEAD'))
);
-- the claim scan (due pending rows) and the lookup by transaction
CREATE INDEX bakongpay_webhook_delivery_due_ix ON bakongpay_webhook_delivery (state, next_attempt_at);
CREATE INDEX bakongpay_webhook_delivery_tx_ix ON bakongpay_webhook_delivery (transaction_id, created_at);

-- the webhook sweep lists final transactions by the time of their last change
CREATE INDEX bakongpay_transaction_updated_ix ON bakongpay_transaction (updated_at);
