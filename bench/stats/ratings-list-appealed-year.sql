-- The ratings list: ratings excluded by an upheld appeal over a year, every department.
\set m random(0, 12)
SELECT r.id, t.number, t.department_id, r.level, r.source, r.raw_text, r.status, r.created_at, r.excluded_at,
       r.excluded_reason
  FROM ratings r LEFT JOIN tickets t ON t.id = r.ticket_id
 WHERE r.excluded_at IS NOT NULL
   AND r.created_at >= '2024-12-01 00:00+08'::timestamptz + make_interval(months => :m)
   AND r.created_at < '2024-12-01 00:00+08'::timestamptz + make_interval(months => :m + 12)
 ORDER BY r.created_at DESC, r.id DESC
 LIMIT 50;
