-- V80 made PostgreSQL plan every statement for its values, database-wide, because the desks'
-- queue statement got a generic plan that read every ticket (20 s with 5 M tickets). Re-planning
-- every statement cost intake 20-35 % (the foreign-key checks PostgreSQL runs through SPI are
-- prepared statements too: 0.39 ms instead of 0.046 ms for ten escalation_steps rows). The few
-- statements that need plans for their values are now sent unprepared by the server itself
-- (ValuePlans), so the database goes back to PostgreSQL's default.
-- ALTER DATABASE needs the database's owner; a server connecting as another role logs the
-- warning below (the DBA can run the statement).
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I RESET plan_cache_mode', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'plan_cache_mode not reset (not the database owner): run ALTER DATABASE % RESET plan_cache_mode', current_database();
END $$;
