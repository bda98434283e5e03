-- A dispatched ticket's writes as the server makes them: ticket + CREATE, DISPATCH + deadlines,
-- then sign, contact, reply (status, event, deadlines with a met mark each), in 4 commits.
BEGIN;
INSERT INTO tickets (number, channel, citizen_phone, request_type, urgency, category_code, description, department_id, status, created_at, updated_at)
  VALUES ('W' || nextval('bench_number'), 'PHONE', '13500000000', 'COMPLAINT', 'NORMAL', '020301', '压测工单', 'hhht.heating', 'DISPATCHED', now(), now()) RETURNING id AS t \gset
INSERT INTO ticket_events (ticket_id, at, actor, role, action, to_status, details) VALUES (:t, now(), 'op', 'OPERATOR', 'CREATE', 'RECEIVED', '{"channel":"PHONE"}');
INSERT INTO ticket_events (ticket_id, at, actor, role, action, from_status, to_status, details) VALUES (:t, now(), 'system', 'SYSTEM', 'DISPATCH', 'RECEIVED', 'DISPATCHED', '{"note":"按规则 r1 自动派单","department_id":"hhht.heating","policy":"ordinary"}');
INSERT INTO ticket_deadlines (ticket_id, policy, department_id, sign_by, respond_by, resolve_by, open_due_at, state, updated_at)
  VALUES (:t, 'ordinary', 'hhht.heating', now() + interval '2h', now() + interval '24h', now() + interval '7d', now() + interval '2h',
  jsonb_build_object('dispatched_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'deadlines', jsonb_build_object('SIGN', jsonb_build_object('met_at', null), 'RESPOND', jsonb_build_object('met_at', null), 'RESOLVE', jsonb_build_object('met_at', null))), now());
END;
BEGIN;
UPDATE tickets SET status = 'SIGNED', updated_at = now() WHERE id = :t;
INSERT INTO ticket_events (ticket_id, at, actor, role, action, from_status, to_status) VALUES (:t, now(), 'u', 'DEPARTMENT', 'SIGN', 'DISPATCHED', 'SIGNED');
UPDATE ticket_deadlines SET state = jsonb_set(state, '{deadlines,SIGN,met_at}', to_jsonb(to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))), open_due_at = respond_by, updated_at = now() WHERE ticket_id = :t;
END;
BEGIN;
INSERT INTO ticket_events (ticket_id, at, actor, role, action, from_status, to_status) VALUES (:t, now(), 'u', 'DEPARTMENT', 'CONTACT', 'SIGNED', 'SIGNED');
UPDATE ticket_deadlines SET state = jsonb_set(state, '{deadlines,RESPOND,met_at}', to_jsonb(to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))), open_due_at = resolve_by, updated_at = now() WHERE ticket_id = :t;
END;
BEGIN;
UPDATE tickets SET status = 'REPLIED', updated_at = now() WHERE id = :t;
INSERT INTO ticket_events (ticket_id, at, actor, role, action, from_status, to_status) VALUES (:t, now(), 'u', 'DEPARTMENT', 'REPLY', 'SIGNED', 'REPLIED');
UPDATE ticket_deadlines SET state = jsonb_set(state, '{deadlines,RESOLVE,met_at}', to_jsonb(to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))), open_due_at = NULL, updated_at = now() WHERE ticket_id = :t;
END;
