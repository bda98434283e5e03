-- One chunk of the retraining benchmark's history (issue 13): tickets :lo..:hi of :total, spread
-- evenly over [:'start', :'start' + :months months), every one closed (or still being handled) by
-- its final department. Texts are the labelled free-text contacts (table examples, loaded by
-- retrain.sh from routing-rules/examples/free-text.tsv) with variation: a greeting, an address,
-- a number, a closing. Labels as the server writes them:
--   76 % filed with the right category code (an operator's code);
--   20 % without a code, dispatched by hand from the manual queue: a routing_choices row;
--    4 % filed under a wrong code, returned and re-dispatched to the right department: the code
--        stays wrong on the ticket, the dispatcher's choice (routing_choices) names the right one.
-- psql variables: lo, hi, total, start (timestamptz text), months.
CREATE TEMP TABLE plan ON COMMIT DROP AS
WITH base AS (
  SELECT g,
         :'start'::timestamptz + ((g - 1)::float8 / :total) * ((:'start'::timestamptz + make_interval(months => :months))
             - :'start'::timestamptz) AS created_at,
         1 + floor(random() * (SELECT count(*) FROM examples))::int AS pick,
         1 + floor(random() * (SELECT count(*) FROM examples))::int AS wrong_pick,
         random() AS r_label, random() AS r1, random() AS r2, random() AS r3, random() AS r4
    FROM generate_series(:lo::bigint, :hi::bigint) g
)
SELECT b.g, b.created_at, e.category, e.department,
       (ARRAY['', '', '', '你好，', '您好，', '喂，', '我想反映个事，', '麻烦问一下，', '投诉：', '12345你好，'])
         [1 + floor(b.r1 * 10)::int]
       || CASE WHEN b.r2 < 0.4 THEN (ARRAY['新城区', '回民区', '玉泉区', '赛罕区', '土左旗', '托县'])[1 + floor(b.r3 * 6)::int]
               || (ARRAY['幸福', '阳光', '东方', '锦绣', '民族', '滨河', '青城', '丰泽'])[1 + floor(b.r4 * 8)::int]
               || '小区' || (1 + floor(b.r2 * 30)::int) || '号楼，' ELSE '' END
       || e.text
       || (ARRAY['', '', '', '，谢谢', '，请尽快处理', '，已经好几天了', '，希望有关部门管一管', '！！', '，急',
                 '，上次反映过没解决'])[1 + floor(b.r4 * 10)::int] AS description,
       CASE WHEN b.r_label < 0.76 THEN e.category
            WHEN b.r_label < 0.96 THEN NULL
            ELSE w.category END AS category_code,
       b.r_label >= 0.76 AS chosen
  FROM base b
  JOIN examples e ON e.n = b.pick
  JOIN examples w ON w.n = b.wrong_pick;

INSERT INTO tickets (number, channel, citizen_phone, request_type, urgency, category_code, description, department_id,
                     status, created_at, updated_at)
SELECT 'H' || lpad(g::text, 9, '0'),
       (ARRAY['PHONE', 'PHONE', 'PHONE', 'SMS', 'WEB'])[1 + (g % 5)::int],
       '139' || lpad((g % 100000000)::text, 8, '0'), 'COMPLAINT', 'NORMAL', category_code, description, department,
       CASE WHEN created_at > :'start'::timestamptz + make_interval(months => :months) - interval '10 days'
            THEN 'SIGNED' ELSE 'CLOSED' END,
       created_at, created_at
  FROM plan ORDER BY g;

INSERT INTO routing_choices (ticket_id, category_code, department_id, chosen_by, chosen_at)
SELECT tk.id, p.category, p.department, 'bench-dispatcher', p.created_at + interval '1 hour'
  FROM plan p JOIN tickets tk ON tk.number = 'H' || lpad(p.g::text, 9, '0')
 WHERE p.chosen;
