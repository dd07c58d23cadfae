-- Data rights: each person's data exports (the zip is kept in the database for a limited
-- time, so every server sharing the database can hand it out and the purge job removes it
-- with one statement), and when a person was erased.
CREATE TABLE data_exports (
    id UUID PRIMARY KEY NOT NULL,
    person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    state TEXT NOT NULL DEFAULT 'queued',
    files_done INTEGER NOT NULL DEFAULT 0,
    files_total INTEGER NOT NULL DEFAULT 0,
    error TEXT NOT NULL DEFAULT '',
    archive BYTEA,
    size_bytes BIGINT NOT NULL DEFAULT 0,
    finished_at TIMESTAMPTZ,
    expires_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX data_exports_person ON data_exports(person_id, created_at);
CREATE INDEX data_exports_expires ON data_exports(expires_at);

ALTER TABLE people ADD COLUMN erased_at TIMESTAMPTZ;
