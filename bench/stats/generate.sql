-- One chunk of the stats benchmark's data: tickets :lo..:hi of :total, spread evenly over
-- [:'start', :'start' + :months months), with the rows the server itself would have written for
-- them (ticket, event log in order, current deadlines with met marks, counted ratings).
-- psql variables: lo, hi, total, start (timestamptz text), months, depts (text[] literal).
-- Shapes follow the server's writers: TicketRepository (CREATE), RoutingRepository (ROUTE),
-- TicketService (DISPATCH with details.department_id, SIGN, CONTACT, RETURN, REPLY, CLOSE, REOPEN),
-- DeadlineUpdates (DEADLINES_SET), DeadlineStore (ticket_deadlines.state), Ratings (RATE, BAD_RATING).

CREATE TEMP TABLE plan ON COMMIT DROP AS
WITH base AS (
  SELECT g,
         :'start'::timestamptz + ((g - 1)::float8 / :total) * ((:'start'::timestamptz + make_interval(months => :months))
             - :'start'::timestamptz) AS created_at,
         random() AS r_kind, random() AS r_policy, random() AS r_late, random() AS r_return, random() AS r_reopen,
         random() AS r_rate, random() AS r_level, random() AS r_open, random() AS r1, random() AS r2, random() AS r3,
         (:'depts'::text[])[1 + floor(random() * cardinality(:'depts'::text[]))::int] AS dept,
         (:'depts'::text[])[1 + floor(random() * cardinality(:'depts'::text[]))::int] AS dept2,
         (ARRAY['010101','010102','010201','010202','020101','020102','020103','020201','020202','020301','020302',
                '020401','030100','040201','050100','060101','070100','080100','090100','100100'])
           [1 + floor(random() * 20)::int] AS category
    FROM generate_series(:lo::bigint, :hi::bigint) g
), k AS (
  SELECT b.*,
         CASE WHEN r_kind < 0.20 THEN 'answered' WHEN r_kind < 0.21 THEN 'queue' ELSE 'dispatched' END AS kind,
         CASE WHEN r_policy < 0.7 THEN 'ordinary' WHEN r_policy < 0.9 THEN 'utilities' ELSE 'complex' END AS policy,
         r_return < 0.05 AS returned,
         r_reopen < 0.03 AS reopened
    FROM base b
), t AS (
  -- Times of the current dispatch round. A return costs the first department 1-20 h, then the
  -- centre re-dispatches within the hour. ~8 % of acts are late against their deadline.
  SELECT k.*,
         CASE WHEN returned THEN created_at + interval '1 hour' * (1 + r1 * 19) END AS returned_at,
         CASE policy WHEN 'ordinary' THEN interval '2 hours' WHEN 'utilities' THEN interval '30 minutes'
              ELSE interval '2 hours' END AS sign_span,
         CASE policy WHEN 'ordinary' THEN interval '24 hours' WHEN 'utilities' THEN interval '2 hours'
              ELSE interval '24 hours' END AS respond_span,
         CASE policy WHEN 'ordinary' THEN interval '7 days' WHEN 'utilities' THEN interval '24 hours'
              ELSE interval '21 days' END AS resolve_span
    FROM k
), d AS (
  SELECT t.*,
         coalesce(returned_at + interval '30 minutes', created_at) AS dispatched_at,
         CASE WHEN returned THEN dept2 ELSE dept END AS final_dept
    FROM t
), acts AS (
  SELECT d.*,
         dispatched_at + sign_span * (CASE WHEN r_late < 0.05 THEN 1.5 ELSE r1 * 0.9 END) AS signed_at,
         dispatched_at + respond_span * (CASE WHEN r_late < 0.08 THEN 1.3 ELSE 0.1 + r2 * 0.8 END) AS contacted_at,
         dispatched_at + resolve_span * (CASE WHEN r_late < 0.10 THEN 1.2 ELSE 0.2 + r3 * 0.7 END) AS replied_at
    FROM d
)
SELECT a.*,
       replied_at + interval '1 day' * (0.2 + r1) AS reopened_at,
       replied_at + CASE WHEN reopened THEN interval '4 days' ELSE interval '0' END + interval '1 day' * (0.3 + r2)
         AS closed_at,
       -- Tickets still in the departments' hands at the end of the window stay open, as in life.
       (replied_at + interval '6 days') > :'start'::timestamptz + make_interval(months => :months) AS still_open,
       CASE WHEN r_level < 0.55 THEN 'VERY_SATISFIED' WHEN r_level < 0.80 THEN 'SATISFIED'
            WHEN r_level < 0.90 THEN 'BASIC' WHEN r_level < 0.96 THEN 'DISSATISFIED' ELSE 'VERY_DISSATISFIED' END
         AS level
  FROM acts a;

INSERT INTO tickets (number, channel, citizen_phone, request_type, urgency, category_code, description, department_id,
                     status, created_at, updated_at)
SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(g::text, 8, '0'), 'PHONE',
       '138' || lpad((g % 100000000)::text, 8, '0'),
       CASE WHEN kind = 'answered' THEN 'CONSULT' ELSE 'COMPLAINT' END,
       CASE WHEN policy = 'utilities' THEN 'URGENT' ELSE 'NORMAL' END, category,
       '小区供暖温度不达标，室温只有14度（基准数据）',
       CASE WHEN kind = 'dispatched' THEN final_dept END,
       CASE WHEN kind = 'answered' THEN 'ANSWERED' WHEN kind = 'queue' THEN 'RECEIVED'
            WHEN still_open THEN 'SIGNED' ELSE 'CLOSED' END,
       created_at, created_at
  FROM plan ORDER BY g;

CREATE TEMP TABLE ids ON COMMIT DROP AS
SELECT p.*, tk.id AS ticket_id
  FROM plan p JOIN tickets tk
    ON tk.number = to_char(p.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(p.g::text, 8, '0');

-- The event log, in each ticket's order (ids follow the ORDER BY, as the server's writes would).
INSERT INTO ticket_events (ticket_id, at, actor, role, action, from_status, to_status, details)
SELECT ticket_id, at, actor, role, action, from_status, to_status, details FROM (
  SELECT ticket_id, 1 AS seq, created_at AS at, 'op' AS actor, 'OPERATOR' AS role, 'CREATE' AS action,
         NULL AS from_status, 'RECEIVED' AS to_status, '{"channel":"PHONE"}'::jsonb AS details FROM ids
  UNION ALL
  SELECT ticket_id, 2, created_at, 'op', 'OPERATOR', 'ANSWER_ON_SPOT', 'RECEIVED', 'ANSWERED', '{}'::jsonb
    FROM ids WHERE kind = 'answered'
  UNION ALL
  SELECT ticket_id, 2, created_at, 'system', 'SYSTEM', 'ROUTE', 'RECEIVED', 'RECEIVED',
         jsonb_build_object('kind', CASE WHEN kind = 'queue' THEN 'MANUAL' ELSE 'DISPATCH' END, 'rule_id', 'r-bench',
                            'lead_department_id', dept, 'policy', policy)
    FROM ids WHERE kind <> 'answered'
  UNION ALL
  SELECT ticket_id, 3, created_at, 'system', 'SYSTEM', 'DISPATCH', 'RECEIVED', 'DISPATCHED',
         jsonb_build_object('note', '按规则自动派单', 'department_id', dept, 'policy', policy)
    FROM ids WHERE kind = 'dispatched'
  UNION ALL
  SELECT ticket_id, 4, created_at, 'system', 'SYSTEM', 'DEADLINES_SET', 'DISPATCHED', 'DISPATCHED',
         jsonb_build_object('department_id', dept, 'reason', 'dispatch', 'policy', policy)
    FROM ids WHERE kind = 'dispatched'
  UNION ALL
  SELECT ticket_id, 5, returned_at, 'u-' || dept, 'DEPARTMENT', 'RETURN', 'DISPATCHED', 'RETURNED',
         '{"reason":"属地不符"}'::jsonb FROM ids WHERE kind = 'dispatched' AND returned
  UNION ALL
  SELECT ticket_id, 6, dispatched_at, 'disp', 'DISPATCHER', 'DISPATCH', 'RETURNED', 'DISPATCHED',
         jsonb_build_object('department_id', dept2) FROM ids WHERE kind = 'dispatched' AND returned
  UNION ALL
  SELECT ticket_id, 7, dispatched_at, 'system', 'SYSTEM', 'DEADLINES_SET', 'DISPATCHED', 'DISPATCHED',
         jsonb_build_object('department_id', dept2, 'reason', 'redispatch', 'policy', policy)
    FROM ids WHERE kind = 'dispatched' AND returned
  UNION ALL
  SELECT ticket_id, 8, signed_at, 'u-' || final_dept, 'DEPARTMENT', 'SIGN', 'DISPATCHED', 'SIGNED', '{}'::jsonb
    FROM ids WHERE kind = 'dispatched'
  UNION ALL
  SELECT ticket_id, 9, contacted_at, 'u-' || final_dept, 'DEPARTMENT', 'CONTACT', 'SIGNED', 'SIGNED', '{}'::jsonb
    FROM ids WHERE kind = 'dispatched'
  UNION ALL
  SELECT ticket_id, 10, replied_at, 'u-' || final_dept, 'DEPARTMENT', 'REPLY', 'SIGNED', 'REPLIED', '{}'::jsonb
    FROM ids WHERE kind = 'dispatched' AND NOT still_open
  UNION ALL
  SELECT ticket_id, 11, reopened_at, 'disp', 'DISPATCHER', 'REOPEN', 'REPLIED', 'REOPENED', '{"reason":"回访不满意"}'::jsonb
    FROM ids WHERE kind = 'dispatched' AND NOT still_open AND reopened
  UNION ALL
  SELECT ticket_id, 12, reopened_at + interval '1 hour', 'u-' || final_dept, 'DEPARTMENT', 'SIGN', 'REOPENED', 'SIGNED',
         '{}'::jsonb FROM ids WHERE kind = 'dispatched' AND NOT still_open AND reopened
  UNION ALL
  SELECT ticket_id, 13, reopened_at + interval '3 days', 'u-' || final_dept, 'DEPARTMENT', 'REPLY', 'SIGNED', 'REPLIED',
         '{}'::jsonb FROM ids WHERE kind = 'dispatched' AND NOT still_open AND reopened
  UNION ALL
  SELECT ticket_id, 14, closed_at, 'disp', 'DISPATCHER', 'CLOSE', 'REPLIED', 'CLOSED', '{}'::jsonb
    FROM ids WHERE kind = 'dispatched' AND NOT still_open
  UNION ALL
  SELECT ticket_id, 15, closed_at + interval '2 hours', 'citizen', 'CITIZEN', 'RATE', NULL, NULL,
         jsonb_build_object('level', level, 'source', 'sms', 'status', 'COUNTED')
    FROM ids WHERE kind = 'dispatched' AND NOT still_open AND r_rate < 0.38
  UNION ALL
  SELECT ticket_id, 16, closed_at + interval '2 hours', 'system', 'SYSTEM', 'BAD_RATING', NULL, NULL,
         jsonb_build_object('level', level, 'follow_up_required', true)
    FROM ids WHERE kind = 'dispatched' AND NOT still_open AND r_rate < 0.38
                   AND level IN ('DISSATISFIED', 'VERY_DISSATISFIED')
) e ORDER BY ticket_id, seq;

