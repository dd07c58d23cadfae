-- Placements the organisation posts (projects, gigs, shadowing, rotations, secondments,
-- internships, mentoring, coaching, training, volunteering, stretch assignments, open roles),
-- their skills and directions, a search document each, expressions of interest, "not for me"
-- feedback, each person's marketplace profile and the placements they took part in.
CREATE TABLE placements (
    id UUID PRIMARY KEY NOT NULL,
    owner_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    offers_status TEXT NOT NULL DEFAULT 'neutral',
    offers_autonomy TEXT NOT NULL DEFAULT 'neutral',
    offers_meaning TEXT NOT NULL DEFAULT 'neutral',
    offers_learning TEXT NOT NULL DEFAULT 'neutral',
    hours_per_week INTEGER NOT NULL,
    duration_weeks INTEGER NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    work_mode TEXT NOT NULL DEFAULT 'onsite',
    places INTEGER NOT NULL DEFAULT 1,
    closes_on DATE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX placements_status ON placements(status, created_at);
CREATE INDEX placements_owner ON placements(owner_id);
CREATE INDEX placements_kind ON placements(kind, status);

CREATE TABLE placement_skills (
    placement_id UUID NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
    skill_use TEXT NOT NULL,
    skill_id TEXT NOT NULL,
    level INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (placement_id, skill_use, skill_id)
);
CREATE INDEX placement_skills_skill ON placement_skills(skill_id);

CREATE TABLE placement_directions (
    placement_id UUID NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
    direction_id UUID NOT NULL REFERENCES directions(id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (placement_id, direction_id)
);
CREATE INDEX placement_directions_direction ON placement_directions(direction_id);

-- Full-text search over one document per placement (title, description, type, location,
-- skills), indexed as a tsvector.
CREATE TABLE placement_docs (
    seq BIGSERIAL PRIMARY KEY,
    placement_id UUID NOT NULL UNIQUE REFERENCES placements(id) ON DELETE CASCADE,
    doc TEXT NOT NULL,
    tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', doc)) STORED
);
CREATE INDEX placement_docs_tsv ON placement_docs USING GIN (tsv);

CREATE TABLE placement_interests (
    id UUID PRIMARY KEY NOT NULL,
    placement_id UUID NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
    person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    note TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    reason TEXT NOT NULL DEFAULT '',
    confidential BOOLEAN NOT NULL DEFAULT FALSE,
    decided_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (placement_id, person_id)
);
CREATE INDEX placement_interests_person ON placement_interests(person_id, created_at);

CREATE TABLE placement_not_for_me (
    person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    placement_id UUID NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, placement_id)
);

CREATE TABLE placement_profiles (
    person_id UUID PRIMARY KEY NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    discoverable BOOLEAN NOT NULL DEFAULT FALSE,
    hours_available INTEGER,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE placement_history (
    id UUID PRIMARY KEY NOT NULL,
    person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    placement_id UUID REFERENCES placements(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    accepted_on DATE NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX placement_history_person ON placement_history(person_id, accepted_on);
