-- Group commit (issue 15) writes a batch's new tickets with one multi-row INSERT at the batch's
-- end, after the rows that point at them (events, routing, outbox, deadlines...). A batch defers
-- the checks of the references to tickets (SET CONSTRAINTS ALL DEFERRED) and checks them all
-- before its COMMIT (SET CONSTRAINTS ALL IMMEDIATE). INITIALLY IMMEDIATE: every other
-- transaction, and the single-ticket path, checks at each statement as before.
-- A reference to tickets added by a later migration is immediate-only unless it says DEFERRABLE.
DO $$
DECLARE
  c record;
BEGIN
  FOR c IN
    SELECT conrelid::regclass AS tbl, conname
      FROM pg_constraint
     WHERE contype = 'f' AND confrelid = 'tickets'::regclass AND NOT condeferrable
  LOOP
    EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE', c.tbl, c.conname);
  END LOOP;
END $$;
