-- One ticket row plus its CREATE event, one commit: the plain SQL floor of an intake request.
BEGIN;
INSERT INTO tickets (number, channel, citizen_phone, request_type, urgency, description, status, created_at, updated_at)
  VALUES ('B' || nextval('bench_number'), 'WEB', '13500000000', 'COMPLAINT', 'NORMAL', '压测工单：小区路灯不亮，请尽快维修',
          'RECEIVED', now(), now()) RETURNING id AS ticket_id \gset
INSERT INTO ticket_events (ticket_id, at, actor, role, action, to_status, details)
  VALUES (:ticket_id, now(), 'web:13500000000', 'CITIZEN', 'CREATE', 'RECEIVED', '{"channel":"WEB"}');
END;
