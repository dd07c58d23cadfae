-- Career plans: goals and growth items, the business case, milestones, a review cadence,
-- sharing with the manager (private by default), and reviews by the owner and the manager.
CREATE TABLE career_plans (
    id UUID PRIMARY KEY NOT NULL,
    owner_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    business_case TEXT NOT NULL DEFAULT '',
    cadence TEXT NOT NULL DEFAULT 'quarterly',
    sharing TEXT NOT NULL DEFAULT 'private',
    from_role TEXT,
    started_on DATE NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX career_plans_owner ON career_plans(owner_id, started_on);

CREATE TABLE career_plan_items (
    id UUID PRIMARY KEY NOT NULL,
    plan_id UUID NOT NULL REFERENCES career_plans(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    kind TEXT NOT NULL,
    reference TEXT NOT NULL DEFAULT '',
    label TEXT NOT NULL,
    done BOOLEAN NOT NULL DEFAULT FALSE,
    position INTEGER NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX career_plan_items_plan ON career_plan_items(plan_id, position);

CREATE TABLE career_plan_milestones (
    id UUID PRIMARY KEY NOT NULL,
    plan_id UUID NOT NULL REFERENCES career_plans(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    due_on DATE NOT NULL,
    done_on DATE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX career_plan_milestones_plan ON career_plan_milestones(plan_id, due_on);

CREATE TABLE career_plan_reviews (
    id UUID PRIMARY KEY NOT NULL,
    plan_id UUID NOT NULL REFERENCES career_plans(id) ON DELETE CASCADE,
    author_id UUID NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    note TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX career_plan_reviews_plan ON career_plan_reviews(plan_id, created_at);
