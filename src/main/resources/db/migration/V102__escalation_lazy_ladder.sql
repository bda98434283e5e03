-- The ladder is planned lazily (issue 15): a ticket's own steps are one planned row, the next
-- to fire, whose `later` holds the rest of the plan in firing order (a JSON array, one array per
-- step: key, deadline kind, step kind, level, due, deadline due, audience, channels, circulate,
-- department). Firing the row plans the first of `later` in the same transaction; a fired or
-- cancelled row keeps NULL. Rows planned before this migration (every step a row, `later` NULL)
-- fire as they are; a replan of their ticket makes it lazy. A 差评 case's steps stay one row each.
ALTER TABLE escalation_steps ADD COLUMN later jsonb;
