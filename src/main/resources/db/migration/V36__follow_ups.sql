-- 回访: the centre's follow-up with the citizen after the department's reply. One row per try
-- (a call, or an SMS question and its answer). A try that ends the follow-up carries its
-- conclusion; the tries of one follow-up are those after the ticket's previous conclusion.
CREATE TABLE follow_ups (
  id                 bigserial PRIMARY KEY,
  ticket_id          bigint      NOT NULL REFERENCES tickets (id),
  department_id      text,
  method             text        NOT NULL CHECK (method IN ('PHONE', 'SMS')),
  -- null while an SMS question waits for its answer
  result             text        CHECK (result IN ('SOLVED', 'NOT_SOLVED', 'NO_ANSWER')),
  conclusion         text        CHECK (conclusion IN ('SOLVED', 'NOT_SOLVED', 'UNREACHABLE')),
  asked_at           timestamptz NOT NULL,
  expires_at         timestamptz,
  answered_at        timestamptz,
  phone              text,
  recorded_by        text        NOT NULL,
  note               text,
  inbound_message_id bigint      REFERENCES inbound_messages (id),
  CONSTRAINT follow_ups_conclusion_has_result CHECK (conclusion IS NULL OR result IS NOT NULL)
);
CREATE INDEX follow_ups_ticket ON follow_ups (ticket_id, id);
-- The SMS webhook looks up the open question of a phone.
CREATE INDEX follow_ups_open_question ON follow_ups (phone, asked_at DESC) WHERE method = 'SMS' AND result IS NULL;
-- The 解决率: conclusions in a period.
CREATE INDEX follow_ups_concluded ON follow_ups (answered_at) WHERE conclusion IS NOT NULL;
