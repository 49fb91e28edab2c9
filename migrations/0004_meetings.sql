-- 0004: meetings and party-life events with their attendance, and village decisions under
-- "four discussions, two disclosures" (四议两公开) with their steps.
-- Same record shape as 0001: integer id, UUIDv7 uid, timestamps, soft delete.

CREATE TABLE meetings (
  id         INTEGER PRIMARY KEY,
  uid        TEXT NOT NULL UNIQUE,
  type       TEXT NOT NULL,           -- DOMAIN.md meeting key
  date       TEXT NOT NULL,
  topic      TEXT,
  place      TEXT,
  chair      TEXT,                    -- plain names: the chair may be a township official not on the roster
  recorder   TEXT,
  -- Counts are nullable: an old paper record may give neither. When attendance is named they are
  -- derived from it (plus any totals given), so reports never have to count attendance rows.
  expected   INTEGER,
  present    INTEGER,
  vote       INTEGER NOT NULL DEFAULT 0,
  -- 1 when a vote was recorded with --force although it had no quorum: shown in show, list and reports.
  forced     INTEGER NOT NULL DEFAULT 0,
  -- JSON array of what was decided: short texts read with the meeting, never queried alone.
  decisions  TEXT NOT NULL DEFAULT '[]',
  minutes    TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
-- Compliance and reports aggregate by type over date ranges: both orders are indexed.
CREATE INDEX meetings_type_date ON meetings(type, date) WHERE deleted_at IS NULL;
CREATE INDEX meetings_date ON meetings(date) WHERE deleted_at IS NULL;

-- Who was expected and whether they came. person_id is null for someone not on the roster (a
-- member registered elsewhere, a visiting official): the name is kept as typed. The name is also
-- kept for roster people, as it was on the day.
CREATE TABLE meeting_attendance (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  seq        INTEGER NOT NULL,       -- order as given
  person_id  INTEGER REFERENCES people(id),
  name       TEXT NOT NULL,
  present    INTEGER NOT NULL,
  reason     TEXT,                   -- why absent
  PRIMARY KEY (meeting_id, seq)
) WITHOUT ROWID;
CREATE INDEX meeting_attendance_person ON meeting_attendance(person_id);

CREATE TABLE decisions (
  id         INTEGER PRIMARY KEY,
  uid        TEXT NOT NULL UNIQUE,
  matter     TEXT NOT NULL,
  kind       TEXT NOT NULL DEFAULT 'other',
  date       TEXT NOT NULL,           -- when the matter was taken up ("started" in reports)
  -- Kept on the row (not recomputed from steps) so lists filter by an index; written in the same
  -- transaction as the step that changes it.
  status     TEXT NOT NULL DEFAULT 'in-progress',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX decisions_date ON decisions(date) WHERE deleted_at IS NULL;
CREATE INDEX decisions_status ON decisions(status, date) WHERE deleted_at IS NULL;

CREATE TABLE decision_steps (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  decision_id INTEGER NOT NULL REFERENCES decisions(id),
  step        TEXT NOT NULL,          -- DOMAIN.md step key
  date        TEXT NOT NULL,
  meeting_id  INTEGER REFERENCES meetings(id),
  expected    INTEGER,                -- vote steps only
  present     INTEGER,
  votes_for   INTEGER,
  passed      INTEGER,                -- 1/0 for a vote, NULL otherwise
  combined    INTEGER NOT NULL DEFAULT 0,  -- proposal and consultation taken together (一肩挑)
  note        TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
);
-- Each step happens once per decision; the order itself is a domain rule.
CREATE UNIQUE INDEX decision_steps_once ON decision_steps(decision_id, step) WHERE deleted_at IS NULL;
-- Reports count completions and rejections by step date.
CREATE INDEX decision_steps_date ON decision_steps(step, date) WHERE deleted_at IS NULL;
