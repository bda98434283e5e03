-- Transactional outbox: every message the hotline sends is a row written in the transaction of
-- the change that caused it; the relay delivers committed rows.
CREATE TABLE outbox (
  id                bigserial PRIMARY KEY,
  kind              text        NOT NULL,
  channel           text        NOT NULL,
  recipient         text        NOT NULL,
  subject           text,
  text_body         text        NOT NULL,
  html_body         text,
  metadata          jsonb       NOT NULL DEFAULT '{}'::jsonb,
  dedupe_key        text        NOT NULL UNIQUE,
  ticket_id         bigint      REFERENCES tickets (id),
  -- Citizen SMS obey quiet hours and the per-phone hourly cap; staff alerts do not.
  to_citizen        boolean     NOT NULL DEFAULT false,
  status            text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts          int         NOT NULL DEFAULT 0,
  -- For a pending row: when it may next be claimed. A claim pushes it forward by the lease, so a
  -- relay that dies between claim and send releases the row when the lease runs out.
  next_attempt_at   timestamptz NOT NULL,
  claimed_by        text,
  last_error        text,
  provider_id       text,
  provider_response text,
  created_at        timestamptz NOT NULL,
  sent_at           timestamptz
);

CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_status_created ON outbox (status, created_at DESC);
CREATE INDEX outbox_citizen_recent ON outbox (recipient, created_at) WHERE to_citizen;
CREATE INDEX outbox_ticket ON outbox (ticket_id);
