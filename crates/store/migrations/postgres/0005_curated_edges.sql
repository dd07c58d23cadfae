-- Moves between two roles curated by talent admins: added (pinned), hidden, or annotated with a
-- note shown to people. Role codes are catalogue (O*NET-SOC) or organisation (ORG-…) codes; no
-- foreign key, as catalogue roles live in the bundled data, not in the database.
CREATE TABLE curated_edges (
    id UUID PRIMARY KEY NOT NULL,
    from_code TEXT NOT NULL,
    to_code TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('add', 'remove', 'annotate')),
    kind TEXT CHECK (kind IS NULL OR kind IN ('up', 'sideways', 'across')),
    note TEXT NOT NULL DEFAULT '',
    created_by UUID REFERENCES people(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT curated_edges_pair_key UNIQUE (from_code, to_code),
    CHECK (from_code <> to_code)
);
