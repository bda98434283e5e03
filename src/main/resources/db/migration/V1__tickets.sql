-- Ticket core: tickets, their append-only event log, and the serial behind ticket numbers.

-- Cycles at 999999: see TicketNumber for why a sequence and not a per-day counter row.
CREATE SEQUENCE ticket_serial MINVALUE 1 MAXVALUE 999999 CYCLE;

CREATE TABLE tickets (
  id             bigserial PRIMARY KEY,
  number         text        NOT NULL UNIQUE,
  channel        text        NOT NULL,
  citizen_phone  text        NOT NULL,
  citizen_name   text,
  request_type   text        NOT NULL,
  urgency        text        NOT NULL,
  category_code  text,
  location_text  text,
  latitude       double precision,
  longitude      double precision,
  area_code      text,
  description    text        NOT NULL,
  department_id  text,
  status         text        NOT NULL,
  hotline_number text,
  call_id        text,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  CONSTRAINT tickets_coordinates_pair CHECK ((latitude IS NULL) = (longitude IS NULL))
);

CREATE INDEX tickets_status_created ON tickets (status, created_at DESC);
CREATE INDEX tickets_department_created ON tickets (department_id, created_at DESC);
CREATE INDEX tickets_created ON tickets (created_at DESC);
CREATE INDEX tickets_phone_created ON tickets (citizen_phone, created_at DESC);

CREATE TABLE ticket_events (
  id          bigserial PRIMARY KEY,
  ticket_id   bigint      NOT NULL REFERENCES tickets (id),
  at          timestamptz NOT NULL,
  actor       text        NOT NULL,
  role        text        NOT NULL,
  action      text        NOT NULL,
  from_status text,
  to_status   text,
  details     jsonb       NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, id);

-- The log is evidence in disputes between the centre and departments: refuse edits and deletes
-- even from a buggy release of this server.
CREATE FUNCTION ticket_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ticket_events is append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER ticket_events_no_update_delete
  BEFORE UPDATE OR DELETE ON ticket_events
  FOR EACH ROW EXECUTE FUNCTION ticket_events_append_only();

CREATE TRIGGER ticket_events_no_truncate
  BEFORE TRUNCATE ON ticket_events
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_events_append_only();
