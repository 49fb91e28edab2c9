-- 0001: the foundation. Roster (households, people), visits, concerns,
-- settings and the change log.
-- Every record has a short integer id for typing, a UUIDv7 uid so that the ledgers of several
-- secretaries can later be merged, created_at/updated_at (ISO-8601 UTC) and a soft delete
-- (deleted_at): a ledger never silently loses history.

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- A household is its own table so that "households not visited for N days" counts households,
-- not people; the label is what the secretary calls it (head of household, house number).
CREATE TABLE households (
  id           INTEGER PRIMARY KEY,
  uid          TEXT NOT NULL UNIQUE,
  label        TEXT NOT NULL,
  village_group TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT
);
CREATE UNIQUE INDEX households_label ON households(label) WHERE deleted_at IS NULL;

CREATE TABLE people (
  id            INTEGER PRIMARY KEY,
  uid           TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  household_id  INTEGER REFERENCES households(id),
  village_group TEXT,
  phone         TEXT,
  -- JSON array of DOMAIN.md person tags; small, read with the person, filtered with json_each.
  tags          TEXT NOT NULL DEFAULT '[]',
  notes         TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
);
CREATE INDEX people_name ON people(name);
CREATE INDEX people_household ON people(household_id);

CREATE TABLE visits (
  id           INTEGER PRIMARY KEY,
  uid          TEXT NOT NULL UNIQUE,
  date         TEXT NOT NULL,
  person_id    INTEGER NOT NULL REFERENCES people(id),
  -- The household at the time of the visit: a person who later moves keeps their visit history.
  household_id INTEGER REFERENCES households(id),
  category     TEXT NOT NULL,
  -- The must-ask topics asked, as bits in DOMAIN.md order (team 1, opinion 2, development 4,
  -- hardship 8, disputes 16; src/domain/visits.ts). A bit set rather than a child table so that
  -- coverage and reports count topics inside one covering index scan over millions of visits.
  topics       INTEGER NOT NULL DEFAULT 0 CHECK (topics BETWEEN 0 AND 31),
  notes        TEXT,
  place        TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT
);
-- Reports aggregate by date range without reading the table: counts by category and topic from
-- the first index, people and households reached (distinct counts) from the second. Two narrow
-- indexes scan faster than one wide one.
CREATE INDEX visits_date ON visits(date, category, topics) WHERE deleted_at IS NULL;
CREATE INDEX visits_reach ON visits(date, person_id, household_id) WHERE deleted_at IS NULL;
CREATE INDEX visits_person ON visits(person_id, date) WHERE deleted_at IS NULL;
-- "Households not visited for N days": the last visit of a household is one index seek.
CREATE INDEX visits_household ON visits(household_id, date) WHERE deleted_at IS NULL;

CREATE TABLE concerns (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  visit_id    INTEGER REFERENCES visits(id),
  person_id   INTEGER REFERENCES people(id),
  raised_on   TEXT NOT NULL,
  text        TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'open',
  referred_to TEXT,
  due_on      TEXT,
  resolved_on TEXT,
  feedback_on TEXT,
  note        TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
);
-- Reports count concerns raised and resolved in a period, and open / overdue / awaiting feedback
-- as of a day, from this index alone.
CREATE INDEX concerns_raised ON concerns(raised_on, resolved_on, feedback_on, due_on) WHERE deleted_at IS NULL;
CREATE INDEX concerns_visit ON concerns(visit_id);
CREATE INDEX concerns_status ON concerns(status, due_on);
-- Reports count concerns resolved in a period.
CREATE INDEX concerns_resolved ON concerns(resolved_on) WHERE deleted_at IS NULL;

-- The audit trail: one row per change, written in the same transaction as the change.
CREATE TABLE change_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  entity_uid TEXT,
  op        TEXT NOT NULL,  -- insert | update | delete
  changes   TEXT NOT NULL   -- JSON: the values written (for update: the new values of changed fields, and "before")
);
CREATE INDEX change_log_entity ON change_log(entity, entity_id);
