-- A web complaint naming an emergency is still a ticket, and also an emergency transfer: the
-- citizen was told on the answer page to call 110/119/120/122, the operators are alerted.
ALTER TABLE emergency_transfers
  ADD COLUMN ticket_id bigint UNIQUE REFERENCES tickets (id),
  ADD COLUMN ticket_number text,
  DROP CONSTRAINT emergency_transfers_source_check,
  ADD CONSTRAINT emergency_transfers_source_check CHECK (source IN ('call', 'sms', 'web')),
  DROP CONSTRAINT emergency_transfers_one_source,
  ADD CONSTRAINT emergency_transfers_one_source CHECK (num_nonnulls(call_pk, inbound_message_id, ticket_id) = 1);