-- Current deadlines (the last dispatch round), as DeadlineStore.save writes them.
INSERT INTO ticket_deadlines (ticket_id, policy, department_id, sign_by, respond_by, resolve_by, open_due_at, paused_at,
                              state, updated_at)
SELECT ticket_id, policy, final_dept, dispatched_at + sign_span, dispatched_at + respond_span,
       dispatched_at + resolve_span,
       CASE WHEN still_open THEN dispatched_at + resolve_span END, NULL,
       jsonb_build_object(
         'ticket', ticket_id::text,
         'policy', jsonb_build_object('name', policy, 'sign', '2h', 'respond', '24h', 'resolve', '7d',
                                      'warn_before', '4h', 'escalate_after', '24h'),
         'dispatched_at', to_char(dispatched_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
         'paused_at', NULL,
         'deadlines', jsonb_build_object(
           'SIGN', jsonb_build_object('span', '2h', 'started_at', bench_iso(dispatched_at), 'due_at', bench_iso(dispatched_at + sign_span),
                                      'warn_at', bench_iso(dispatched_at + sign_span / 2), 'escalate_at', bench_iso(dispatched_at + sign_span + interval '1 day'),
                                      'revision', CASE WHEN returned THEN 1 ELSE 0 END, 'met_at', bench_iso(signed_at)),
           'RESPOND', jsonb_build_object('span', '24h', 'started_at', bench_iso(dispatched_at), 'due_at', bench_iso(dispatched_at + respond_span),
                                      'warn_at', bench_iso(dispatched_at + respond_span / 2), 'escalate_at', bench_iso(dispatched_at + respond_span + interval '1 day'),
                                      'revision', CASE WHEN returned THEN 1 ELSE 0 END, 'met_at', bench_iso(contacted_at)),
           'RESOLVE', jsonb_build_object('span', '7d', 'started_at', bench_iso(dispatched_at), 'due_at', bench_iso(dispatched_at + resolve_span),
                                      'warn_at', bench_iso(dispatched_at + resolve_span / 2), 'escalate_at', bench_iso(dispatched_at + resolve_span + interval '1 day'),
                                      'revision', CASE WHEN returned THEN 1 ELSE 0 END,
                                      'met_at', CASE WHEN still_open THEN NULL ELSE bench_iso(replied_at) END))),
       coalesce(closed_at, replied_at)
  FROM ids WHERE kind = 'dispatched';

-- ~30 % of all tickets rated (38 % of the closed ones), by SMS (a few by keypad), 2 h after
-- closing; one 差评 in ten appealed and excluded three days later.
INSERT INTO ratings (ticket_id, level, source, raw_text, confidence, status, bad, follow_up_required, created_at,
                     excluded_at, excluded_reason)
SELECT ticket_id, level, CASE WHEN r3 < 0.1 THEN 'keypad' ELSE 'sms' END,
       CASE level WHEN 'VERY_SATISFIED' THEN '1' WHEN 'SATISFIED' THEN '2' WHEN 'BASIC' THEN '3'
                  WHEN 'DISSATISFIED' THEN '4' ELSE '5' END,
       'exact', 'counted', bad, bad, closed_at + interval '2 hours',
       CASE WHEN bad AND r2 < 0.1 THEN closed_at + interval '3 days' END,
       CASE WHEN bad AND r2 < 0.1 THEN '申诉成立：非承办单位原因（基准数据）' END
  FROM (SELECT ids.*, level IN ('DISSATISFIED', 'VERY_DISSATISFIED') AS bad FROM ids) i
 WHERE kind = 'dispatched' AND NOT still_open AND r_rate < 0.38;
