-- Which telephone extension (分机/坐席号) an operator works at now: chosen on the operator's desk,
-- so the voice platform's call events for that extension pop the caller on that person's screen.
-- One person per extension: taking an extension someone else held moves it (shifts change seats).
CREATE TABLE operator_seats (
  user_name  text        PRIMARY KEY,
  extension  text        NOT NULL UNIQUE,
  taken_at   timestamptz NOT NULL
);
