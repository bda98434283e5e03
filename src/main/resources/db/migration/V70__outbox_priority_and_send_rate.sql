-- Messaging at the limit (issue 15).
--
-- Priority: the answer to a citizen's own contact (acknowledgement with the query code, emergency
-- advice) and every message to staff (to_citizen = false) is claimed before bulk courtesy SMS
-- (rating prompts, follow-up questions, notices), so a backlog of prompts never delays a new
-- contact's acknowledgement. Derived from the row, so no insert path has to set it:
-- 0 = at once, 1 = bulk.
ALTER TABLE outbox ADD COLUMN priority smallint GENERATED ALWAYS AS (
  CASE WHEN to_citizen AND kind NOT IN ('ticket-ack', 'query-code', 'emergency-advice') THEN 1 ELSE 0 END
) STORED;

-- The claim reads one (channel, priority) range in next_attempt_at order and stops at its LIMIT,
-- however many rows of other channels or priorities are pending or held for the morning.
DROP INDEX outbox_due;
CREATE INDEX outbox_due ON outbox (channel, priority, next_attempt_at) WHERE status = 'pending';

-- Send rate per channel and provider, shared by every relay of every instance: a token bucket
-- per key (e.g. 'sms:aliyun', 'mail:smtp.example.gov.cn'), refilled and debited by the claim
-- transaction, which holds the row lock while it claims.
CREATE TABLE outbox_send_rate (
  bucket     text             PRIMARY KEY,
  tokens     double precision NOT NULL,
  updated_at timestamptz      NOT NULL
);
