-- The desks' queue (TicketRepository.list: one state, the viewer's departments, newest first, 50),
-- planned for its values at every call (ValuePlans), still read too much with 5 M tickets:
-- tickets_status_created reads the state's tickets of every department newest first and filters
-- (DISPATCHED: 145 ms cold), or a bitmap AND with tickets_department_created reads the
-- department's 115,000 tickets of two years (REPLIED 260 ms, RETURNED 238 ms warm). This index
-- holds exactly the department's tickets in that state newest first: for one department
-- (department_id = $n) the scan stops after a page; for several (department_id = ANY, which
-- gives no order in PostgreSQL 15) they are read and sorted, a few hundred to a few thousand
-- rows. Partial on the open states (the only ones a desk lists): ~2 % of the tickets, so it stays
-- small and cached. A plan for the values proves "status = 'SIGNED'" implies the predicate; a
-- generic plan could not use it, which is one more reason the statement is planned per call.
-- Built without CONCURRENTLY (Flyway runs it in its transaction): writes to tickets wait for it,
-- some seconds with 5 M tickets.
CREATE INDEX tickets_desk_queue ON tickets (status, department_id, created_at DESC, id DESC)
  WHERE status IN ('RECEIVED', 'DISPATCHED', 'SIGNED', 'RETURNED', 'REPLIED', 'REOPENED');
