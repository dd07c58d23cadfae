-- A need becomes at most one opportunity, and an opportunity comes from at most one need:
-- the link is written with the opportunity (one transaction) and the database keeps it unique.
-- Duplicate links made before this migration keep only the lowest need id's link.
UPDATE needs SET opportunity_id = NULL
WHERE opportunity_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM needs n2 WHERE n2.opportunity_id = needs.opportunity_id AND n2.id < needs.id);
CREATE UNIQUE INDEX needs_opportunity ON needs(opportunity_id);
