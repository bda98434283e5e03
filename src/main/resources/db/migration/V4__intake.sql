-- Intake: raw inbound log (exactly-once claims), rejects, call log, callback tasks, emergency
-- transfers, rating prompts and ratings, web complaint query codes.

-- Every inbound SMS, stored raw. (provider, provider_message_id) is the idempotency claim: it is
-- inserted in the transaction that creates the ticket/rating, so a retried or concurrent
-- duplicate delivery finds it taken and creates nothing.
CREATE TABLE inbound_messages (
  id                  bigserial PRIMARY KEY,
  provider            text        NOT NULL,
  provider_message_id text        NOT NULL,
  phone               text        NOT NULL,
  destination         text,
  text_body           text        NOT NULL,
  raw                 text        NOT NULL,
  received_at         timestamptz NOT NULL,
  arrived_at          timestamptz NOT NULL,
  -- ticket | rating | rating_duplicate | rating_late | unparsed | emergency
  outcome             text        NOT NULL DEFAULT 'pending',
  detail              text,
  ticket_id           bigint      REFERENCES tickets (id),
  rating_prompt_id    bigint,
  rating_id           bigint,
  CONSTRAINT inbound_messages_claim UNIQUE (provider, provider_message_id)
);
CREATE INDEX inbound_messages_outcome ON inbound_messages (outcome, arrived_at DESC);
CREATE INDEX inbound_messages_phone ON inbound_messages (phone, arrived_at DESC);

-- Payloads that could not be read (after the caller passed the guard): kept raw for diagnosis,
-- nothing else is written for them.
CREATE TABLE inbound_rejects (
  id          bigserial PRIMARY KEY,
  channel     text        NOT NULL,   -- sms | voice
  provider    text        NOT NULL,
  reason      text        NOT NULL,
  field       text,
  raw         text        NOT NULL,
  remote_ip   text,
  arrived_at  timestamptz NOT NULL
);
CREATE INDEX inbound_rejects_arrived ON inbound_rejects (arrived_at DESC);

-- Call log: one row per (provider, call id), summarised from its events.
CREATE TABLE calls (
  id             bigserial PRIMARY KEY,
  provider       text        NOT NULL,
  call_id        text        NOT NULL,
  from_number    text,
  to_number      text,
  direction      text        NOT NULL DEFAULT 'UNKNOWN',
  answered       boolean     NOT NULL DEFAULT false,
  agent          text,
  recording_url  text,
  transcript     text,
  digits         text,
  started_at     timestamptz,
  ended_at       timestamptz,
  outcome        text        NOT NULL DEFAULT 'IN_PROGRESS',
  outcome_reason text,
  ticket_id      bigint      REFERENCES tickets (id),
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  CONSTRAINT calls_provider_call UNIQUE (provider, call_id)
);
CREATE INDEX calls_from ON calls (from_number, created_at DESC);

CREATE TABLE call_events (
  id            bigserial PRIMARY KEY,
  event_key     text        NOT NULL UNIQUE,
  call_pk       bigint      NOT NULL REFERENCES calls (id),
  provider      text        NOT NULL,
  call_id       text        NOT NULL,
  event         text        NOT NULL,
  from_number   text,
  to_number     text,
  direction     text        NOT NULL,
  cause         text,
  agent         text,
  answered_at   timestamptz,
  recording_url text,
  transcript    text,
  digits        text,
  at            timestamptz NOT NULL,
  raw           text        NOT NULL,
  arrived_at    timestamptz NOT NULL
);
CREATE INDEX call_events_call ON call_events (call_pk, id);

-- 回拨: abandoned inbound calls operators must call back.
CREATE TABLE callback_tasks (
  id             bigserial PRIMARY KEY,
  call_pk        bigint      NOT NULL UNIQUE REFERENCES calls (id),
  phone          text        NOT NULL,
  hotline_number text,
  status         text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  created_at     timestamptz NOT NULL,
  done_at        timestamptz,
  done_by        text,
  note           text
);
CREATE INDEX callback_tasks_status ON callback_tasks (status, created_at);
CREATE INDEX callback_tasks_phone ON callback_tasks (phone) WHERE status = 'open';

-- Calls and messages naming an emergency are transferred to 110/119/120/122, not ticketed.
CREATE TABLE emergency_transfers (
  id                 bigserial PRIMARY KEY,
  number             text        NOT NULL CHECK (number IN ('110', '119', '120', '122')),
  matched_word       text        NOT NULL,
  source             text        NOT NULL CHECK (source IN ('call', 'sms')),
  call_pk            bigint      UNIQUE REFERENCES calls (id),
  inbound_message_id bigint      UNIQUE REFERENCES inbound_messages (id),
  phone              text,
  text_body          text        NOT NULL,
  created_at         timestamptz NOT NULL,
  CONSTRAINT emergency_transfers_one_source CHECK ((call_pk IS NULL) <> (inbound_message_id IS NULL))
);

-- A rating prompt SMS sent to a citizen; replies within expires_at count as ratings.
CREATE TABLE rating_prompts (
  id          bigserial PRIMARY KEY,
  ticket_id   bigint      NOT NULL REFERENCES tickets (id),
  phone       text        NOT NULL,
  sent_at     timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX rating_prompts_phone ON rating_prompts (phone, sent_at DESC);

-- 好差评. status: counted (the one rating of a prompt or call), duplicate (a later, different
-- answer to the same prompt/call: kept, never overwrites), late (answer after the window).
CREATE TABLE ratings (
  id                 bigserial PRIMARY KEY,
  ticket_id          bigint      REFERENCES tickets (id),
  call_pk            bigint      REFERENCES calls (id),
  prompt_id          bigint      REFERENCES rating_prompts (id),
  inbound_message_id bigint      REFERENCES inbound_messages (id),
  level              text        NOT NULL,
  source             text        NOT NULL CHECK (source IN ('sms', 'keypad', 'web')),
  raw_text           text,
  confidence         text,
  status             text        NOT NULL CHECK (status IN ('counted', 'duplicate', 'late')),
  bad                boolean     NOT NULL,
  follow_up_required boolean     NOT NULL,
  created_at         timestamptz NOT NULL
);
CREATE UNIQUE INDEX ratings_one_per_prompt ON ratings (prompt_id) WHERE status = 'counted' AND prompt_id IS NOT NULL;
CREATE UNIQUE INDEX ratings_one_per_call ON ratings (call_pk) WHERE status = 'counted' AND call_pk IS NOT NULL;
CREATE INDEX ratings_ticket ON ratings (ticket_id);
CREATE INDEX ratings_follow_up ON ratings (created_at) WHERE follow_up_required;

-- Web complaints: the citizen's query code, stored only as a hash.
CREATE TABLE web_complaints (
  ticket_id       bigint      PRIMARY KEY REFERENCES tickets (id),
  query_code_hash text        NOT NULL,
  remote_ip       text,
  created_at      timestamptz NOT NULL
);
