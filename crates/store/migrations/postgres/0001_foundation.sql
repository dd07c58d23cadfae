-- Foundation: organisation, accounts, sessions, tokens, audit, search.
CREATE TABLE teams (
    id UUID PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    path TEXT NOT NULL UNIQUE,
    parent_id UUID REFERENCES teams(id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX teams_parent ON teams(parent_id);

CREATE TABLE people (
    id UUID PRIMARY KEY NOT NULL,
    employee_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    job_title TEXT NOT NULL DEFAULT '',
    role_code TEXT,
    team_id UUID REFERENCES teams(id),
    manager_id UUID REFERENCES people(id),
    role_start_date DATE,
    location TEXT NOT NULL DEFAULT '',
    active BOOLEAN NOT NULL DEFAULT TRUE,
    password_hash TEXT,
    is_talent_admin BOOLEAN NOT NULL DEFAULT FALSE,
    is_facilitator BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX people_manager ON people(manager_id);
CREATE INDEX people_team ON people(team_id);
CREATE INDEX people_name ON people(name);

CREATE TABLE role_history (
    id UUID PRIMARY KEY NOT NULL,
    person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role_code TEXT,
    job_title TEXT NOT NULL DEFAULT '',
    started_on DATE,
    ended_on DATE,
    source TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX role_history_person ON role_history(person_id);

CREATE TABLE org_roles (
    code TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    created_by UUID REFERENCES people(id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE org_role_skills (
    role_code TEXT NOT NULL REFERENCES org_roles(code) ON DELETE CASCADE,
    skill_id TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (role_code, skill_id)
);

CREATE TABLE org_skills (
    id TEXT PRIMARY KEY NOT NULL,
    label TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    created_by UUID REFERENCES people(id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE person_skills (
    person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    skill_id TEXT NOT NULL,
    level INTEGER NOT NULL,
    want_to_grow BOOLEAN NOT NULL DEFAULT FALSE,
    evidence TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, skill_id)
);

CREATE TABLE visibility (
    person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    audience TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, section)
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY NOT NULL,
    secret_hash TEXT NOT NULL,
    person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_person ON sessions(person_id);

CREATE TABLE api_tokens (
    id UUID PRIMARY KEY NOT NULL,
    person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    last_used_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX api_tokens_person ON api_tokens(person_id);

CREATE TABLE invites (
    id UUID PRIMARY KEY NOT NULL,
    person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ,
    created_by UUID REFERENCES people(id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE audit_log (
    id UUID PRIMARY KEY NOT NULL,
    actor_id UUID,
    action TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    ip TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_log_created ON audit_log(created_at);

CREATE TABLE import_runs (
    id UUID PRIMARY KEY NOT NULL,
    actor_id UUID,
    source TEXT NOT NULL,
    created_count INTEGER NOT NULL,
    updated_count INTEGER NOT NULL,
    unchanged_count INTEGER NOT NULL,
    deactivated_count INTEGER NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Directory search: one document per person, indexed as a tsvector.
CREATE TABLE search_docs (
    seq BIGSERIAL PRIMARY KEY,
    person_id UUID NOT NULL UNIQUE REFERENCES people(id) ON DELETE CASCADE,
    doc TEXT NOT NULL,
    tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', doc)) STORED
);
CREATE INDEX search_docs_tsv ON search_docs USING GIN (tsv);

CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
