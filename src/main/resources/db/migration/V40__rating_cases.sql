-- 好差评 that lead somewhere (issue 11): the follow-up case of each 差评 (callback within 48 h,
-- fix or explanation within 15 days, closed by a supervisor), appeals (申诉复核), the phones
-- that opted out of rating prompts (退订), and people settling replies the parser left alone.

-- Rating rounds. A round opens at each close (办结) and at each re-rating invitation after a
-- fix; one rating counts per round (the ratings_one_per_prompt index), by SMS or on the web.
-- sms = false when no SMS went out (a landline, or a phone that opted out): the round is open
-- on the citizen's status page all the same.
ALTER TABLE rating_prompts ADD COLUMN purpose text NOT NULL DEFAULT 'close'
  CHECK (purpose IN ('close', 're_rate'));
ALTER TABLE rating_prompts ADD COLUMN round int NOT NULL DEFAULT 1;
ALTER TABLE rating_prompts ADD COLUMN sms boolean NOT NULL DEFAULT true;
CREATE INDEX rating_prompts_ticket ON rating_prompts (ticket_id, id DESC);

-- One follow-up case (差评核实整改) per 差评 while it is open; later 差评 on the same ticket join
-- it. Both limits count from the first 差评 (opened_at). deadlines holds the case's CALLBACK and
-- FIX deadlines in the deadline feature's shape (due, reminders, escalation point, met mark):
-- what the ladder was planned from and what the ticket's deadline view shows.
CREATE TABLE rating_cases (
  id                 bigserial   PRIMARY KEY,
  ticket_id          bigint      NOT NULL REFERENCES tickets (id),
  department_id      text,
  status             text        NOT NULL CHECK (status IN ('CALLBACK_DUE', 'FIX_DUE', 'EXPLANATION_DUE', 'FIXED',
                                                            'EXPLAINED', 'CLOSED')),
  -- who records the callback: the centre, or the department when the rule files say so
  callback_by        text        NOT NULL CHECK (callback_by IN ('CENTRE', 'DEPARTMENT')),
  opened_at          timestamptz NOT NULL,
  callback_due_at    timestamptz NOT NULL,
  fix_due_at         timestamptz NOT NULL,
  deadlines          jsonb       NOT NULL,
  -- the callback (回访核实)
  called_back_at     timestamptz,
  called_back_by     text,
  citizen_reached    boolean,
  call_attempts      int,
  citizen_account    text,
  founded            boolean,
  callback_note      text,
  -- the fix (整改) or the explanation (解释说明), and what the citizen was sent
  fixed_at           timestamptz,
  fixed_by           text,
  fix_text           text,
  explained_at       timestamptz,
  explained_by       text,
  explanation        text,
  re_rate_prompt_id  bigint      REFERENCES rating_prompts (id),
  -- the close: CONCLUDED by a supervisor, or APPEAL_UPHELD when every 差评 of the case was appealed away
  closed_at          timestamptz,
  closed_by          text,
  close_reason       text        CHECK (close_reason IN ('CONCLUDED', 'APPEAL_UPHELD')),
  close_note         text,
  CONSTRAINT rating_cases_closed_has_reason CHECK ((status = 'CLOSED') = (close_reason IS NOT NULL))
);
-- At most one open case per ticket: a second 差评 joins it (INSERT ... ON CONFLICT DO NOTHING).
CREATE UNIQUE INDEX rating_cases_one_open ON rating_cases (ticket_id) WHERE status <> 'CLOSED';
CREATE INDEX rating_cases_status ON rating_cases (status, id);
CREATE INDEX rating_cases_department ON rating_cases (department_id, id);
CREATE INDEX rating_cases_ticket ON rating_cases (ticket_id, id);

-- Ratings: the department the ticket was with when it was rated (the lists filter on it without
-- reading the ticket feature's tables), what the parser read, the web comment, who settled an
-- unparsed reply, and the case a 差评 belongs to. excluded_at/excluded_reason (an upheld appeal)
-- are also added by the stats feature's V20: IF NOT EXISTS lets either file run first.
ALTER TABLE ratings ADD COLUMN IF NOT EXISTS excluded_at timestamptz;
ALTER TABLE ratings ADD COLUMN IF NOT EXISTS excluded_reason text;
ALTER TABLE ratings ADD COLUMN department_id text;
ALTER TABLE ratings ADD COLUMN matched text;
ALTER TABLE ratings ADD COLUMN comment text;
ALTER TABLE ratings ADD COLUMN settled_by text;
ALTER TABLE ratings ADD COLUMN case_id bigint REFERENCES rating_cases (id);
UPDATE ratings r SET department_id = t.department_id FROM tickets t WHERE t.id = r.ticket_id;
-- The ratings list (GET /api/ratings), newest first: by time (the stats feature's V20 makes the
-- same index; IF NOT EXISTS keeps either order), and by the rated department.
CREATE INDEX IF NOT EXISTS ratings_created ON ratings (created_at, id);
CREATE INDEX ratings_department_created ON ratings (department_id, created_at, id);
CREATE INDEX ratings_case ON ratings (case_id) WHERE case_id IS NOT NULL;

-- 申诉复核: a department appeals a 差评 within the window; a supervisor upholds (the rating is
-- excluded from every figure) or rejects it. One appeal per rating, ever.
CREATE TABLE rating_appeals (
  id               bigserial   PRIMARY KEY,
  rating_id        bigint      NOT NULL UNIQUE REFERENCES ratings (id),
  ticket_id        bigint      NOT NULL REFERENCES tickets (id),
  department_id    text        NOT NULL,
  appealed_by      text        NOT NULL,
  reason           text        NOT NULL,
  evidence         text,
  appealed_at      timestamptz NOT NULL,
  window_ends_at   timestamptz NOT NULL,
  status           text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'UPHELD', 'REJECTED')),
  decided_by       text,
  decided_at       timestamptz,
  decision_reason  text
);
CREATE INDEX rating_appeals_pending ON rating_appeals (appealed_at) WHERE status = 'PENDING';

-- 退订: a phone's opt-outs of rating prompts and their reversals, newest last; the latest row
-- is the phone's state. Never deleted: the record is what a carrier may ask for.
CREATE TABLE rating_opt_outs (
  id                 bigserial   PRIMARY KEY,
  phone              text        NOT NULL,
  opted_out          boolean     NOT NULL,
  via                text        NOT NULL CHECK (via IN ('sms', 'web', 'operator')),
  actor              text        NOT NULL,
  note               text,
  inbound_message_id bigint      REFERENCES inbound_messages (id),
  at                 timestamptz NOT NULL
);
CREATE INDEX rating_opt_outs_phone ON rating_opt_outs (phone, id DESC);

-- Settling an unparsed reply (POST /api/inbound/{id}/settle): who decided what, and when.
ALTER TABLE inbound_messages ADD COLUMN settled_at timestamptz;
ALTER TABLE inbound_messages ADD COLUMN settled_by text;
ALTER TABLE inbound_messages ADD COLUMN settle_note text;

-- Ladder steps of deadlines kept outside a ticket's policy (a rating case's callback and fix):
-- plan names their owner (rating_case:17); NULL for the ticket's own sign/respond/resolve steps,
-- which a re-dispatch or a close replans or cancels without touching the case's.
ALTER TABLE escalation_steps ADD COLUMN plan text;
CREATE INDEX escalation_steps_plan ON escalation_steps (plan) WHERE plan IS NOT NULL;
