-- Window shopping: a person's like, pass or save on a card (a placement or a role), with the
-- card's four factor features as they were shown, so the preference model can be refitted.
CREATE TABLE shopping_reactions (
    person_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    card_kind TEXT NOT NULL,
    card_ref TEXT NOT NULL,
    reaction TEXT NOT NULL,
    f_status DOUBLE PRECISION NOT NULL,
    f_autonomy DOUBLE PRECISION NOT NULL,
    f_meaning DOUBLE PRECISION NOT NULL,
    f_learning DOUBLE PRECISION NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, card_kind, card_ref)
);
CREATE INDEX shopping_reactions_person ON shopping_reactions (person_id, created_at);
