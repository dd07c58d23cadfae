-- The change log of the matching index: one row per change to a placement or a person's
-- matching data, so every server process on the same database re-reads just what changed.
-- Old rows are pruned; a process starting up reads the last seq and builds from the tables.
CREATE TABLE index_changes (
    seq BIGSERIAL PRIMARY KEY,
    entity_kind TEXT NOT NULL,
    entity_id UUID NOT NULL,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX index_changes_at ON index_changes (at);
