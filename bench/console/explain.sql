-- The desks' statements as the server sends them (prepared; after five runs PostgreSQL may keep a
-- generic plan), each run six times and the sixth explained. psql variable: dept (the department).
PREPARE queue(text, text[]) AS
  SELECT id, number, status, department_id, created_at FROM tickets WHERE true AND status = $1
    AND department_id = ANY($2) ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 0;
PREPARE centre_queue(text) AS
  SELECT id, number, status, department_id, created_at FROM tickets WHERE true AND status = $1
    ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 0;
PREPARE overdue(timestamptz, text, int, int, text[]) AS
  SELECT t.number, t.status, d.department_id, d.policy, d.open_due_at
    FROM ticket_deadlines d JOIN tickets t ON t.id = d.ticket_id
   WHERE d.open_due_at < $1 AND ($2::text IS NULL OR d.department_id = $2)
     AND ($5::text[] IS NULL OR d.department_id = ANY($5))
   ORDER BY d.open_due_at LIMIT $3 OFFSET $4;
\o /dev/null
EXECUTE queue('SIGNED', ARRAY[:'dept']); EXECUTE queue('SIGNED', ARRAY[:'dept']); EXECUTE queue('SIGNED', ARRAY[:'dept']);
EXECUTE queue('SIGNED', ARRAY[:'dept']); EXECUTE queue('SIGNED', ARRAY[:'dept']);
EXECUTE centre_queue('RECEIVED'); EXECUTE centre_queue('RECEIVED'); EXECUTE centre_queue('RECEIVED');
EXECUTE centre_queue('RECEIVED'); EXECUTE centre_queue('RECEIVED');
EXECUTE overdue(now(), NULL, 50, 0, ARRAY[:'dept']); EXECUTE overdue(now(), NULL, 50, 0, ARRAY[:'dept']);
EXECUTE overdue(now(), NULL, 50, 0, ARRAY[:'dept']); EXECUTE overdue(now(), NULL, 50, 0, ARRAY[:'dept']);
EXECUTE overdue(now(), NULL, 50, 0, ARRAY[:'dept']);
EXECUTE overdue(now(), NULL, 50, 0, NULL); EXECUTE overdue(now(), NULL, 50, 0, NULL);
\o
\echo '## department queue (SIGNED, one department)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE queue('SIGNED', ARRAY[:'dept']);
\echo '## dispatch queue (RECEIVED)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE centre_queue('RECEIVED');
\echo '## overdue, one department'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE overdue(now(), NULL, 50, 0, ARRAY[:'dept']);
\echo '## overdue, everyone (supervisor)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE overdue(now(), NULL, 50, 0, NULL);
