-- 并案: which ticket was merged into which master. One row per merged ticket while the merge holds;
-- an unmerge deletes it (the MERGE/UNMERGE events keep the history). merged_from is the state the
-- merge took the ticket from, where an unmerge takes it back.
CREATE TABLE ticket_merges (
  ticket_id   bigint      PRIMARY KEY REFERENCES tickets (id),
  master_id   bigint      NOT NULL REFERENCES tickets (id),
  merged_from text        NOT NULL,
  merged_at   timestamptz NOT NULL,
  merged_by   text        NOT NULL,
  CONSTRAINT ticket_merges_not_itself CHECK (ticket_id <> master_id)
);
CREATE INDEX ticket_merges_master ON ticket_merges (master_id, ticket_id);
