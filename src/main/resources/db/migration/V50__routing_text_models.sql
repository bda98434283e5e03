-- Issue 13: the statistical free-text model learned from the centre's own history, one row per
-- training, so every instance loads the same newest model and a failed training leaves the last one.
CREATE TABLE routing_text_models (
  version     text        PRIMARY KEY,
  trained_at  timestamptz NOT NULL,
  examples    integer     NOT NULL,
  categories  integer     NOT NULL,
  took_ms     bigint      NOT NULL,
  model       bytea       NOT NULL
);
CREATE INDEX routing_text_models_newest ON routing_text_models (trained_at DESC);

-- One lease row: the instance that takes it trains, the others do not (two instances never train at once).
CREATE TABLE routing_model_training (
  id      smallint    PRIMARY KEY CHECK (id = 1),
  holder  text,
  until   timestamptz NOT NULL
);
INSERT INTO routing_model_training (id, holder, until) VALUES (1, NULL, '-infinity');
