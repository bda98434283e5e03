-- Identity: staff accounts, browser sessions, API tokens, and the append-only security log.

-- People. No row is ever created with a known password: `user add` and a password reset set a
-- random one-time password that must be changed at the first login.
CREATE TABLE users (
  id                   bigserial   PRIMARY KEY,
  name                 text        NOT NULL UNIQUE,
  role                 text        NOT NULL,
  department_id        text,
  password_hash        text        NOT NULL,
  must_change_password boolean     NOT NULL DEFAULT true,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  disabled_at          timestamptz,
  -- Department staff belong to a department; an operator may belong to a sub-centre (分中心).
  CONSTRAINT users_department CHECK ((role <> 'DEPARTMENT' OR department_id IS NOT NULL)
                                     AND (department_id IS NULL OR role IN ('DEPARTMENT', 'OPERATOR')))
);

-- Browser sessions, shared by every server instance on this database. The cookie carries a
-- random id; only its SHA-256 is stored, so a copy of this table opens no session.
CREATE TABLE sessions (
  id_hash      bytea       PRIMARY KEY,
  user_id      bigint      NOT NULL REFERENCES users (id),
  csrf_token   text        NOT NULL,
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  address      text
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_last_seen ON sessions (last_seen_at);

-- Machines (the CTI, a department's own system, monitoring). Only the SHA-256 of the token is
-- stored: tokens are 256 random bits, so a fast hash is as good as a slow one here.
CREATE TABLE api_tokens (
  id            bigserial   PRIMARY KEY,
  name          text        NOT NULL,
  token_hash    bytea       NOT NULL UNIQUE,
  role          text        NOT NULL,
  department_id text,
  created_at    timestamptz NOT NULL,
  created_by    text        NOT NULL,
  expires_at    timestamptz,
  last_used_at  timestamptz,
  revoked_at    timestamptz,
  CONSTRAINT api_tokens_department_iff_role CHECK ((role = 'DEPARTMENT') = (department_id IS NOT NULL))
);
-- A revoked token's name may be given to its successor.
CREATE UNIQUE INDEX api_tokens_live_name ON api_tokens (name) WHERE revoked_at IS NULL;

-- Logins, failed logins, logouts, password changes, account and token changes, the first use of
-- a token each day, reveals of confidential contacts. Failed logins are also what the login
-- throttle counts, per account and per client address.
CREATE TABLE security_events (
  id       bigserial   PRIMARY KEY,
  at       timestamptz NOT NULL,
  kind     text        NOT NULL,
  actor    text,
  role     text,
  subject  text,
  address  text,
  details  jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX security_events_at ON security_events (at DESC);
CREATE INDEX security_events_failed_subject ON security_events (subject, at) WHERE kind = 'login_failed';
CREATE INDEX security_events_failed_address ON security_events (address, at) WHERE kind = 'login_failed';
CREATE INDEX security_events_login_subject ON security_events (subject, at) WHERE kind = 'login';

-- Evidence of who saw or changed what: no edits, no deletes, even from a buggy release.
CREATE FUNCTION security_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'security_events is append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER security_events_no_update_delete
  BEFORE UPDATE OR DELETE ON security_events
  FOR EACH ROW EXECUTE FUNCTION security_events_append_only();

CREATE TRIGGER security_events_no_truncate
  BEFORE TRUNCATE ON security_events
  FOR EACH STATEMENT EXECUTE FUNCTION security_events_append_only();
