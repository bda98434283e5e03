-- A ticket's page and the desks refresh live (SSE "ticket-<number>") on the events the ticket
-- service's listeners do not see: ratings, 差评 case steps, appeals and 协办 (co-department)
-- events, written by the evaluation and handling features in their own transactions. Like V85, a
-- NOTIFY at commit from whichever instance wrote the row; the payload is the one the ticket
-- listener sends (number, status, the departments whose screens may show it), nothing of the citizen.
CREATE FUNCTION console_ticket_notify(ticket bigint, extra jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t record;
  departments jsonb := '[]'::jsonb;
BEGIN
  SELECT number, status, department_id INTO t FROM tickets WHERE id = ticket;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF t.department_id IS NOT NULL THEN
    departments := departments || to_jsonb(t.department_id);
  END IF;
  PERFORM pg_notify('console_tickets', json_build_object('number', t.number, 'status', t.status,
    'departments', departments || coalesce(extra, '[]'::jsonb))::text);
END;
$$;

CREATE FUNCTION console_ticket_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A co-department's own screens hear its events too (its id, or the ids assigned).
  PERFORM console_ticket_notify(NEW.ticket_id,
    CASE WHEN jsonb_typeof(NEW.details -> 'department_ids') = 'array' THEN NEW.details -> 'department_ids'
         WHEN jsonb_typeof(NEW.details -> 'department_id') = 'string'
           THEN jsonb_build_array(NEW.details -> 'department_id')
         ELSE '[]'::jsonb END);
  RETURN NULL;
END;
$$;

CREATE FUNCTION console_rating_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.ticket_id IS NOT NULL THEN
    PERFORM console_ticket_notify(NEW.ticket_id, '[]'::jsonb);
  END IF;
  RETURN NULL;
END;
$$;

-- Only these actions: the ticket's own actions already notify through the ticket listener, and a
-- bulk intake of CREATE events must not pay for a lookup.
CREATE TRIGGER ticket_events_console_side AFTER INSERT ON ticket_events
  FOR EACH ROW WHEN (NEW.action LIKE 'RATING\_%' OR NEW.action LIKE 'CO\_%' OR NEW.action = 'BAD_RATING')
  EXECUTE FUNCTION console_ticket_event_notify();
CREATE TRIGGER ratings_console AFTER INSERT OR UPDATE OF excluded_at ON ratings
  FOR EACH ROW EXECUTE FUNCTION console_rating_notify();
