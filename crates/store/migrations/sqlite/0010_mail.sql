-- The e-mail outbox: every message to send is a row first, with an idempotency key (one per
-- notification, per person and digest week, per invitation link), so a message is queued once
-- however often its cause is seen. The sender marks a row 'sending' (with a lease) before the
-- SMTP transaction and 'sent' or back to 'pending' (with the next attempt) after it; a row
-- still 'sending' after its lease is not sent again (see docs/architecture.md, E-mail).
CREATE TABLE mail_outbox (
    id BLOB PRIMARY KEY NOT NULL,
    idempotency_key TEXT NOT NULL,
    person_id BLOB REFERENCES people(id) ON DELETE SET NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    list_unsubscribe TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    locked_by TEXT,
    locked_until TEXT,
    answer TEXT NOT NULL DEFAULT '',
    sent_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX mail_outbox_key ON mail_outbox(idempotency_key);
CREATE INDEX mail_outbox_ready ON mail_outbox(state, next_attempt_at);

-- Server secrets made on first start (the key that signs unsubscribe links).
CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
