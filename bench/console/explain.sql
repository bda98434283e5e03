-- The desks' statements as the server sends them. The queue statements (TicketRepository.list)
-- go unprepared, so PostgreSQL plans them for their values at every call: force_custom_plan
-- below gives that plan. For comparison, the plan PostgreSQL may keep for a prepared statement
-- after five runs (force_generic_plan), without ANALYZE: for a state the department has no ticket
-- in it reads all tickets (36 s with 5 M). psql variable: dept (the department).
PREPARE queue(text, text) AS
  SELECT id, number, status, department_id, created_at FROM tickets WHERE true AND status = $1
    AND department_id = $2 ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 0;
PREPARE centre_queue(text) AS
  SELECT id, number, status, department_id, created_at FROM tickets WHERE true AND status = $1
    ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 0;
PREPARE overdue(timestamptz, text, int, int, text[]) AS
  SELECT t.number, t.status, d.department_id, d.policy, d.open_due_at
    FROM ticket_deadlines d JOIN tickets t ON t.id = d.ticket_id
   WHERE d.open_due_at < $1 AND ($2::text IS NULL OR d.department_id = $2)
     AND ($5::text[] IS NULL OR d.department_id = ANY($5))
   ORDER BY d.open_due_at LIMIT $3 OFFSET $4;
SET plan_cache_mode = force_custom_plan;
\echo '## planned per call (as sent): department queue DISPATCHED'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE queue('DISPATCHED', :'dept');
\echo '## planned per call: department queue REOPENED'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE queue('REOPENED', :'dept');
\echo '## planned per call: department queue SIGNED'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE queue('SIGNED', :'dept');
\echo '## planned per call: department queue RETURNED'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE queue('RETURNED', :'dept');
\echo '## planned per call: department queue REPLIED'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE queue('REPLIED', :'dept');
\echo '## planned per call: dispatch queue RECEIVED'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE centre_queue('RECEIVED');
\echo '## planned per call: dispatch queue RETURNED'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE centre_queue('RETURNED');
SET plan_cache_mode = auto;
\o /dev/null
EXECUTE overdue(now(), NULL, 50, 0, ARRAY[:'dept']); EXECUTE overdue(now(), NULL, 50, 0, ARRAY[:'dept']);
EXECUTE overdue(now(), NULL, 50, 0, ARRAY[:'dept']); EXECUTE overdue(now(), NULL, 50, 0, ARRAY[:'dept']);
EXECUTE overdue(now(), NULL, 50, 0, ARRAY[:'dept']); EXECUTE overdue(now(), NULL, 50, 0, NULL);
\o
\echo '## kept prepared (sixth run, auto): overdue, one department'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE overdue(now(), NULL, 50, 0, ARRAY[:'dept']);
\echo '## kept prepared (sixth run, auto): overdue, everyone (supervisor)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE overdue(now(), NULL, 50, 0, NULL);
SET plan_cache_mode = force_generic_plan;
\echo '## generic plan if it were kept prepared (not run): department queue'
EXPLAIN (COSTS OFF) EXECUTE queue('REOPENED', :'dept');
\echo '## generic plan if it were kept prepared (not run): dispatch queue'
EXPLAIN (COSTS OFF) EXECUTE centre_queue('RETURNED');
