-- 0006: one command, one change set. Every row a command writes to change_log carries the id of
-- the command's change set, so history and undo speak in commands ("visit add": the visit and its
-- concerns), not in rows. A set names its command and the flags given, never their values (they
-- can hold a villager's name or phone). An undo is a set too: `undoes` is the set it reverted.

CREATE TABLE change_set (
  id       INTEGER PRIMARY KEY,
  at       TEXT NOT NULL,
  command  TEXT NOT NULL,              -- "visit add", "plan milestone done", "" for library callers
  flags    TEXT NOT NULL DEFAULT '',   -- "--concern --person": the flags given, no values
  undoes   INTEGER REFERENCES change_set(id)
);
CREATE INDEX change_set_undoes ON change_set(undoes) WHERE undoes IS NOT NULL;

ALTER TABLE change_log ADD COLUMN change_set INTEGER REFERENCES change_set(id);
CREATE INDEX change_log_set ON change_log(change_set);

-- Rows logged before change sets existed: each row is its own set (ids kept equal, so the first
-- new set follows them), and an old undo row's set undoes the set of the row it reverted.
INSERT INTO change_set (id, at, command, undoes)
  SELECT id, at, '', CASE WHEN op = 'undo' THEN json_extract(changes, '$.undoes') END FROM change_log ORDER BY id;
UPDATE change_log SET change_set = id;
