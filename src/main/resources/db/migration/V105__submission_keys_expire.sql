-- Idempotency keys are deleted once older than intake.keys.keep (ExpiredSubmissionKeys). The prune
-- finds them by created_at. BRIN, not a B-tree: rows arrive in created_at order, so a block range
-- summary finds the old ones, and an insert (one per keyed submission, in the intake's hot
-- transaction) costs almost nothing more instead of a second B-tree to update.
CREATE INDEX web_submission_keys_created_at ON web_submission_keys USING brin (created_at);
