-- A dispatcher marks an emergency as dealt with: 已转接 (put through to 110/119/120/122) or 已处理
-- (called back, nothing to transfer), with who and when; the list then shows it settled.
ALTER TABLE emergency_transfers
  ADD COLUMN handled_as   text CHECK (handled_as IN ('TRANSFERRED', 'HANDLED')),
  ADD COLUMN handled_by   text,
  ADD COLUMN handled_at   timestamptz,
  ADD COLUMN handled_note text,
  ADD CONSTRAINT emergency_transfers_handled_whole
    CHECK ((handled_as IS NULL) = (handled_at IS NULL) AND (handled_as IS NULL) = (handled_by IS NULL));

-- Other dispatchers' open lists drop the form once one of them settled it (V85's desk channel).
CREATE TRIGGER emergency_transfers_handled_console AFTER UPDATE OF handled_as ON emergency_transfers
  FOR EACH ROW EXECUTE FUNCTION console_desk_notify();
