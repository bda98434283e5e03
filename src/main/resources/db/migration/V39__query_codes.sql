-- Every citizen can look a ticket up with its number and query code (查询码), whatever the
-- channel: the code travels in the acknowledgement SMS (and shows on the web form's answer). Until
-- now only web complaints had one, in web_complaints; it moves here, hashed as before.
CREATE TABLE query_codes (
  ticket_id  bigint      PRIMARY KEY REFERENCES tickets (id),
  code_hash  text        NOT NULL,
  created_at timestamptz NOT NULL
);
INSERT INTO query_codes (ticket_id, code_hash, created_at)
  SELECT ticket_id, query_code_hash, created_at FROM web_complaints;
ALTER TABLE web_complaints DROP COLUMN query_code_hash;
