-- Deadlines counted on a year without an official holiday file (docs/deadlines.md, "Provisional
-- years"). The years an open ticket's running deadlines counted on provisionally; NULL when none
-- (nearly every row), so the index below only holds the rows to recount when a file arrives.
ALTER TABLE ticket_deadlines ADD COLUMN provisional_years int[];

CREATE INDEX ticket_deadlines_provisional ON ticket_deadlines USING gin (provisional_years)
  WHERE provisional_years IS NOT NULL;
