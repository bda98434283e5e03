-- The ratings list: the centre's newest 非常不满意 over 30 days, every department, by SMS.
\set m random(0, 23)
SELECT r.id, t.number, t.department_id, r.level, r.source, r.raw_text, r.status, r.created_at, r.excluded_at
  FROM ratings r LEFT JOIN tickets t ON t.id = r.ticket_id
 WHERE r.level = 'VERY_DISSATISFIED' AND r.source = 'sms'
   AND r.created_at >= '2024-12-01 00:00+08'::timestamptz + make_interval(months => :m)
   AND r.created_at < '2024-12-01 00:00+08'::timestamptz + make_interval(months => :m) + interval '30 days'
 ORDER BY r.created_at DESC, r.id DESC
 LIMIT 50;
