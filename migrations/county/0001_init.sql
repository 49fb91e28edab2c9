-- The county database: a projection of many village ledgers, each record keyed by (ledger, uid).
-- Every table lives in the schema `county`. The ledger's own integer ids never travel: references
-- between records are by uid, so a ledger restored from a backup or imported on another machine
-- (new integer ids, same uids) lands on the same rows. Newer `updated_at` wins; soft deletes travel
-- as rows with `deleted_at` set (tombstones). Applied by `fs county init`, forward only.
CREATE SCHEMA IF NOT EXISTS county;

CREATE TABLE county.schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);

-- One row per registered ledger (one secretary's village). `role_name` is the PostgreSQL role that
-- may write this ledger's rows and no other's.
CREATE TABLE county.ledgers (
  id            uuid PRIMARY KEY,
  village       text NOT NULL,
  township      text,
  secretary     text NOT NULL,
  role_name     text NOT NULL UNIQUE,
  registered_at timestamptz NOT NULL DEFAULT now()
);
-- One ledger per village of a township (fs county add-ledger also refuses a second one in words).
CREATE UNIQUE INDEX ledgers_village ON county.ledgers (village, coalesce(township, ''));

-- The ledger a connected role writes: NULL for the county office's own (owner) connection.
CREATE FUNCTION county.my_ledger() RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, county
  AS $$ SELECT id FROM county.ledgers WHERE role_name = session_user $$;

-- One row per successful push, written in the push's own transaction: its watermark (the newest
-- `updated_at` it carried) is where the next push starts, and it advances only on commit.
CREATE TABLE county.pushes (
  id        bigserial PRIMARY KEY,
  ledger    uuid NOT NULL REFERENCES county.ledgers(id),
  pushed_at timestamptz NOT NULL DEFAULT now(),
  watermark timestamptz,
  records   bigint NOT NULL,
  fs_version text
);
CREATE INDEX pushes_ledger ON county.pushes (ledger, id DESC);

-- The ledger's settings (rules such as concern.due_days and meeting frequencies), replaced as a
-- whole on every push. Keys under `county.` (the connection string) never leave the ledger.
CREATE TABLE county.settings (
  ledger     uuid NOT NULL REFERENCES county.ledgers(id),
  key        text NOT NULL,
  value      text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (ledger, key)
);

-- The record tables below carry `ledger` without a foreign key to county.ledgers: every write comes
-- through a ledger's role, whose row-level security policy already holds `ledger` to that role's own
-- registered ledger, and a key checked (and the ledgers row share-locked) per row cost a bulk push
-- about a third of its time.
CREATE TABLE county.households (
  ledger        uuid NOT NULL,
  uid           uuid NOT NULL,
  label         text NOT NULL,
  village_group text,
  added_on      date,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  deleted_at    timestamptz,
  PRIMARY KEY (ledger, uid)
);

CREATE TABLE county.people (
  ledger        uuid NOT NULL,
  uid           uuid NOT NULL,
  name          text NOT NULL,
  household_uid uuid,
  village_group text,
  phone         text,
  tags          jsonb NOT NULL DEFAULT '[]',
  notes         text,
  added_on      date,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  deleted_at    timestamptz,
  PRIMARY KEY (ledger, uid)
);

CREATE TABLE county.visits (
  ledger        uuid NOT NULL,
  uid           uuid NOT NULL,
  date          date NOT NULL,
  person_uid    uuid NOT NULL,
  household_uid uuid,
  category      text NOT NULL,
  topics        smallint NOT NULL DEFAULT 0,
  notes         text,
  place         text,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  deleted_at    timestamptz,
  PRIMARY KEY (ledger, uid)
);
-- The county report's scan: a village's visits of a period in one index-only range.
CREATE INDEX visits_ledger_date ON county.visits (ledger, date) INCLUDE (person_uid, household_uid, category, topics) WHERE deleted_at IS NULL;

CREATE TABLE county.concerns (
  ledger      uuid NOT NULL,
  uid         uuid NOT NULL,
  visit_uid   uuid,
  person_uid  uuid,
  raised_on   date NOT NULL,
  text        text NOT NULL,
  status      text NOT NULL,
  referred_to text,
  due_on      date,
  resolved_on date,
  feedback_on date,
  note        text,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  deleted_at  timestamptz,
  PRIMARY KEY (ledger, uid)
);

