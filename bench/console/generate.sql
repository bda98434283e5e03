-- The console benchmark's data: :total tickets over the 24 months before now, in the shapes the
-- server writes, lean where the desks do not look. Every ticket has its row and its CREATE event;
-- the last 30 days hold the open ones (2 % waiting for manual dispatch, then dispatched, signed,
-- replied, returned), each with its current deadlines (DeadlineStore's document) and its
-- dispatch/sign/reply events; older tickets are closed or answered on the spot.
-- psql variables: total, depts (text[] literal). Run as a superuser: triggers are skipped while
-- loading (session_replication_role = replica), the secondary indexes rebuilt after.
SET session_replication_role = replica;
CREATE TEMP TABLE idx AS SELECT indexname, indexdef FROM pg_indexes
  WHERE tablename IN ('tickets', 'ticket_events', 'ticket_deadlines') AND indexname NOT LIKE '%_pkey'
    AND indexname <> 'tickets_number_key';
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexname FROM idx LOOP EXECUTE 'DROP INDEX ' || quote_ident(r.indexname); END LOOP;
END $$;

CREATE TEMP TABLE plan AS
SELECT g,
       now() - interval '730 days' * (1 - (g - 1)::float8 / :total) AS created_at,
       (:'depts'::text[])[1 + floor(random() * cardinality(:'depts'::text[]))::int] AS dept,
       random() AS r_status, random() AS r_kind,
       (ARRAY['010101','010201','020101','020201','020301','020401','030100','040201','050100','060101'])
         [1 + floor(random() * 10)::int] AS category
  FROM generate_series(1, :total) g;
ALTER TABLE plan ADD COLUMN status text;
UPDATE plan SET status = CASE
    WHEN created_at < now() - interval '30 days' THEN CASE WHEN r_kind < 0.2 THEN 'ANSWERED' ELSE 'CLOSED' END
    WHEN r_status < 0.02 THEN 'RECEIVED' WHEN r_status < 0.17 THEN 'DISPATCHED' WHEN r_status < 0.42 THEN 'SIGNED'
    WHEN r_status < 0.52 THEN 'REPLIED' WHEN r_status < 0.53 THEN 'RETURNED' ELSE 'CLOSED' END;

INSERT INTO tickets (id, number, channel, citizen_phone, citizen_name, request_type, urgency, category_code,
                     location_text, description, department_id, status, created_at, updated_at)
SELECT g, to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad((g % 1000000)::text, 6, '0'),
       'PHONE', '138' || lpad((g % 1000000)::text, 8, '0'), '王先生',
       CASE WHEN r_kind < 0.5 THEN 'COMPLAINT' ELSE 'HELP' END,
       CASE WHEN r_kind < 0.03 THEN 'URGENT' ELSE 'NORMAL' END, category,
       '新城区海拉尔东街' || (g % 300) || '号',
       '小区供暖不热，室温只有十四度，已经持续三天，家中有老人，请尽快处理。编号' || g,
       CASE WHEN status IN ('RECEIVED', 'ANSWERED') THEN NULL ELSE dept END, status, created_at,
       created_at + interval '1 hour'
  FROM plan;
SELECT setval('tickets_id_seq', :total);

INSERT INTO ticket_events (ticket_id, at, actor, role, action, from_status, to_status, details)
SELECT g, created_at, 'op', 'OPERATOR', 'CREATE', NULL, 'RECEIVED', '{"channel":"PHONE"}'::jsonb FROM plan;
INSERT INTO ticket_events (ticket_id, at, actor, role, action, from_status, to_status, details)
SELECT g, created_at + interval '1 minute', 'system', 'SYSTEM', 'DISPATCH', 'RECEIVED', 'DISPATCHED',
       jsonb_build_object('department_id', dept, 'policy', 'ordinary')
  FROM plan WHERE status IN ('DISPATCHED', 'SIGNED', 'REPLIED', 'RETURNED')
UNION ALL
SELECT g, created_at + interval '30 minutes', 'u-' || dept, 'DEPARTMENT', 'SIGN', 'DISPATCHED', 'SIGNED', '{}'::jsonb
  FROM plan WHERE status IN ('SIGNED', 'REPLIED')
UNION ALL
SELECT g, created_at + interval '50 minutes', 'u-' || dept, 'DEPARTMENT', 'REPLY', 'SIGNED', 'REPLIED',
       '{"note":"已安排维修人员上门处理，供暖已恢复。"}'::jsonb
  FROM plan WHERE status = 'REPLIED';

-- Current deadlines of the open dispatched tickets (ordinary policy: sign 2 h, respond 24 h, resolve 7 d).
INSERT INTO ticket_deadlines (ticket_id, policy, department_id, sign_by, respond_by, resolve_by, open_due_at, paused_at,
                              state, updated_at)
SELECT g, 'ordinary', dept, d + interval '2 hours', d + interval '24 hours', d + interval '7 days',
       CASE status WHEN 'DISPATCHED' THEN d + interval '2 hours' WHEN 'SIGNED' THEN d + interval '7 days' END, NULL,
       jsonb_build_object(
         'ticket', g::text,
         'policy', jsonb_build_object('name', 'ordinary', 'sign', '2h', 'respond', '24h', 'resolve', '7d',
                                      'warn_before', '4h', 'escalate_after', '24h'),
         'dispatched_at', bench_iso(d), 'paused_at', NULL,
         'deadlines', jsonb_build_object(
           'SIGN', jsonb_build_object('span', '2h', 'started_at', bench_iso(d), 'due_at', bench_iso(d + interval '2 hours'),
                                      'warn_at', bench_iso(d + interval '1 hour'), 'escalate_at', bench_iso(d + interval '26 hours'),
                                      'revision', 0, 'met_at', CASE WHEN status <> 'DISPATCHED' THEN bench_iso(d + interval '29 minutes') END),
           'RESPOND', jsonb_build_object('span', '24h', 'started_at', bench_iso(d), 'due_at', bench_iso(d + interval '24 hours'),
                                      'warn_at', bench_iso(d + interval '12 hours'), 'escalate_at', bench_iso(d + interval '48 hours'),
                                      'revision', 0, 'met_at', CASE WHEN status <> 'DISPATCHED' THEN bench_iso(d + interval '29 minutes') END),
           'RESOLVE', jsonb_build_object('span', '7d', 'started_at', bench_iso(d), 'due_at', bench_iso(d + interval '7 days'),
                                      'warn_at', bench_iso(d + interval '84 hours'), 'escalate_at', bench_iso(d + interval '8 days'),
                                      'revision', 0, 'met_at', CASE WHEN status = 'REPLIED' THEN bench_iso(d + interval '49 minutes') END))),
       d
  FROM (SELECT *, created_at + interval '1 minute' AS d FROM plan
         WHERE status IN ('DISPATCHED', 'SIGNED', 'REPLIED')) p;

DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexdef FROM idx LOOP EXECUTE r.indexdef; END LOOP;
END $$;
SET session_replication_role = origin;
