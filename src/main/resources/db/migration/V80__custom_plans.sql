-- Statements are prepared once per connection (the pool's prepared-statement cache), and after
-- five runs PostgreSQL may keep a generic plan that knows none of the parameters. For the desks'
-- queues (issue 14: tickets of a department in one state, newest first) that plan walks
-- tickets_created from the newest ticket and filters: with 5 M tickets, a state the department
-- has no ticket in (REOPENED, on every 待签收 tab) read every row, 17-20 s a page; the plan made
-- for the actual values reads tickets_status_created and takes 0.1 ms. No index changes the
-- generic plan's choice (tickets_queue on status, department, created_at was tried). So every
-- statement is planned for its values; planning costs a fraction of a millisecond.
-- ALTER DATABASE needs the database's owner; a server connecting as another role logs the
-- warning below and keeps PostgreSQL's default (the DBA can run the statement).
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET plan_cache_mode = force_custom_plan', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'plan_cache_mode not set (not the database owner): run ALTER DATABASE % SET plan_cache_mode = force_custom_plan', current_database();
END $$;
