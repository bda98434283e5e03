-- The routing decision of each ticket: which rule of which rule-set version sent it where.
CREATE TABLE ticket_routing (
  ticket_id          bigint PRIMARY KEY REFERENCES tickets (id),
  kind               text        NOT NULL CHECK (kind IN ('DISPATCH', 'MANUAL', 'EMERGENCY')),
  rule_id            text        NOT NULL,
  ruleset_version    text        NOT NULL,
  lead_department_id text,
  co_department_ids  text[]      NOT NULL DEFAULT '{}',
  policy_id          text,
  emergency_number   text,
  decided_at         timestamptz NOT NULL
);

CREATE INDEX ticket_routing_manual ON ticket_routing (decided_at) WHERE kind = 'MANUAL';
