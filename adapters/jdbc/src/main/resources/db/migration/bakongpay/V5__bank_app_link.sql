-- BakongPay schema, version 5: the bank-app short link of a transaction (issue 20). Runs unchanged
-- on PostgreSQL (12+) and H2 (2.x). Asked from NBC on the first use of the transaction's deepLink,
-- then kept so that later uses redirect at once; NULL until then.
ALTER TABLE bakongpay_transaction ADD COLUMN bank_app_link VARCHAR(2048);
