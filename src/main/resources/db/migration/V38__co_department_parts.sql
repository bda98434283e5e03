-- 协办: a co-department's part of a ticket. Assigned by a dispatch that names it, answered by the
-- co-department, closed by the lead department's reply (or a new dispatch without it, or the
-- ticket's end). Notes are events in the ticket's log.
CREATE TABLE co_department_parts (
  id            bigserial PRIMARY KEY,
  ticket_id     bigint      NOT NULL REFERENCES tickets (id),
  department_id text        NOT NULL,
  status        text        NOT NULL CHECK (status IN ('OPEN', 'ANSWERED', 'CLOSED')),
  assigned_at   timestamptz NOT NULL,
  answer        text,
  answered_at   timestamptz,
  answered_by   text,
  closed_at     timestamptz,
  close_reason  text,
  CONSTRAINT co_department_parts_answer CHECK ((status = 'ANSWERED') <= (answer IS NOT NULL))
);
-- One part per department and ticket until it closes.
CREATE UNIQUE INDEX co_department_parts_live ON co_department_parts (ticket_id, department_id)
  WHERE status <> 'CLOSED';
CREATE INDEX co_department_parts_department ON co_department_parts (department_id, status, assigned_at DESC);
