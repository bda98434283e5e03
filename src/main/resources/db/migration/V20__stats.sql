-- Reporting (the stats feature): figures per department, category and period are computed by
-- SQL over the ticket event log, tickets, ticket_deadlines and ratings (stats/StatsRepository).
-- This file adds only what those reads need. No summary table: plain indexes and generated
-- columns, which PostgreSQL keeps right on every write, so nothing can go stale and nothing has
-- to be rebuilt when the past changes.

-- 申诉复核: a rating removed from every figure after an upheld appeal. The evaluation feature
-- sets these; the figures filter on excluded_at IS NULL at read time, so an appeal decided
-- today changes last year's figures at the next read.
ALTER TABLE ratings ADD COLUMN IF NOT EXISTS excluded_at timestamptz;
ALTER TABLE ratings ADD COLUMN IF NOT EXISTS excluded_reason text;

-- Ratings received in a period (满意率, 差评率), read from the index alone.
CREATE INDEX ratings_counted_created ON ratings (created_at) INCLUDE (ticket_id, level, excluded_at)
  WHERE status = 'counted';
-- The ratings list (GET /api/ratings, newest first with filters), which bench/stats measures: every
-- rating by time, and the few an appeal excluded.
CREATE INDEX ratings_created ON ratings (created_at, id);
CREATE INDEX ratings_excluded_created ON ratings (created_at, id) WHERE excluded_at IS NOT NULL;

-- The deadline feature keeps each ticket's current round as JSON (ticket_deadlines.state); the
-- deadline figures need its dispatch time and met marks as columns, to be read from one index
-- instead of parsing a 1 kB document per ticket. Generated columns follow every write the
-- deadline feature makes, with no change to its code.
-- The instants in the state are ISO-8601 in UTC ("2026-11-27T02:00:00Z", Instant.toString): their
-- reading depends on no session setting (TimeZone, DateStyle), so the cast may be declared
-- IMMUTABLE, which a generated column requires.
CREATE FUNCTION stats_instant(text) RETURNS timestamptz LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT $1::timestamptz $$;

ALTER TABLE ticket_deadlines
  ADD COLUMN dispatched_at timestamptz GENERATED ALWAYS AS (stats_instant(state ->> 'dispatched_at')) STORED,
  ADD COLUMN sign_met_at timestamptz GENERATED ALWAYS AS (stats_instant(state #>> '{deadlines,SIGN,met_at}')) STORED,
  ADD COLUMN respond_met_at timestamptz
    GENERATED ALWAYS AS (stats_instant(state #>> '{deadlines,RESPOND,met_at}')) STORED,
  ADD COLUMN resolve_met_at timestamptz
    GENERATED ALWAYS AS (stats_instant(state #>> '{deadlines,RESOLVE,met_at}')) STORED;

-- Rounds dispatched in a period with everything 按时签收/响应率/按时办结率 read, index-only: by time
-- for every department, by department for one department's trend or a sub-tree.
CREATE INDEX ticket_deadlines_stats ON ticket_deadlines (dispatched_at)
  INCLUDE (department_id, sign_by, sign_met_at, respond_by, respond_met_at, resolve_by, resolve_met_at, paused_at,
           open_due_at, updated_at);
CREATE INDEX ticket_deadlines_stats_department ON ticket_deadlines (department_id, dispatched_at)
  INCLUDE (sign_by, sign_met_at, respond_by, respond_met_at, resolve_by, resolve_met_at, paused_at, open_due_at,
           updated_at);

-- Tickets received in a period by department (解决率, 重办率; and which tickets a department's
-- ratings belong to), index-only. Same key as tickets_department_created, plus the columns read.
CREATE INDEX tickets_stats_department ON tickets (department_id, created_at) INCLUDE (id, status, category_code);

-- Dispatches (派单) in a period (退单率's denominator), to the department the DISPATCH event names
-- in its details: by time for every department; by department, index-only (details is included
-- because PostgreSQL only reads an expression from an index that also holds its column).
CREATE INDEX ticket_events_dispatch_at ON ticket_events (at) WHERE action = 'DISPATCH';
CREATE INDEX ticket_events_dispatch_department ON ticket_events ((details ->> 'department_id'), at)
  INCLUDE (ticket_id, id, details) WHERE action = 'DISPATCH';
-- Whether another dispatch came between a dispatch and a return (the return then ends that one).
CREATE INDEX ticket_events_dispatch_ticket ON ticket_events (ticket_id, id) WHERE action = 'DISPATCH';

-- Returns (退单) and reopens (重办) since a date: few rows, read whole from these small indexes.
CREATE INDEX ticket_events_return_at ON ticket_events (at) INCLUDE (ticket_id, id) WHERE action = 'RETURN';
CREATE INDEX ticket_events_reopen_at ON ticket_events (at) INCLUDE (ticket_id) WHERE action = 'REOPEN';
