-- 0010: presence in the village (驻村考勤). One status a day: a later entry for the same day
-- replaces the earlier one (an update through the change log, so undo and history see it), hence
-- one live row per date. Holidays the calendar package does not know yet, or gets wrong, are the
-- user's own corrections (a make-up working day, 调休, is workday = 1).

CREATE TABLE presence_days (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  status      TEXT NOT NULL CHECK (status IN ('in-village', 'business', 'training', 'leave', 'absent')),
  leave_type  TEXT CHECK (leave_type IS NULL OR leave_type IN ('personal', 'sick', 'annual', 'other')),
  approved_by TEXT,
  note        TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  -- Leave has a type; other days have none.
  CHECK ((status = 'leave') = (leave_type IS NOT NULL))
);
CREATE UNIQUE INDEX presence_days_date ON presence_days(date) WHERE deleted_at IS NULL;

CREATE TABLE presence_holidays (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  workday     INTEGER NOT NULL CHECK (workday IN (0, 1)),
  note        TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
);
CREATE UNIQUE INDEX presence_holidays_date ON presence_holidays(date) WHERE deleted_at IS NULL;
