-- Leadership opportunities: strategic directions, opportunities with stage history and value
-- propositions, proposals to sponsors with every ask recorded, pilots with check-ins.
CREATE TABLE directions (
    id UUID PRIMARY KEY NOT NULL,
    title TEXT NOT NULL UNIQUE,
    aim TEXT NOT NULL DEFAULT '',
    horizon TEXT NOT NULL DEFAULT '',
    owner_id UUID REFERENCES people(id) ON DELETE SET NULL,
    skills TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'active',
    created_by UUID REFERENCES people(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE direction_roles (
    direction_id UUID NOT NULL REFERENCES directions(id) ON DELETE CASCADE,
    role_code TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (direction_id, role_code)
);

-- need_id points at a need discovered in a conversation (no foreign key: that table belongs to
-- the career-owner migration and may be absent on older databases).
CREATE TABLE opportunities (
    id UUID PRIMARY KEY NOT NULL,
    owner_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    stage TEXT NOT NULL DEFAULT 'spotted',
    need_id UUID,
    need_text TEXT NOT NULL DEFAULT '',
    direction_id UUID REFERENCES directions(id) ON DELETE SET NULL,
    audience TEXT NOT NULL DEFAULT 'private',
    whose_goal TEXT NOT NULL DEFAULT '',
    problem TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    measure TEXT NOT NULL DEFAULT '',
    factors TEXT NOT NULL DEFAULT '',
    skills TEXT NOT NULL DEFAULT '',
    pitch TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX opportunities_owner ON opportunities(owner_id, updated_at);
CREATE INDEX opportunities_direction ON opportunities(direction_id);

CREATE TABLE opportunity_moves (
    id UUID PRIMARY KEY NOT NULL,
    opportunity_id UUID NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    from_stage TEXT,
    to_stage TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    actor_id UUID REFERENCES people(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX opportunity_moves_opp ON opportunity_moves(opportunity_id, created_at);

CREATE TABLE proposals (
    id UUID PRIMARY KEY NOT NULL,
    opportunity_id UUID NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    owner_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    sponsor_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    time_share INTEGER NOT NULL,
    duration_weeks INTEGER NOT NULL,
    resources TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'awaiting',
    answer_reason TEXT NOT NULL DEFAULT '',
    answered_at TIMESTAMPTZ,
    last_asked_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX proposals_sponsor ON proposals(sponsor_id, status);
CREATE INDEX proposals_owner ON proposals(owner_id);
CREATE INDEX proposals_opp ON proposals(opportunity_id);

CREATE TABLE proposal_asks (
    id UUID PRIMARY KEY NOT NULL,
    proposal_id UUID NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX proposal_asks_proposal ON proposal_asks(proposal_id, created_at);

CREATE TABLE pilots (
    id UUID PRIMARY KEY NOT NULL,
    opportunity_id UUID NOT NULL UNIQUE REFERENCES opportunities(id) ON DELETE CASCADE,
    proposal_id UUID NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    owner_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    sponsor_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    responsibilities TEXT NOT NULL,
    time_share INTEGER NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    outcome TEXT,
    reflection TEXT NOT NULL DEFAULT '',
    role_code TEXT,
    ended_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX pilots_sponsor ON pilots(sponsor_id);

CREATE TABLE pilot_checkins (
    id UUID PRIMARY KEY NOT NULL,
    pilot_id UUID NOT NULL REFERENCES pilots(id) ON DELETE CASCADE,
    author_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    note TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX pilot_checkins_pilot ON pilot_checkins(pilot_id, created_at);