CREATE TABLE county.disputes (
  ledger             uuid NOT NULL,
  uid                uuid NOT NULL,
  title              text NOT NULL,
  category           text NOT NULL,
  source             text NOT NULL,
  channel            text,
  risk               text,
  flags              jsonb NOT NULL DEFAULT '[]',
  registered_on      date NOT NULL,
  description        text,
  visit_uid          uuid,
  status             text NOT NULL,
  status_on          date NOT NULL,
  agreed_on          date,
  agreement          text,
  responsibility     text,
  perform_by         date,
  court_confirmation smallint NOT NULL DEFAULT 0,
  revisit_due        date,
  escalated_to       text,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  deleted_at         timestamptz,
  PRIMARY KEY (ledger, uid)
);

CREATE TABLE county.dispute_parties (
  ledger      uuid NOT NULL,
  uid         uuid NOT NULL,
  dispute_uid uuid NOT NULL,
  position    integer NOT NULL,
  person_uid  uuid,
  name        text,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  deleted_at  timestamptz,
  PRIMARY KEY (ledger, uid)
);

CREATE TABLE county.dispute_events (
  ledger       uuid NOT NULL,
  uid          uuid NOT NULL,
  dispute_uid  uuid NOT NULL,
  date         date NOT NULL,
  kind         text NOT NULL,
  from_status  text,
  to_status    text,
  note         text,
  participants jsonb NOT NULL DEFAULT '[]',
  performed    smallint,
  satisfied    smallint,
  escalated_to text,
  revisit_due  date,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  deleted_at   timestamptz,
  PRIMARY KEY (ledger, uid)
);

CREATE TABLE county.pairs (
  ledger       uuid NOT NULL,
  uid          uuid NOT NULL,
  person_uid   uuid NOT NULL,
  helper       text NOT NULL,
  needs        text NOT NULL,
  measures     text,
  cadence_days integer NOT NULL,
  started_on   date NOT NULL,
  ended_on     date,
  outcome      text,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  deleted_at   timestamptz,
  PRIMARY KEY (ledger, uid)
);

CREATE TABLE county.pair_logs (
  ledger     uuid NOT NULL,
  uid        uuid NOT NULL,
  pair_uid   uuid NOT NULL,
  date       date NOT NULL,
  action     text NOT NULL,
  result     text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  PRIMARY KEY (ledger, uid)
);

-- Attendance (who was absent and why) stays in the ledger: the county reads the counts.
CREATE TABLE county.meetings (
  ledger     uuid NOT NULL,
  uid        uuid NOT NULL,
  type       text NOT NULL,
  date       date NOT NULL,
  topic      text,
  place      text,
  chair      text,
  recorder   text,
  expected   integer,
  present    integer,
  vote       smallint NOT NULL DEFAULT 0,
  forced     smallint NOT NULL DEFAULT 0,
  decisions  jsonb NOT NULL DEFAULT '[]',
  minutes    text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  PRIMARY KEY (ledger, uid)
);

CREATE TABLE county.decisions (
  ledger     uuid NOT NULL,
  uid        uuid NOT NULL,
  matter     text NOT NULL,
  kind       text NOT NULL,
  date       date NOT NULL,
  status     text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  PRIMARY KEY (ledger, uid)
);

CREATE TABLE county.decision_steps (
  ledger       uuid NOT NULL,
  uid          uuid NOT NULL,
  decision_uid uuid NOT NULL,
  step         text NOT NULL,
  date         date NOT NULL,
  meeting_uid  uuid,
  expected     integer,
  present      integer,
  votes_for    integer,
  passed       smallint,
  combined     smallint NOT NULL DEFAULT 0,
  note         text,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  deleted_at   timestamptz,
  PRIMARY KEY (ledger, uid)
);

CREATE TABLE county.plans (
  ledger      uuid NOT NULL,
  uid         uuid NOT NULL,
  kind        text NOT NULL,
  area        text NOT NULL,
  title       text NOT NULL,
  target      text,
  measures    text,
  owner       text,
  start_on    date,
  due_on      date,
  budget      double precision,
  status      text,
  done_on     date,
  dropped_on  date,
  drop_reason text,
  added_on    date,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  deleted_at  timestamptz,
  PRIMARY KEY (ledger, uid)
);

CREATE TABLE county.plan_milestones (
  ledger      uuid NOT NULL,
  uid         uuid NOT NULL,
  plan_uid    uuid NOT NULL,
  title       text NOT NULL,
  due_on      date NOT NULL,
  owner       text,
  status      text NOT NULL,
  done_on     date,
  note        text,
  dropped_on  date,
  drop_reason text,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  deleted_at  timestamptz,
  PRIMARY KEY (ledger, uid)
);

