-- Issue 13: a free-text ticket queued below the confidence threshold keeps the top 3 suggestions
-- routing read from its text (department, category, confidence, the words that decided), so the
-- dispatch queue shows them and a dispatcher accepts one with one action.
ALTER TABLE ticket_routing ADD COLUMN suggestions jsonb;

-- A dispatcher's choice for a ticket routing queued or a ticket dispatched again by hand: the
-- category that goes with the department chosen. The trainer learns it as the ticket's label while
-- that department is still the ticket's final one; the newest choice of a ticket replaces the older.
CREATE TABLE routing_choices (
  ticket_id     bigint      PRIMARY KEY REFERENCES tickets (id),
  category_code text        NOT NULL,
  department_id text        NOT NULL,
  chosen_by     text        NOT NULL,
  chosen_at     timestamptz NOT NULL
);
