-- BakongPay schema, version 1. Runs unchanged on PostgreSQL (12+) and H2 (2.x, any mode).
-- BakongPay applies it with Flyway (history table: bakongpay_schema_history) unless the host
-- turns migration off; a shop may run this file with its own tooling instead.
-- Tables are created in the connection's current schema.

-- One row per KHQR payment request. Status changes are single conditional UPDATEs
-- (... WHERE id = ? AND status = ?), so concurrent checks cannot both win.
CREATE TABLE bakongpay_transaction (
    id                  UUID                     NOT NULL,
    merchant_id         VARCHAR(128)             NOT NULL,
    mode                VARCHAR(8)               NOT NULL,
    md5                 VARCHAR(32)              NOT NULL,
    qr_string           VARCHAR(2048)            NOT NULL,
    amount              NUMERIC(24, 6)           NOT NULL,
    amount_scale        SMALLINT                 NOT NULL, -- scale as given (25.00 stays 25.00)
    currency            VARCHAR(3)               NOT NULL,
    bakong_id           VARCHAR(128)             NOT NULL,
    merchant_name       VARCHAR(128)             NOT NULL,
    description         VARCHAR(512),
    status              VARCHAR(16)              NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the upstream (Bakong) payment, set by a transition to SUCCESS or FAILED
    pay_hash            VARCHAR(64),
    pay_from_account    VARCHAR(128),
    pay_to_account      VARCHAR(128),
    pay_amount          NUMERIC(24, 6),
    pay_amount_scale    SMALLINT,
    pay_currency        VARCHAR(3),
    pay_acknowledged_at TIMESTAMP WITH TIME ZONE,
    pay_external_ref    VARCHAR(128),
    pay_instruction_ref VARCHAR(128),
    status_reason       VARCHAR(512),
    late                BOOLEAN                  NOT NULL,
    attributes          VARCHAR(100000)          NOT NULL, -- flat JSON object of strings
    -- reconciliation lease: which node holds the row until when
    claim_owner         VARCHAR(128),
    claim_until         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT bakongpay_transaction_pk PRIMARY KEY (id),
    CONSTRAINT bakongpay_transaction_md5_uq UNIQUE (md5),
    CONSTRAINT bakongpay_transaction_status_ck CHECK (status IN ('PENDING', 'SUCCESS', 'FAILED', 'EXPIRED')),
    CONSTRAINT bakongpay_transaction_mode_ck CHECK (mode IN ('TEST', 'LIVE'))
);
-- lookups: by id (primary key), by md5 (unique), by upstream hash, a merchant's history,
-- and the reconciliation scan (status, lease end, age)
CREATE INDEX bakongpay_transaction_pay_hash_ix ON bakongpay_transaction (pay_hash);
CREATE INDEX bakongpay_transaction_merchant_ix ON bakongpay_transaction (merchant_id, created_at);
CREATE INDEX bakongpay_transaction_claim_ix ON bakongpay_transaction (status, claim_until, created_at);

-- Idempotency-Key records; a row without status_code is a reservation still in progress.
CREATE TABLE bakongpay_idempotency_key (
    merchant_id         VARCHAR(128)             NOT NULL,
    idem_key            VARCHAR(255)             NOT NULL,
    request_fingerprint VARCHAR(128)             NOT NULL,
    status_code         INTEGER,
    response_body       VARCHAR(1000000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT bakongpay_idempotency_key_pk PRIMARY KEY (merchant_id, idem_key)
);
CREATE INDEX bakongpay_idempotency_key_created_ix ON bakongpay_idempotency_key (created_at);

-- API keys, only as SHA-256 hex of the key.
CREATE TABLE bakongpay_api_key (
    key_hash     VARCHAR(64)              NOT NULL,
    merchant_id  VARCHAR(128)             NOT NULL,
    plan         VARCHAR(16)              NOT NULL,
    mode         VARCHAR(8)               NOT NULL,
    active       BOOLEAN                  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT bakongpay_api_key_pk PRIMARY KEY (key_hash)
);
CREATE INDEX bakongpay_api_key_merchant_ix ON bakongpay_api_key (merchant_id);
