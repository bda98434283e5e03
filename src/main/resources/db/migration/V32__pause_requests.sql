-- 暂停计时 needs the centre's approval: a department asks (reason from deadline.PauseReason), a
-- dispatcher or supervisor approves (the clock stops at approval) or refuses.
CREATE TABLE pause_requests (
  id             bigserial   PRIMARY KEY,
  ticket_id      bigint      NOT NULL REFERENCES tickets (id),
  department_id  text        NOT NULL,
  requested_by   text        NOT NULL,
  reason         text        NOT NULL,
  note           text,
  status         text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
  decided_by     text,
  decision_note  text,
  requested_at   timestamptz NOT NULL,
  decided_at     timestamptz
);

CREATE INDEX pause_requests_ticket ON pause_requests (ticket_id, id);
-- One open request per ticket at a time.
CREATE UNIQUE INDEX pause_requests_one_pending ON pause_requests (ticket_id) WHERE status = 'pending';
-- The centre's queue of requests to decide, oldest first.
CREATE INDEX pause_requests_pending ON pause_requests (requested_at) WHERE status = 'pending';
