-- Asks: what a person asks of their manager or someone above, prepared with what they want,
-- what they offer and the questions they will put; answered yes, partly or not now; asked
-- again when nothing moved. Each step is kept in ask_events.
CREATE TABLE asks (
    id BLOB PRIMARY KEY NOT NULL,
    person_id BLOB NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    asked_of BLOB NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    what TEXT NOT NULL,
    want TEXT NOT NULL,
    offer TEXT NOT NULL,
    questions TEXT NOT NULL,
    status TEXT NOT NULL,
    answer TEXT NOT NULL,
    wait_days INTEGER NOT NULL,
    last_moved_on TEXT NOT NULL,
    times_asked INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX asks_person ON asks (person_id, created_at);
CREATE INDEX asks_asked_of ON asks (asked_of, status);

CREATE TABLE ask_events (
    id BLOB PRIMARY KEY NOT NULL,
    ask_id BLOB NOT NULL REFERENCES asks(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    by_person BLOB REFERENCES people(id) ON DELETE SET NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ask_events_ask ON ask_events (ask_id, created_at);
