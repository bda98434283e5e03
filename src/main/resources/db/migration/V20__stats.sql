-- Reporting (the stats feature): figures per department, category and period are computed by
-- SQL over the ticket event log, ticket_deadlines and ratings (StatsRepository). This file adds
-- only what those reads need: plain indexes (kept correct by PostgreSQL on every write, so no
-- summary table can go stale) and the rating exclusion columns.

-- 申诉复核: a rating removed from every figure after an upheld appeal. The evaluation feature
-- sets these; the figures filter on excluded_at IS NULL at read time, so an appeal decided
-- today changes last year's figures at the next read, with nothing to rebuild.
ALTER TABLE ratings ADD COLUMN IF NOT EXISTS excluded_at timestamptz;
ALTER TABLE ratings ADD COLUMN IF NOT EXISTS excluded_reason text;

-- Ratings received in a period (满意率, 差评率): only counted ratings ever enter a figure.
CREATE INDEX ratings_counted_created ON ratings (created_at) INCLUDE (ticket_id, level, excluded_at)
  WHERE status = 'counted';

-- Dispatches (派单) in a period, and per department for one department's trend (退单率's
-- denominator). The department is the one the DISPATCH event names in its details.
CREATE INDEX ticket_events_dispatch_at ON ticket_events (at) WHERE action = 'DISPATCH';
CREATE INDEX ticket_events_dispatch_department ON ticket_events ((details ->> 'department_id'), at)
  WHERE action = 'DISPATCH';

-- Returns (退单) and reopens (重办) since a date: few rows, read whole from these small indexes.
CREATE INDEX ticket_events_return_at ON ticket_events (at) INCLUDE (ticket_id) WHERE action = 'RETURN';
CREATE INDEX ticket_events_reopen_at ON ticket_events (at) INCLUDE (ticket_id) WHERE action = 'REOPEN';
