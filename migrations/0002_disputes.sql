-- 0002: disputes (矛盾纠纷) and petitions (信访): the case, its parties, and its timeline.
-- Keys (category, source, channel, risk, flags, status) are the DOMAIN.md keys, validated in
-- src/domain/dispute.ts: the database does not repeat the lists, so adding a key needs no migration.

-- One row per case, holding its current state. The history lives in dispute_events; the row is
-- what lists and filters read without replaying the timeline.
CREATE TABLE disputes (
  id                 INTEGER PRIMARY KEY,
  uid                TEXT NOT NULL UNIQUE,
  title              TEXT NOT NULL,
  category           TEXT NOT NULL,
  source             TEXT NOT NULL,
  -- Only for source 'petition': how it came in (letter, in-person, hotline, ...).
  channel            TEXT,
  risk               TEXT,
  -- JSON array of risk flags (criminal-risk, group-risk), read with the case.
  flags              TEXT NOT NULL DEFAULT '[]',
  registered_on      TEXT NOT NULL,
  -- The facts and points in dispute (人民调解法 art. 29).
  description        TEXT,
  -- The visit in which it was found: `fs visit show` lists the disputes found there.
  visit_id           INTEGER REFERENCES visits(id),
  status             TEXT NOT NULL,
  -- Date of the latest event that set the state (a failed return visit re-sets 'resolved' with a
  -- new due date): later status changes may not be dated before it.
  status_on          TEXT NOT NULL,
  -- The mediation agreement (art. 29): terms, each side's responsibility, performed by when.
  agreed_on          TEXT,
  agreement          TEXT,
  responsibility     TEXT,
  perform_by         TEXT,
  -- The parties will ask a court to confirm the agreement (art. 33: within 30 days).
  court_confirmation INTEGER NOT NULL DEFAULT 0,
  -- When the next return visit (回访) falls due while the case is 'resolved'.
  revisit_due        TEXT,
  escalated_to       TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  deleted_at         TEXT
);
-- Lists and the monthly report filter by registration date; open/overdue lists by status. The
-- registration index carries the current status and its date so that "which cases can have been
-- open on day X" is answered from the index alone, for every interval of a report.
CREATE INDEX disputes_registered ON disputes(registered_on, status, status_on, category, source, channel) WHERE deleted_at IS NULL;
CREATE INDEX disputes_status ON disputes(status, status_on, registered_on) WHERE deleted_at IS NULL;
CREATE INDEX disputes_visit ON disputes(visit_id);

-- A party is a roster person (person_id) or a plain name not (yet) on the roster (name).
CREATE TABLE dispute_parties (
  id         INTEGER PRIMARY KEY,
  uid        TEXT NOT NULL UNIQUE,
  dispute_id INTEGER NOT NULL REFERENCES disputes(id),
  -- Order as given: the first party is the one who brought the case (the petitioner of a petition).
  position   INTEGER NOT NULL,
  person_id  INTEGER REFERENCES people(id),
  name       TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  CHECK (person_id IS NOT NULL OR name IS NOT NULL)
);
CREATE INDEX dispute_parties_dispute ON dispute_parties(dispute_id, position);
CREATE INDEX dispute_parties_person ON dispute_parties(person_id);
CREATE INDEX dispute_parties_name ON dispute_parties(name);

-- The timeline: registration, every mediation step and every status change, dated.
-- to_status is set only on events that set the case's state, so the state on any past day is
-- the latest such event on or before it (the report counts open and overdue cases "as of").
CREATE TABLE dispute_events (
  id           INTEGER PRIMARY KEY,
  uid          TEXT NOT NULL UNIQUE,
  dispute_id   INTEGER NOT NULL REFERENCES disputes(id),
  date         TEXT NOT NULL,
  kind         TEXT NOT NULL,  -- register | step | agreement | revisit | escalation | withdrawal
  from_status  TEXT,
  to_status    TEXT,
  note         TEXT,
  -- JSON array of the people who took part in a step (mediators, elders, the judicial office).
  participants TEXT NOT NULL DEFAULT '[]',
  performed    INTEGER,        -- return visit: was the agreement performed (0/1)
  satisfied    INTEGER,        -- return visit: were the parties satisfied (0/1, or unknown)
  escalated_to TEXT,
  revisit_due  TEXT,           -- the return visit due date this event set
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT
);
-- Period counts aggregate events by date range (covering: kind and status without reading the row);
-- the timeline and "state as of" read by case.
CREATE INDEX dispute_events_date ON dispute_events(date, kind, to_status, dispute_id) WHERE deleted_at IS NULL;
CREATE INDEX dispute_events_dispute ON dispute_events(dispute_id, date);
