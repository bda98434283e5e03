-- 重办: how many times a ticket was sent back to a department after its reply (shown on the
-- ticket; the reopen rate is derived from it). Kept by the same statement that records the REOPEN.
ALTER TABLE tickets ADD COLUMN reopen_count int NOT NULL DEFAULT 0;
