-- Career owner: the compass (four factors, values, aspirations, target roles, history),
-- internal customers, discovery conversations, needs discovered and follow-ups.
-- Skills stay in person_skills (from 0001); their changes are kept in compass_changes.

CREATE TABLE compasses (
    person_id UUID PRIMARY KEY NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    ranking TEXT NOT NULL DEFAULT '',
    met_status TEXT NOT NULL DEFAULT '',
    met_autonomy TEXT NOT NULL DEFAULT '',
    met_meaning TEXT NOT NULL DEFAULT '',
    met_learning TEXT NOT NULL DEFAULT '',
    interests TEXT NOT NULL DEFAULT '',
    aspirations TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE compass_values (
    id UUID PRIMARY KEY NOT NULL,
    person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    label_key TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (person_id, label_key)
);

CREATE TABLE compass_target_roles (
    person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role_code TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, role_code)
);

CREATE TABLE compass_changes (
    id UUID PRIMARY KEY NOT NULL,
    person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    value TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX compass_changes_person ON compass_changes(person_id, created_at);

CREATE TABLE customers (
    id UUID PRIMARY KEY NOT NULL,
    owner_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    person_id UUID REFERENCES people(id) ON DELETE SET NULL,
    team_id UUID REFERENCES teams(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    relationship TEXT NOT NULL,
    goals TEXT NOT NULL DEFAULT '',
    obstacles TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    strength INTEGER NOT NULL,
    last_contact DATE,
    next_contact DATE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX customers_owner_person ON customers(owner_id, person_id);
CREATE UNIQUE INDEX customers_owner_team ON customers(owner_id, team_id);
CREATE INDEX customers_owner_next ON customers(owner_id, next_contact);

CREATE TABLE conversations (
    id UUID PRIMARY KEY NOT NULL,
    owner_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    held_on DATE NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    learned TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX conversations_owner ON conversations(owner_id, held_on);

CREATE TABLE conversation_customers (
    conversation_id UUID NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    customer_id UUID NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (conversation_id, customer_id)
);
CREATE INDEX conversation_customers_customer ON conversation_customers(customer_id);

CREATE TABLE conversation_questions (
    id UUID PRIMARY KEY NOT NULL,
    conversation_id UUID NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    bank_id TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX conversation_questions_conversation ON conversation_questions(conversation_id, position);

-- A need discovered; opportunity_id links it to an opportunity once those exist.
CREATE TABLE needs (
    id UUID PRIMARY KEY NOT NULL,
    owner_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    conversation_id UUID NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    customer_id UUID REFERENCES customers(id) ON DELETE SET NULL,
    need TEXT NOT NULL,
    evidence TEXT NOT NULL DEFAULT '',
    opportunity_id UUID,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX needs_owner ON needs(owner_id, created_at);
CREATE INDEX needs_customer ON needs(customer_id);

CREATE TABLE follow_ups (
    id UUID PRIMARY KEY NOT NULL,
    owner_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    conversation_id UUID NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    customer_id UUID REFERENCES customers(id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    due_on DATE NOT NULL,
    done_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX follow_ups_owner_due ON follow_ups(owner_id, due_on);
