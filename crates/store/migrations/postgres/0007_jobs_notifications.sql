-- The job queue: work run by the worker pool in `serve` (or once from the command line), with
-- retries and a dead-letter state; scheduled runs carry an idempotency key of name and slot,
-- so several servers on one database enqueue (and so run) each slot once.
CREATE TABLE jobs (
    id UUID PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    state TEXT NOT NULL DEFAULT 'queued',
    run_at TIMESTAMPTZ NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL DEFAULT 5,
    locked_until TIMESTAMPTZ,
    locked_by TEXT,
    target TEXT,
    last_error TEXT NOT NULL DEFAULT '',
    idempotency_key TEXT,
    finished_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX jobs_idempotency ON jobs(idempotency_key);
CREATE INDEX jobs_ready ON jobs(state, run_at);
CREATE INDEX jobs_recent ON jobs(created_at);

-- Notifications in the product: one per person, kind and thing per day at most.
CREATE TABLE notifications (
    id UUID PRIMARY KEY NOT NULL,
    person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    link_kind TEXT NOT NULL,
    link_id TEXT NOT NULL DEFAULT '',
    dedupe_key TEXT NOT NULL,
    read_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX notifications_dedupe ON notifications(person_id, dedupe_key);
CREATE INDEX notifications_person ON notifications(person_id, created_at);

-- Each person's choice per kind of notification; no row means the kind's default.
CREATE TABLE notification_preferences (
    person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, kind)
);
