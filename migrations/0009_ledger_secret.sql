-- 0009: a secret of this ledger's own, for --redact. Pseudonyms (刘某, 刘某2) are numbered in an
-- order keyed by this salt, so that whoever holds the roster cannot tell who is who by hashing
-- or sorting names. Made once, here, so that a report (a reader) never has to write; never printed.
-- A keyed table, not a setting: `fs config` neither lists nor changes it.
CREATE TABLE ledger_secret (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO ledger_secret (name, value) VALUES ('redact_salt', lower(hex(randomblob(32))));
