-- Confidential requesters (保密): the citizen asked that the handling department not see their
-- contacts. Departments read the phone and name masked; a reveal with a reason is logged.
ALTER TABLE tickets ADD COLUMN confidential boolean NOT NULL DEFAULT false;
