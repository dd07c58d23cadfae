-- Window shopping: a person's like, pass or save on a card (a placement or a role), with the
-- card's four factor features as they were shown, so the preference model can be refitted.
CREATE TABLE shopping_reactions (
    person_id BLOB NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    card_kind TEXT NOT NULL,
    card_ref TEXT NOT NULL,
    reaction TEXT NOT NULL,
    f_status REAL NOT NULL,
    f_autonomy REAL NOT NULL,
    f_meaning REAL NOT NULL,
    f_learning REAL NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (person_id, card_kind, card_ref)
);
CREATE INDEX shopping_reactions_person ON shopping_reactions (person_id, created_at);
