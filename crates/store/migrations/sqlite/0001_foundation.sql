-- Foundation: organisation, accounts, sessions, tokens, audit, search.
CREATE TABLE teams (
    id BLOB PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    path TEXT NOT NULL UNIQUE,
    parent_id BLOB REFERENCES teams(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX teams_parent ON teams(parent_id);

CREATE TABLE people (
    id BLOB PRIMARY KEY NOT NULL,
    employee_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    job_title TEXT NOT NULL DEFAULT '',
    role_code TEXT,
    team_id BLOB REFERENCES teams(id),
    manager_id BLOB REFERENCES people(id),
    role_start_date TEXT,
    location TEXT NOT NULL DEFAULT '',
    active BOOLEAN NOT NULL DEFAULT TRUE,
    password_hash TEXT,
    is_talent_admin BOOLEAN NOT NULL DEFAULT FALSE,
    is_facilitator BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX people_manager ON people(manager_id);
CREATE INDEX people_team ON people(team_id);
CREATE INDEX people_name ON people(name);

CREATE TABLE role_history (
    id BLOB PRIMARY KEY NOT NULL,
    person_id BLOB NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role_code TEXT,
    job_title TEXT NOT NULL DEFAULT '',
    started_on TEXT,
    ended_on TEXT,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX role_history_person ON role_history(person_id);

CREATE TABLE org_roles (
    code TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    created_by BLOB REFERENCES people(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE org_role_skills (
    role_code TEXT NOT NULL REFERENCES org_roles(code) ON DELETE CASCADE,
    skill_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (role_code, skill_id)
);

CREATE TABLE org_skills (
    id TEXT PRIMARY KEY NOT NULL,
    label TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    created_by BLOB REFERENCES people(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE person_skills (
    person_id BLOB NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    skill_id TEXT NOT NULL,
    level INTEGER NOT NULL,
    want_to_grow BOOLEAN NOT NULL DEFAULT FALSE,
    evidence TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (person_id, skill_id)
);

CREATE TABLE visibility (
    person_id BLOB NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    audience TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (person_id, section)
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY NOT NULL,
    secret_hash TEXT NOT NULL,
    person_id BLOB NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX sessions_person ON sessions(person_id);

CREATE TABLE api_tokens (
    id BLOB PRIMARY KEY NOT NULL,
    person_id BLOB NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    last_used_at TEXT,
    revoked_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX api_tokens_person ON api_tokens(person_id);

CREATE TABLE invites (
    id BLOB PRIMARY KEY NOT NULL,
    person_id BLOB NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    created_by BLOB REFERENCES people(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL,
    window_start TEXT NOT NULL,
    locked_until TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE audit_log (
    id BLOB PRIMARY KEY NOT NULL,
    actor_id BLOB,
    action TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    ip TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX audit_log_created ON audit_log(created_at);

CREATE TABLE import_runs (
    id BLOB PRIMARY KEY NOT NULL,
    actor_id BLOB,
    source TEXT NOT NULL,
    created_count INTEGER NOT NULL,
    updated_count INTEGER NOT NULL,
    unchanged_count INTEGER NOT NULL,
    deactivated_count INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Directory search: one document per person, indexed by FTS5.
CREATE TABLE search_docs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BLOB NOT NULL UNIQUE REFERENCES people(id) ON DELETE CASCADE,
    doc TEXT NOT NULL
);
CREATE VIRTUAL TABLE search_fts USING fts5(doc, content='search_docs', content_rowid='seq', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_fts(rowid, doc) VALUES (new.seq, new.doc);
END;
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_fts(search_fts, rowid, doc) VALUES ('delete', old.seq, old.doc);
END;
CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
    INSERT INTO search_fts(search_fts, rowid, doc) VALUES ('delete', old.seq, old.doc);
    INSERT INTO search_fts(rowid, doc) VALUES (new.seq, new.doc);
END;

CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
