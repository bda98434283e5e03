-- The floor of a ticket's cost in PostgreSQL: what an ideal batch writer would send for N web
-- complaints (N = :n; pgbench -D n=64 -D steps=10 -D update=1) in ONE transaction, every table written by ONE
-- multi-row statement, with the rows and indexes a complaint really writes on the migrated schema
-- (run against a database migrated by the server): the ticket, its 4 events (CREATE, ROUTE,
-- DISPATCH, DEADLINES_SET), routing row, dispatch UPDATE (non-HOT: status and department are
-- indexed), deadlines row, 10 ladder steps, one co-department part, query code, web_complaints row,
-- 3 outbox rows (acknowledgement SMS, two dispatch mails). No server, no round trips per ticket:
-- tickets/s = tps × n is what PostgreSQL alone could take on this machine.
BEGIN;
CREATE TEMP TABLE IF NOT EXISTS b(id bigint, i int) ON COMMIT DELETE ROWS;
WITH t AS (
  INSERT INTO tickets (number, channel, citizen_phone, citizen_name, request_type, urgency, category_code,
                       location_text, area_code, description, department_id, status, created_at, updated_at)
  SELECT 'B' || txid_current() || '-' || g, 'WEB', '135' || lpad((random() * 1e8)::int::text, 8, '0'), '压测',
         '投诉', 'NORMAL', 'C0101', '新城区', '150102', '压测工单：小区路灯不亮，请尽快维修', NULL, 'RECEIVED', now(), now()
  FROM generate_series(1, :n) g
  RETURNING id)
INSERT INTO b SELECT id, row_number() OVER () FROM t;
INSERT INTO ticket_events (ticket_id, at, actor, role, action, from_status, to_status, details)
SELECT b.id, now(), 'system', 'SYSTEM', a.action, NULL, 'RECEIVED',
       CASE WHEN a.action = 'DISPATCH' THEN '{"department_id":"hhht.housing"}'::jsonb ELSE '{}'::jsonb END
FROM b CROSS JOIN (VALUES ('CREATE'), ('ROUTE'), ('DISPATCH'), ('DEADLINES_SET')) a(action);
INSERT INTO ticket_routing (ticket_id, kind, rule_id, ruleset_version, lead_department_id, co_department_ids,
                            policy_id, decided_at)
SELECT id, 'DISPATCH', 'r-heating', 'v1', 'hhht.housing', '{hhht.transport}', 'standard', now() FROM b;
\if :update
UPDATE tickets SET status = 'DISPATCHED', department_id = 'hhht.housing', updated_at = now()
WHERE id = ANY (ARRAY(SELECT id FROM b));
\endif
INSERT INTO ticket_deadlines (ticket_id, policy, department_id, sign_by, respond_by, resolve_by, open_due_at,
                              state, updated_at)
SELECT id, 'standard', 'hhht.housing', now() + interval '2 hours', now() + interval '1 day',
       now() + interval '7 days', now() + interval '2 hours',
       '{"policy": {"fix": null, "name": "ordinary", "sign": "2h", "ruling": null, "resolve": "7d", "respond": "24h", "callback": null, "warnings": {"SIGN": ["30m"], "RESOLVE": ["1d", "75%"], "RESPOND": ["4h"]}, "escalate_after": "24h"}, "ticket": "20261201012913", "deadlines": {"SIGN": {"span": "2h", "due_at": "2026-12-01T07:29:37.731840587Z", "met_at": null, "warn_at": "2026-12-01T06:59:37.731840587Z", "revision": 0, "warnings": [{"at": "2026-12-01T06:59:37.731840587Z", "point": "30m"}], "started_at": "2026-12-01T05:29:37.731840587Z", "escalate_at": "2026-12-02T07:29:37.731840587Z"}, "RESOLVE": {"span": "7d", "due_at": "2026-12-08T05:29:37.731840587Z", "met_at": null, "warn_at": "2026-12-06T11:29:37.731840587Z", "revision": 0, "warnings": [{"at": "2026-12-06T11:29:37.731840587Z", "point": "75%"}, {"at": "2026-12-07T05:29:37.731840587Z", "point": "1d"}], "started_at": "2026-12-01T05:29:37.731840587Z", "escalate_at": "2026-12-09T05:29:37.731840587Z"}, "RESPOND": {"span": "24h", "due_at": "2026-12-02T05:29:37.731840587Z", "met_at": null, "warn_at": "2026-12-02T01:29:37.731840587Z", "revision": 0, "warnings": [{"at": "2026-12-02T01:29:37.731840587Z", "point": "4h"}], "started_at": "2026-12-01T05:29:37.731840587Z", "escalate_at": "2026-12-03T05:29:37.731840587Z"}}, "paused_at": null, "dispatched_at": "2026-12-01T05:29:37.731840587Z"}'::jsonb, now() FROM b;
INSERT INTO escalation_steps (ticket_id, key, deadline_kind, step_kind, level, due_at, deadline_due_at,
                              department_id, audience, channels, circulate, revision, created_at)
SELECT b.id, b.id || ':' || s, 'SIGN', 'REMIND', 0, now() + s * interval '1 hour', now() + interval '1 day',
       'hhht.housing', '{DEPARTMENT}', '{MAIL,ROBOT}', false, 0, now()
FROM b CROSS JOIN generate_series(1, :steps) s;
INSERT INTO co_department_parts (ticket_id, department_id, status, assigned_at)
SELECT id, 'hhht.transport', 'OPEN', now() FROM b;
INSERT INTO query_codes (ticket_id, code_hash, created_at) SELECT id, md5(id::text), now() FROM b;
INSERT INTO web_complaints (ticket_id, remote_ip, created_at) SELECT id, '127.0.0.1', now() FROM b;
INSERT INTO outbox (kind, channel, recipient, text_body, dedupe_key, ticket_id, to_citizen, next_attempt_at,
                    created_at)
SELECT k.kind, k.channel, k.recipient, '您的诉求已受理，工单号' || b.id, k.kind || ':' || b.id || ':' || k.recipient,
       b.id, k.kind = 'ticket-ack', now(), now()
FROM b CROSS JOIN (VALUES ('ticket-ack', 'sms', '13500000000', 0), ('dispatch-notice', 'mail', 'a@x.cn', 1),
                          ('dispatch-notice', 'mail', 'b@x.cn', 1)) k(kind, channel, recipient, prio);
COMMIT;
