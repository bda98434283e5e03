-- The ratings list: a county's sub-tree (新城区 and its streets), one month, third page.
\set m random(0, 23)
SELECT r.id, t.number, t.department_id, r.level, r.source, r.raw_text, r.status, r.created_at, r.excluded_at
  FROM ratings r JOIN tickets t ON t.id = r.ticket_id
 WHERE t.department_id = ANY ('{hhht.xincheng,hhht.xincheng.dongjie,hhht.xincheng.xijie,hhht.xincheng.hailaerdonglu}')
   AND r.created_at >= '2024-12-01 00:00+08'::timestamptz + make_interval(months => :m)
   AND r.created_at < '2024-12-01 00:00+08'::timestamptz + make_interval(months => :m + 1)
 ORDER BY r.created_at DESC, r.id DESC
 LIMIT 50 OFFSET 100;