CREATE TABLE county.plan_progress (
  ledger     uuid NOT NULL,
  uid        uuid NOT NULL,
  plan_uid   uuid NOT NULL,
  date       date NOT NULL,
  note       text NOT NULL,
  percent    integer,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  PRIMARY KEY (ledger, uid)
);

CREATE TABLE county.presence_days (
  ledger      uuid NOT NULL,
  uid         uuid NOT NULL,
  date        date NOT NULL,
  status      text NOT NULL,
  leave_type  text,
  approved_by text,
  note        text,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  deleted_at  timestamptz,
  PRIMARY KEY (ledger, uid)
);

CREATE TABLE county.presence_holidays (
  ledger     uuid NOT NULL,
  uid        uuid NOT NULL,
  date       date NOT NULL,
  workday    smallint NOT NULL,
  note       text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  PRIMARY KEY (ledger, uid)
);

-- The county report reads each ledger's rows of a period: one index range per ledger and table,
-- holding the columns its figures need, so that a year of hundreds of villages is read from the
-- indexes alone (src/db/county/report.ts).
CREATE INDEX meetings_ledger_date ON county.meetings (ledger, date) INCLUDE (type, forced, expected, present) WHERE deleted_at IS NULL;
CREATE INDEX dispute_events_ledger_date ON county.dispute_events (ledger, date) INCLUDE (dispute_uid, uid, kind, to_status, revisit_due) WHERE deleted_at IS NULL;
CREATE INDEX concerns_ledger_raised ON county.concerns (ledger, raised_on) INCLUDE (resolved_on, feedback_on, due_on) WHERE deleted_at IS NULL;
CREATE INDEX people_ledger_household ON county.people (ledger, household_uid) INCLUDE (added_on) WHERE deleted_at IS NULL;
CREATE INDEX pair_logs_ledger_pair ON county.pair_logs (ledger, pair_uid, date) WHERE deleted_at IS NULL;
CREATE INDEX presence_days_ledger_date ON county.presence_days (ledger, date) INCLUDE (status) WHERE deleted_at IS NULL;

-- Row-level security: a ledger's role sees and writes its own rows only (county.my_ledger()); the
-- county office (the tables' owner) reads everything. The initplan form `(SELECT county.my_ledger())`
-- is evaluated once per statement, not once per row.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['settings', 'households', 'people', 'visits', 'concerns', 'disputes', 'dispute_parties',
    'dispute_events', 'pairs', 'pair_logs', 'meetings', 'decisions', 'decision_steps', 'plans', 'plan_milestones',
    'plan_progress', 'presence_days', 'presence_holidays', 'pushes']
  LOOP
    EXECUTE format('ALTER TABLE county.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY own_ledger ON county.%I USING (ledger = (SELECT county.my_ledger())) WITH CHECK (ledger = (SELECT county.my_ledger()))', t);
  END LOOP;
END $$;
ALTER TABLE county.ledgers ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_ledger ON county.ledgers USING (id = (SELECT county.my_ledger()));

-- What every ledger role may do (each ledger's role is a member of fs_ledger, made by
-- `fs county add-ledger`): read and write its own rows through the policies above, stage a push in
-- temporary tables, and record the push. Roles are cluster-wide, so the group may exist already.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fs_ledger') THEN
    CREATE ROLE fs_ledger NOLOGIN;
  END IF;
END $$;
GRANT USAGE ON SCHEMA county TO fs_ledger;
GRANT SELECT, INSERT, UPDATE ON county.households, county.people, county.visits, county.concerns, county.disputes,
  county.dispute_parties, county.dispute_events, county.pairs, county.pair_logs, county.meetings, county.decisions,
  county.decision_steps, county.plans, county.plan_milestones, county.plan_progress, county.presence_days,
  county.presence_holidays TO fs_ledger;
GRANT SELECT, INSERT, UPDATE, DELETE ON county.settings TO fs_ledger;
GRANT SELECT ON county.ledgers, county.schema_migrations TO fs_ledger;
GRANT SELECT, INSERT ON county.pushes TO fs_ledger;
GRANT USAGE ON SEQUENCE county.pushes_id_seq TO fs_ledger;
REVOKE ALL ON FUNCTION county.my_ledger() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION county.my_ledger() TO fs_ledger;
