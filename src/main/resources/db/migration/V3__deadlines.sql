-- Deadlines and the escalation ladder (docs/deadlines.md).

-- Each dispatched ticket's current deadlines. `state` is the whole TicketDeadlines value (policy,
-- met marks, pause, revisions) so a change is recomputed from exactly what was stored; the
-- columns beside it are copies for queries.
CREATE TABLE ticket_deadlines (
  ticket_id     bigint      PRIMARY KEY REFERENCES tickets (id),
  policy        text        NOT NULL,
  department_id text,
  sign_by       timestamptz,
  respond_by    timestamptz,
  resolve_by    timestamptz,
  -- The earliest deadline that is open, not held by a pause, and not yet met; null once nothing
  -- is open (met, or the ticket ended). Overdue = open_due_at < now.
  open_due_at   timestamptz,
  paused_at     timestamptz,
  state         jsonb       NOT NULL,
  updated_at    timestamptz NOT NULL
);

CREATE INDEX ticket_deadlines_open_due ON ticket_deadlines (open_due_at) WHERE open_due_at IS NOT NULL;

-- One row per ladder step the scheduler may fire. `key` is the exactly-once key
-- (ticket:deadline:step[#revision]); a step fires by moving planned -> fired in the transaction
-- that writes its event and its outbox messages.
CREATE TABLE escalation_steps (
  id              bigserial   PRIMARY KEY,
  ticket_id       bigint      NOT NULL REFERENCES tickets (id),
  key             text        NOT NULL UNIQUE,
  deadline_kind   text        NOT NULL,
  step_kind       text        NOT NULL,
  level           int         NOT NULL,
  due_at          timestamptz NOT NULL,
  deadline_due_at timestamptz NOT NULL,
  department_id   text,
  audience        text[]      NOT NULL,
  channels        text[]      NOT NULL,
  circulate       boolean     NOT NULL DEFAULT false,
  revision        int         NOT NULL,
  status          text        NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'fired', 'cancelled')),
  fired_at        timestamptz,
  fired_by        text,
  cancelled_at    timestamptz,
  created_at      timestamptz NOT NULL
);

-- The scheduler's only read path: the idle query touches this index, never the open tickets.
CREATE INDEX escalation_steps_due ON escalation_steps (due_at) WHERE status = 'planned';
CREATE INDEX escalation_steps_ticket ON escalation_steps (ticket_id);
CREATE INDEX escalation_steps_fired ON escalation_steps (fired_at) WHERE status = 'fired';

-- 延期 requests: a department asks, the centre approves or refuses.
CREATE TABLE deadline_extensions (
  id               bigserial   PRIMARY KEY,
  ticket_id        bigint      NOT NULL REFERENCES tickets (id),
  department_id    text        NOT NULL,
  requested_by     text        NOT NULL,
  span             text,
  until_date       date,
  reason           text        NOT NULL,
  status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
  old_resolve_by   timestamptz,
  new_resolve_by   timestamptz,
  decided_by       text,
  decision_reason  text,
  requested_at     timestamptz NOT NULL,
  decided_at       timestamptz,
  CONSTRAINT deadline_extensions_one_target CHECK ((span IS NULL) <> (until_date IS NULL))
);

CREATE INDEX deadline_extensions_ticket ON deadline_extensions (ticket_id, id);
-- One open request per ticket at a time.
CREATE UNIQUE INDEX deadline_extensions_one_pending ON deadline_extensions (ticket_id) WHERE status = 'pending';
