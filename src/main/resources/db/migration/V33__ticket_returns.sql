-- 退单 and the centre's ruling on each (docs/deadlines.md, "Returns"). One row per return; the
-- ruling is re-dispatch (elsewhere), send_back (to the same department, its clock running on: the
-- return is counted against it), or the ticket was stopped or merged while returned.
CREATE TABLE ticket_returns (
  id                   bigserial   PRIMARY KEY,
  ticket_id            bigint      NOT NULL REFERENCES tickets (id),
  department_id        text        NOT NULL,
  returned_by          text        NOT NULL,
  reason               text        NOT NULL,
  reason_label         text        NOT NULL,
  note                 text        NOT NULL,
  returned_at          timestamptz NOT NULL,
  ruling_due_at        timestamptz,
  status               text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ruled')),
  decision             text        CHECK (decision IN ('redispatch', 'send_back', 'stopped', 'merged')),
  redispatched_to      text,
  ruled_by             text,
  ruling_note          text,
  ruled_at             timestamptz,
  CONSTRAINT ticket_returns_ruled CHECK ((status = 'ruled') = (decision IS NOT NULL AND ruled_at IS NOT NULL))
);

CREATE INDEX ticket_returns_ticket ON ticket_returns (ticket_id, id);
-- A ticket waits for at most one ruling.
CREATE UNIQUE INDEX ticket_returns_one_pending ON ticket_returns (ticket_id) WHERE status = 'pending';
-- The centre's queue: pending returns, the ruling most due first.
CREATE INDEX ticket_returns_queue ON ticket_returns (ruling_due_at, id) WHERE status = 'pending';
-- Rulings by department (return statistics).
CREATE INDEX ticket_returns_department ON ticket_returns (department_id, returned_at DESC);
