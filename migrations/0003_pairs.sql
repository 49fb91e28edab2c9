-- 0003: pairings (结对帮扶). A helper (the secretary or a work-team member) pairs with up to
-- pair.max people, records their needs and the measures, logs each time they help, and keeps in
-- touch every cadence_days. A pairing that ends keeps its row and its log: the history of who was
-- helped, how and with what result is what the annual review reads.

CREATE TABLE pairs (
  id           INTEGER PRIMARY KEY,
  uid          TEXT NOT NULL UNIQUE,
  person_id    INTEGER NOT NULL REFERENCES people(id),
  -- The helper by name, not a roster id: work-team members are not villagers on the roster, and
  -- the default helper is the `secretary` setting, itself a name.
  helper       TEXT NOT NULL,
  needs        TEXT NOT NULL,
  measures     TEXT,
  -- Days between contacts; the CLI refuses anything below 1, the CHECK guards other writers.
  cadence_days INTEGER NOT NULL CHECK (cadence_days >= 1),
  started_on   TEXT NOT NULL,
  -- NULL while active; an ended pairing has its date and outcome.
  ended_on     TEXT,
  outcome      TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT
);
-- The limit (pair.max per helper) counts a helper's active pairings on every add.
CREATE INDEX pairs_helper_active ON pairs(helper) WHERE ended_on IS NULL AND deleted_at IS NULL;
-- A person paired twice with the same helper while active is refused by the CLI; this makes the
-- database refuse it too, whoever writes.
CREATE UNIQUE INDEX pairs_active_unique ON pairs(person_id, helper) WHERE ended_on IS NULL AND deleted_at IS NULL;
-- Reports count pairings started, ended and active in a date range.
CREATE INDEX pairs_started ON pairs(started_on) WHERE deleted_at IS NULL;
CREATE INDEX pairs_ended ON pairs(ended_on) WHERE deleted_at IS NULL;
CREATE INDEX pairs_person ON pairs(person_id);

-- The help log: one dated entry per time the helper acted (need → measure → result).
CREATE TABLE pair_logs (
  id         INTEGER PRIMARY KEY,
  uid        TEXT NOT NULL UNIQUE,
  pair_id    INTEGER NOT NULL REFERENCES pairs(id),
  date       TEXT NOT NULL,
  action     TEXT NOT NULL,
  result     TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
-- A pairing's last contact (max date) and its log in order.
CREATE INDEX pair_logs_pair ON pair_logs(pair_id, date) WHERE deleted_at IS NULL;
-- Reports count help entries logged in a date range.
CREATE INDEX pair_logs_date ON pair_logs(date) WHERE deleted_at IS NULL;
