-- Leadership opportunities: strategic directions, opportunities with stage history and value
-- propositions, proposals to sponsors with every ask recorded, pilots with check-ins.
CREATE TABLE directions (
    id BLOB PRIMARY KEY NOT NULL,
    title TEXT NOT NULL UNIQUE,
    aim TEXT NOT NULL DEFAULT '',
    horizon TEXT NOT NULL DEFAULT '',
    owner_id BLOB REFERENCES people(id) ON DELETE SET NULL,
    skills TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'active',
    created_by BLOB REFERENCES people(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE direction_roles (
    direction_id BLOB NOT NULL REFERENCES directions(id) ON DELETE CASCADE,
    role_code TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (direction_id, role_code)
);

-- need_id points at a need discovered in a conversation (no foreign key: that table belongs to
-- the career-owner migration and may be absent on older databases).
CREATE TABLE opportunities (
    id BLOB PRIMARY KEY NOT NULL,
    owner_id BLOB NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    stage TEXT NOT NULL DEFAULT 'spotted',
    need_id BLOB,
    need_text TEXT NOT NULL DEFAULT '',
    direction_id BLOB REFERENCES directions(id) ON DELETE SET NULL,
    audience TEXT NOT NULL DEFAULT 'private',
    whose_goal TEXT NOT NULL DEFAULT '',
    problem TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    measure TEXT NOT NULL DEFAULT '',
    factors TEXT NOT NULL DEFAULT '',
    skills TEXT NOT NULL DEFAULT '',
    pitch TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX opportunities_owner ON opportunities(owner_id, updated_at);
CREATE INDEX opportunities_direction ON opportunities(direction_id);

CREATE TABLE opportunity_moves (
    id BLOB PRIMARY KEY NOT NULL,
    opportunity_id BLOB NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    from_stage TEXT,
    to_stage TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    actor_id BLOB REFERENCES people(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX opportunity_moves_opp ON opportunity_moves(opportunity_id, created_at);

CREATE TABLE proposals (
    id BLOB PRIMARY KEY NOT NULL,
    opportunity_id BLOB NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    owner_id BLOB NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    sponsor_id BLOB NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    time_share INTEGER NOT NULL,
    duration_weeks INTEGER NOT NULL,
    resources TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'awaiting',
    answer_reason TEXT NOT NULL DEFAULT '',
    answered_at TEXT,
    last_asked_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX proposals_sponsor ON proposals(sponsor_id, status);
CREATE INDEX proposals_owner ON proposals(owner_id);
CREATE INDEX proposals_opp ON proposals(opportunity_id);

CREATE TABLE proposal_asks (
    id BLOB PRIMARY KEY NOT NULL,
    proposal_id BLOB NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX proposal_asks_proposal ON proposal_asks(proposal_id, created_at);

CREATE TABLE pilots (
    id BLOB PRIMARY KEY NOT NULL,
    opportunity_id BLOB NOT NULL UNIQUE REFERENCES opportunities(id) ON DELETE CASCADE,
    proposal_id BLOB NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    owner_id BLOB NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    sponsor_id BLOB NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    responsibilities TEXT NOT NULL,
    time_share INTEGER NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    outcome TEXT,
    reflection TEXT NOT NULL DEFAULT '',
    role_code TEXT,
    ended_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX pilots_sponsor ON pilots(sponsor_id);

CREATE TABLE pilot_checkins (
    id BLOB PRIMARY KEY NOT NULL,
    pilot_id BLOB NOT NULL REFERENCES pilots(id) ON DELETE CASCADE,
    author_id BLOB NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX pilot_checkins_pilot ON pilot_checkins(pilot_id, created_at);
