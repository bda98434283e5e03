-- Idempotency keys of web complaints (the Idempotency-Key header, the form's hidden token): a
-- citizen whose answer was lost (a timeout, a 503 while the COMMIT was under way, a reload) sends
-- the same key again and gets the same ticket instead of a second one. The key itself stays with
-- the client: only its SHA-256 is stored, with the SHA-256 of the content it came with (a key sent
-- again with other content is refused) and the salt the query code was derived from (the code is
-- HMAC(salt, key), so a replay can answer the same code though the code is stored only hashed).
-- The claim goes in the transaction that creates the ticket, under an advisory lock on the key
-- that every claim tries without waiting: a copy sent while that transaction is open is told the
-- key is busy (409) rather than wait on it. The reference is deferrable like every reference to
-- tickets (V99).
CREATE TABLE web_submission_keys (
  key_hash      text        PRIMARY KEY,
  content_hash  text        NOT NULL,
  ticket_id     bigint      NOT NULL REFERENCES tickets (id) DEFERRABLE INITIALLY IMMEDIATE,
  ticket_number text        NOT NULL,
  code_salt     bytea       NOT NULL,
  created_at    timestamptz NOT NULL
);
