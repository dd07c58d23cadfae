-- The role an open-role placement fills, so accepting someone records an observed move.
CREATE TABLE placement_roles (
    placement_id BLOB PRIMARY KEY NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
    role_code TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
