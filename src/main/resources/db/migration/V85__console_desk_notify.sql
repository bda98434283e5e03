-- The dispatcher's lists beside the manual queue (extension and pause requests, unparsed SMS
-- replies, emergency transfers) and the operators' callback queue change outside the ticket
-- service's listeners (the deadline and intake features write these rows themselves). A NOTIFY at
-- commit, from whichever server instance or tool wrote the row, tells every instance's open desks
-- which list changed; the payload is the table's name only, nothing of the citizen. NOTIFY folds
-- identical payloads of one transaction into one, so a batch tells each screen once.
CREATE FUNCTION console_desk_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('console_desk', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER deadline_extensions_console AFTER INSERT OR UPDATE OF status ON deadline_extensions
  FOR EACH ROW EXECUTE FUNCTION console_desk_notify();
CREATE TRIGGER pause_requests_console AFTER INSERT OR UPDATE OF status ON pause_requests
  FOR EACH ROW EXECUTE FUNCTION console_desk_notify();
-- Only replies that wait for a person (or stop waiting): a burst of rating replies read by the
-- parser tells nobody.
CREATE TRIGGER inbound_messages_console AFTER INSERT OR UPDATE OF outcome ON inbound_messages
  FOR EACH ROW WHEN (NEW.outcome = 'unparsed') EXECUTE FUNCTION console_desk_notify();
CREATE TRIGGER inbound_messages_settled_console AFTER UPDATE OF outcome ON inbound_messages
  FOR EACH ROW WHEN (OLD.outcome = 'unparsed' AND NEW.outcome <> 'unparsed') EXECUTE FUNCTION console_desk_notify();
CREATE TRIGGER emergency_transfers_console AFTER INSERT ON emergency_transfers
  FOR EACH ROW EXECUTE FUNCTION console_desk_notify();
CREATE TRIGGER callback_tasks_console AFTER INSERT OR UPDATE OF status ON callback_tasks
  FOR EACH ROW EXECUTE FUNCTION console_desk_notify();
