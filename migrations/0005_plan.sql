-- 0005: the village development plan (村级发展规划) and the 1-3 practical things (实事).
-- A plan item is a goal in an area or one of the year's practical things; each has dated
-- milestones and dated progress notes. Records follow 0001: id, uid, timestamps, soft delete.

CREATE TABLE plans (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL DEFAULT 'goal',   -- DOMAIN.md plan kind: goal | practical
  area        TEXT NOT NULL,                  -- DOMAIN.md plan area
  title       TEXT NOT NULL,
  target      TEXT,
  measures    TEXT,
  -- Free text, not a roster id: an owner is often a body (村委会, a township office), not a villager.
  owner       TEXT,
  start_on    TEXT,
  due_on      TEXT,
  budget      REAL,                           -- yuan
  -- Only the states a person declares (done, dropped). NULL means "derive it from the milestones
  -- and progress notes", so the derived state can never go stale in the table.
  status      TEXT,
  done_on     TEXT,
  dropped_on  TEXT,
  drop_reason TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
);
-- Listings filter by kind and area; the "more than three practical things in a year" check and
-- the reports select by kind and due date.
CREATE INDEX plans_kind_due ON plans(kind, due_on) WHERE deleted_at IS NULL;
CREATE INDEX plans_area ON plans(area, kind) WHERE deleted_at IS NULL;

CREATE TABLE plan_milestones (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  plan_id     INTEGER NOT NULL REFERENCES plans(id),
  title       TEXT NOT NULL,
  due_on      TEXT NOT NULL,
  owner       TEXT,
  status      TEXT NOT NULL DEFAULT 'planned',  -- DOMAIN.md milestone status
  done_on     TEXT,
  note        TEXT,
  dropped_on  TEXT,
  drop_reason TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
);
CREATE INDEX plan_milestones_plan ON plan_milestones(plan_id, due_on);
-- Reports count milestones due, done and overdue in a period: index both date ranges.
CREATE INDEX plan_milestones_due ON plan_milestones(due_on, status) WHERE deleted_at IS NULL;
CREATE INDEX plan_milestones_done ON plan_milestones(done_on) WHERE deleted_at IS NULL;

CREATE TABLE plan_progress (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  plan_id     INTEGER NOT NULL REFERENCES plans(id),
  date        TEXT NOT NULL,
  note        TEXT NOT NULL,
  -- 0-100 or NULL (a note without a figure); the CHECK backs up the CLI's own validation.
  percent     INTEGER CHECK (percent IS NULL OR (percent BETWEEN 0 AND 100)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
);
-- The latest percent of a plan, and progress notes in a period.
CREATE INDEX plan_progress_plan ON plan_progress(plan_id, date);
CREATE INDEX plan_progress_date ON plan_progress(date) WHERE deleted_at IS NULL;
