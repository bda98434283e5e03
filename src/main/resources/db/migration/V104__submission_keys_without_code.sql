-- Open311 requests claim idempotency keys in web_submission_keys too (the channel is part of the
-- web: the portal's form and JSON API, and Open311). Open311 answers only the request's id, never a
-- query code, so its keys have no salt to derive one from. Their key_hash is the hash of the key
-- within the client's scope (its API key), so it never equals a portal key's hash.
ALTER TABLE web_submission_keys ALTER COLUMN code_salt DROP NOT NULL;
