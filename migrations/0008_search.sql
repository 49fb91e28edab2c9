-- 0008: full-text search (`fs search`) over the text of every record.
--
-- One contentless FTS5 index with the trigram tokenizer: a Chinese word of three or more
-- characters is a phrase of trigrams (exact substring match, no word segmentation needed); mixed
-- Chinese/English text works the same way. Trigrams alone cannot find a word of one or two
-- characters (路, 低保), so every indexed text ends with two line breaks: each character then
-- begins at least one trigram, and a short word is found through the trigrams it begins, read
-- from the index's own vocabulary (search_terms, search_vocab) — no table scan, no LIKE.
--
-- The rowid says what and when: (day << 32) | (source << 28) | id, where day counts days since
-- 1970-01-01 (0 for records without a date, e.g. people) and source names the table (below).
-- "Newest first" and a period are then rowid order and a rowid range, which FTS5 answers from
-- the index without reading any table, and a search stops after --limit hits.
--
-- Contentless (content=''): the text is not stored twice; a hit reads its record by id.
-- contentless_delete=1 lets the triggers remove a row by rowid alone.
--
-- Triggers keep the index in step with every write, in the writer's own transaction: adds,
-- edits, soft deletes (deleted_at set: removed from the index), undo and import alike, whoever
-- writes (the fs CLI or any other SQLite client). They use only built-in SQL functions.
--
-- Sources: 1 people (name, notes), 2 visits (notes, place), 3 concerns (text, note, referred_to),
-- 4 disputes (title, description, agreement, responsibility, escalated_to, plain party names),
-- 5 dispute_events (step notes), 6 pairs (needs, measures, outcome, helper), 7 pair_logs (help
-- log), 8 meetings (topic, place, minutes, decisions, chair, recorder, absentees' reasons),
-- 9 decisions (matter), 10 decision_steps (note), 11 plans (title, target, measures, owner),
-- 12 plan_milestones, 13 plan_progress (progress notes). src/domain/search.ts has the same list.

CREATE VIRTUAL TABLE search_index USING fts5(body, tokenize = 'trigram', content = '', contentless_delete = 1);
-- The index's terms, two ways: 'instance' finds the next term after another in a few pages (a
-- short word begins only a handful of trigrams), 'row' lists a range in one pass but reads every
-- doclist in it to count (for a character that begins very many trigrams).
CREATE VIRTUAL TABLE search_terms USING fts5vocab(search_index, 'instance');
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_index, 'row');

-- people (source 1)

CREATE TRIGGER search_people_insert AFTER INSERT ON people BEGIN
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((0 << 32) | (1 << 28) | NEW.id) AS k, coalesce(NEW.name, '') || char(10) || coalesce(NEW.notes, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_people_update AFTER UPDATE OF id, name, notes, deleted_at ON people BEGIN
  DELETE FROM search_index WHERE rowid = ((0 << 32) | (1 << 28) | OLD.id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((0 << 32) | (1 << 28) | NEW.id) AS k, coalesce(NEW.name, '') || char(10) || coalesce(NEW.notes, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_people_delete AFTER DELETE ON people BEGIN
  DELETE FROM search_index WHERE rowid = ((0 << 32) | (1 << 28) | OLD.id);
END;

-- visits (source 2)

CREATE TRIGGER search_visits_insert AFTER INSERT ON visits BEGIN
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.date) / 86400, 0), 0) << 32) | (2 << 28) | NEW.id) AS k, coalesce(NEW.notes, '') || char(10) || coalesce(NEW.place, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_visits_update AFTER UPDATE OF id, notes, place, date, deleted_at ON visits BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.date) / 86400, 0), 0) << 32) | (2 << 28) | OLD.id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.date) / 86400, 0), 0) << 32) | (2 << 28) | NEW.id) AS k, coalesce(NEW.notes, '') || char(10) || coalesce(NEW.place, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_visits_delete AFTER DELETE ON visits BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.date) / 86400, 0), 0) << 32) | (2 << 28) | OLD.id);
END;

-- concerns (source 3)

CREATE TRIGGER search_concerns_insert AFTER INSERT ON concerns BEGIN
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.raised_on) / 86400, 0), 0) << 32) | (3 << 28) | NEW.id) AS k, coalesce(NEW.text, '') || char(10) || coalesce(NEW.note, '') || char(10) || coalesce(NEW.referred_to, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_concerns_update AFTER UPDATE OF id, text, note, referred_to, raised_on, deleted_at ON concerns BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.raised_on) / 86400, 0), 0) << 32) | (3 << 28) | OLD.id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.raised_on) / 86400, 0), 0) << 32) | (3 << 28) | NEW.id) AS k, coalesce(NEW.text, '') || char(10) || coalesce(NEW.note, '') || char(10) || coalesce(NEW.referred_to, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_concerns_delete AFTER DELETE ON concerns BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.raised_on) / 86400, 0), 0) << 32) | (3 << 28) | OLD.id);
END;

-- disputes (source 4)

CREATE TRIGGER search_disputes_insert AFTER INSERT ON disputes BEGIN
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.registered_on) / 86400, 0), 0) << 32) | (4 << 28) | NEW.id) AS k, coalesce(NEW.title, '') || char(10) || coalesce(NEW.description, '') || char(10) || coalesce(NEW.agreement, '') || char(10) || coalesce(NEW.responsibility, '') || char(10) || coalesce(NEW.escalated_to, '') || char(10) || coalesce((SELECT group_concat(p.name, char(10)) FROM dispute_parties p WHERE p.dispute_id = NEW.id AND p.deleted_at IS NULL AND p.name IS NOT NULL), '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_disputes_update AFTER UPDATE OF id, title, description, agreement, responsibility, escalated_to, registered_on, deleted_at ON disputes BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.registered_on) / 86400, 0), 0) << 32) | (4 << 28) | OLD.id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.registered_on) / 86400, 0), 0) << 32) | (4 << 28) | NEW.id) AS k, coalesce(NEW.title, '') || char(10) || coalesce(NEW.description, '') || char(10) || coalesce(NEW.agreement, '') || char(10) || coalesce(NEW.responsibility, '') || char(10) || coalesce(NEW.escalated_to, '') || char(10) || coalesce((SELECT group_concat(p.name, char(10)) FROM dispute_parties p WHERE p.dispute_id = NEW.id AND p.deleted_at IS NULL AND p.name IS NOT NULL), '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_disputes_delete AFTER DELETE ON disputes BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.registered_on) / 86400, 0), 0) << 32) | (4 << 28) | OLD.id);
END;

-- dispute_events (source 5)

CREATE TRIGGER search_dispute_events_insert AFTER INSERT ON dispute_events BEGIN
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.date) / 86400, 0), 0) << 32) | (5 << 28) | NEW.id) AS k, coalesce(NEW.note, '') || char(10) || coalesce(NEW.escalated_to, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_dispute_events_update AFTER UPDATE OF id, note, escalated_to, date, deleted_at ON dispute_events BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.date) / 86400, 0), 0) << 32) | (5 << 28) | OLD.id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.date) / 86400, 0), 0) << 32) | (5 << 28) | NEW.id) AS k, coalesce(NEW.note, '') || char(10) || coalesce(NEW.escalated_to, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_dispute_events_delete AFTER DELETE ON dispute_events BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.date) / 86400, 0), 0) << 32) | (5 << 28) | OLD.id);
END;

-- pairs (source 6)

CREATE TRIGGER search_pairs_insert AFTER INSERT ON pairs BEGIN
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.started_on) / 86400, 0), 0) << 32) | (6 << 28) | NEW.id) AS k, coalesce(NEW.needs, '') || char(10) || coalesce(NEW.measures, '') || char(10) || coalesce(NEW.outcome, '') || char(10) || coalesce(NEW.helper, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_pairs_update AFTER UPDATE OF id, needs, measures, outcome, helper, started_on, deleted_at ON pairs BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.started_on) / 86400, 0), 0) << 32) | (6 << 28) | OLD.id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.started_on) / 86400, 0), 0) << 32) | (6 << 28) | NEW.id) AS k, coalesce(NEW.needs, '') || char(10) || coalesce(NEW.measures, '') || char(10) || coalesce(NEW.outcome, '') || char(10) || coalesce(NEW.helper, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_pairs_delete AFTER DELETE ON pairs BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.started_on) / 86400, 0), 0) << 32) | (6 << 28) | OLD.id);
END;

-- pair_logs (source 7)

CREATE TRIGGER search_pair_logs_insert AFTER INSERT ON pair_logs BEGIN
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.date) / 86400, 0), 0) << 32) | (7 << 28) | NEW.id) AS k, coalesce(NEW.action, '') || char(10) || coalesce(NEW.result, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_pair_logs_update AFTER UPDATE OF id, action, result, date, deleted_at ON pair_logs BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.date) / 86400, 0), 0) << 32) | (7 << 28) | OLD.id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.date) / 86400, 0), 0) << 32) | (7 << 28) | NEW.id) AS k, coalesce(NEW.action, '') || char(10) || coalesce(NEW.result, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_pair_logs_delete AFTER DELETE ON pair_logs BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.date) / 86400, 0), 0) << 32) | (7 << 28) | OLD.id);
END;

-- meetings (source 8)

CREATE TRIGGER search_meetings_insert AFTER INSERT ON meetings BEGIN
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.date) / 86400, 0), 0) << 32) | (8 << 28) | NEW.id) AS k, coalesce(NEW.topic, '') || char(10) || coalesce(NEW.place, '') || char(10) || coalesce(NEW.minutes, '') || char(10) || coalesce(NEW.decisions, '') || char(10) || coalesce(NEW.chair, '') || char(10) || coalesce(NEW.recorder, '') || char(10) || coalesce((SELECT group_concat(a.reason, char(10)) FROM meeting_attendance a WHERE a.meeting_id = NEW.id AND a.reason IS NOT NULL), '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_meetings_update AFTER UPDATE OF id, topic, place, minutes, decisions, chair, recorder, date, deleted_at ON meetings BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.date) / 86400, 0), 0) << 32) | (8 << 28) | OLD.id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.date) / 86400, 0), 0) << 32) | (8 << 28) | NEW.id) AS k, coalesce(NEW.topic, '') || char(10) || coalesce(NEW.place, '') || char(10) || coalesce(NEW.minutes, '') || char(10) || coalesce(NEW.decisions, '') || char(10) || coalesce(NEW.chair, '') || char(10) || coalesce(NEW.recorder, '') || char(10) || coalesce((SELECT group_concat(a.reason, char(10)) FROM meeting_attendance a WHERE a.meeting_id = NEW.id AND a.reason IS NOT NULL), '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_meetings_delete AFTER DELETE ON meetings BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.date) / 86400, 0), 0) << 32) | (8 << 28) | OLD.id);
END;

-- decisions (source 9)

CREATE TRIGGER search_decisions_insert AFTER INSERT ON decisions BEGIN
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.date) / 86400, 0), 0) << 32) | (9 << 28) | NEW.id) AS k, coalesce(NEW.matter, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_decisions_update AFTER UPDATE OF id, matter, date, deleted_at ON decisions BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.date) / 86400, 0), 0) << 32) | (9 << 28) | OLD.id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.date) / 86400, 0), 0) << 32) | (9 << 28) | NEW.id) AS k, coalesce(NEW.matter, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_decisions_delete AFTER DELETE ON decisions BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.date) / 86400, 0), 0) << 32) | (9 << 28) | OLD.id);
END;

-- decision_steps (source 10)

CREATE TRIGGER search_decision_steps_insert AFTER INSERT ON decision_steps BEGIN
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.date) / 86400, 0), 0) << 32) | (10 << 28) | NEW.id) AS k, coalesce(NEW.note, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_decision_steps_update AFTER UPDATE OF id, note, date, deleted_at ON decision_steps BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.date) / 86400, 0), 0) << 32) | (10 << 28) | OLD.id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.date) / 86400, 0), 0) << 32) | (10 << 28) | NEW.id) AS k, coalesce(NEW.note, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_decision_steps_delete AFTER DELETE ON decision_steps BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.date) / 86400, 0), 0) << 32) | (10 << 28) | OLD.id);
END;

-- plans (source 11)

CREATE TRIGGER search_plans_insert AFTER INSERT ON plans BEGIN
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(coalesce(NEW.start_on, NEW.due_on)) / 86400, 0), 0) << 32) | (11 << 28) | NEW.id) AS k, coalesce(NEW.title, '') || char(10) || coalesce(NEW.target, '') || char(10) || coalesce(NEW.measures, '') || char(10) || coalesce(NEW.owner, '') || char(10) || coalesce(NEW.drop_reason, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_plans_update AFTER UPDATE OF id, title, target, measures, owner, drop_reason, start_on, due_on, deleted_at ON plans BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(coalesce(OLD.start_on, OLD.due_on)) / 86400, 0), 0) << 32) | (11 << 28) | OLD.id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(coalesce(NEW.start_on, NEW.due_on)) / 86400, 0), 0) << 32) | (11 << 28) | NEW.id) AS k, coalesce(NEW.title, '') || char(10) || coalesce(NEW.target, '') || char(10) || coalesce(NEW.measures, '') || char(10) || coalesce(NEW.owner, '') || char(10) || coalesce(NEW.drop_reason, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_plans_delete AFTER DELETE ON plans BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(coalesce(OLD.start_on, OLD.due_on)) / 86400, 0), 0) << 32) | (11 << 28) | OLD.id);
END;

-- plan_milestones (source 12)

CREATE TRIGGER search_plan_milestones_insert AFTER INSERT ON plan_milestones BEGIN
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.due_on) / 86400, 0), 0) << 32) | (12 << 28) | NEW.id) AS k, coalesce(NEW.title, '') || char(10) || coalesce(NEW.note, '') || char(10) || coalesce(NEW.owner, '') || char(10) || coalesce(NEW.drop_reason, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_plan_milestones_update AFTER UPDATE OF id, title, note, owner, drop_reason, due_on, deleted_at ON plan_milestones BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.due_on) / 86400, 0), 0) << 32) | (12 << 28) | OLD.id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.due_on) / 86400, 0), 0) << 32) | (12 << 28) | NEW.id) AS k, coalesce(NEW.title, '') || char(10) || coalesce(NEW.note, '') || char(10) || coalesce(NEW.owner, '') || char(10) || coalesce(NEW.drop_reason, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_plan_milestones_delete AFTER DELETE ON plan_milestones BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.due_on) / 86400, 0), 0) << 32) | (12 << 28) | OLD.id);
END;

-- plan_progress (source 13)

CREATE TRIGGER search_plan_progress_insert AFTER INSERT ON plan_progress BEGIN
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.date) / 86400, 0), 0) << 32) | (13 << 28) | NEW.id) AS k, coalesce(NEW.note, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_plan_progress_update AFTER UPDATE OF id, note, date, deleted_at ON plan_progress BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.date) / 86400, 0), 0) << 32) | (13 << 28) | OLD.id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(NEW.date) / 86400, 0), 0) << 32) | (13 << 28) | NEW.id) AS k, coalesce(NEW.note, '') || char(10) || char(10) AS b WHERE NEW.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_plan_progress_delete AFTER DELETE ON plan_progress BEGIN
  DELETE FROM search_index WHERE rowid = ((max(coalesce(unixepoch(OLD.date) / 86400, 0), 0) << 32) | (13 << 28) | OLD.id);
END;

-- dispute_parties: the plain names of parties are part of their dispute's text

CREATE TRIGGER search_dispute_parties_insert AFTER INSERT ON dispute_parties WHEN NEW.name IS NOT NULL BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT ((max(coalesce(unixepoch(r.registered_on) / 86400, 0), 0) << 32) | (4 << 28) | r.id) FROM disputes r WHERE r.id = NEW.dispute_id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(r.registered_on) / 86400, 0), 0) << 32) | (4 << 28) | r.id) AS k, coalesce(r.title, '') || char(10) || coalesce(r.description, '') || char(10) || coalesce(r.agreement, '') || char(10) || coalesce(r.responsibility, '') || char(10) || coalesce(r.escalated_to, '') || char(10) || coalesce((SELECT group_concat(p.name, char(10)) FROM dispute_parties p WHERE p.dispute_id = r.id AND p.deleted_at IS NULL AND p.name IS NOT NULL), '') || char(10) || char(10) AS b FROM disputes r WHERE r.id = NEW.dispute_id AND r.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_dispute_parties_update AFTER UPDATE OF dispute_id, name, deleted_at ON dispute_parties WHEN OLD.name IS NOT NULL OR NEW.name IS NOT NULL BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT ((max(coalesce(unixepoch(r.registered_on) / 86400, 0), 0) << 32) | (4 << 28) | r.id) FROM disputes r WHERE r.id = OLD.dispute_id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(r.registered_on) / 86400, 0), 0) << 32) | (4 << 28) | r.id) AS k, coalesce(r.title, '') || char(10) || coalesce(r.description, '') || char(10) || coalesce(r.agreement, '') || char(10) || coalesce(r.responsibility, '') || char(10) || coalesce(r.escalated_to, '') || char(10) || coalesce((SELECT group_concat(p.name, char(10)) FROM dispute_parties p WHERE p.dispute_id = r.id AND p.deleted_at IS NULL AND p.name IS NOT NULL), '') || char(10) || char(10) AS b FROM disputes r WHERE r.id = OLD.dispute_id AND r.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
  DELETE FROM search_index WHERE rowid = (SELECT ((max(coalesce(unixepoch(r.registered_on) / 86400, 0), 0) << 32) | (4 << 28) | r.id) FROM disputes r WHERE r.id = NEW.dispute_id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(r.registered_on) / 86400, 0), 0) << 32) | (4 << 28) | r.id) AS k, coalesce(r.title, '') || char(10) || coalesce(r.description, '') || char(10) || coalesce(r.agreement, '') || char(10) || coalesce(r.responsibility, '') || char(10) || coalesce(r.escalated_to, '') || char(10) || coalesce((SELECT group_concat(p.name, char(10)) FROM dispute_parties p WHERE p.dispute_id = r.id AND p.deleted_at IS NULL AND p.name IS NOT NULL), '') || char(10) || char(10) AS b FROM disputes r WHERE r.id = NEW.dispute_id AND r.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_dispute_parties_delete AFTER DELETE ON dispute_parties WHEN OLD.name IS NOT NULL BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT ((max(coalesce(unixepoch(r.registered_on) / 86400, 0), 0) << 32) | (4 << 28) | r.id) FROM disputes r WHERE r.id = OLD.dispute_id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(r.registered_on) / 86400, 0), 0) << 32) | (4 << 28) | r.id) AS k, coalesce(r.title, '') || char(10) || coalesce(r.description, '') || char(10) || coalesce(r.agreement, '') || char(10) || coalesce(r.responsibility, '') || char(10) || coalesce(r.escalated_to, '') || char(10) || coalesce((SELECT group_concat(p.name, char(10)) FROM dispute_parties p WHERE p.dispute_id = r.id AND p.deleted_at IS NULL AND p.name IS NOT NULL), '') || char(10) || char(10) AS b FROM disputes r WHERE r.id = OLD.dispute_id AND r.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

-- meeting_attendance: the reasons of absentees are part of their meeting's text

CREATE TRIGGER search_meeting_attendance_insert AFTER INSERT ON meeting_attendance WHEN NEW.reason IS NOT NULL BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT ((max(coalesce(unixepoch(r.date) / 86400, 0), 0) << 32) | (8 << 28) | r.id) FROM meetings r WHERE r.id = NEW.meeting_id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(r.date) / 86400, 0), 0) << 32) | (8 << 28) | r.id) AS k, coalesce(r.topic, '') || char(10) || coalesce(r.place, '') || char(10) || coalesce(r.minutes, '') || char(10) || coalesce(r.decisions, '') || char(10) || coalesce(r.chair, '') || char(10) || coalesce(r.recorder, '') || char(10) || coalesce((SELECT group_concat(a.reason, char(10)) FROM meeting_attendance a WHERE a.meeting_id = r.id AND a.reason IS NOT NULL), '') || char(10) || char(10) AS b FROM meetings r WHERE r.id = NEW.meeting_id AND r.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_meeting_attendance_update AFTER UPDATE OF meeting_id, reason ON meeting_attendance WHEN OLD.reason IS NOT NULL OR NEW.reason IS NOT NULL BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT ((max(coalesce(unixepoch(r.date) / 86400, 0), 0) << 32) | (8 << 28) | r.id) FROM meetings r WHERE r.id = OLD.meeting_id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(r.date) / 86400, 0), 0) << 32) | (8 << 28) | r.id) AS k, coalesce(r.topic, '') || char(10) || coalesce(r.place, '') || char(10) || coalesce(r.minutes, '') || char(10) || coalesce(r.decisions, '') || char(10) || coalesce(r.chair, '') || char(10) || coalesce(r.recorder, '') || char(10) || coalesce((SELECT group_concat(a.reason, char(10)) FROM meeting_attendance a WHERE a.meeting_id = r.id AND a.reason IS NOT NULL), '') || char(10) || char(10) AS b FROM meetings r WHERE r.id = OLD.meeting_id AND r.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
  DELETE FROM search_index WHERE rowid = (SELECT ((max(coalesce(unixepoch(r.date) / 86400, 0), 0) << 32) | (8 << 28) | r.id) FROM meetings r WHERE r.id = NEW.meeting_id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(r.date) / 86400, 0), 0) << 32) | (8 << 28) | r.id) AS k, coalesce(r.topic, '') || char(10) || coalesce(r.place, '') || char(10) || coalesce(r.minutes, '') || char(10) || coalesce(r.decisions, '') || char(10) || coalesce(r.chair, '') || char(10) || coalesce(r.recorder, '') || char(10) || coalesce((SELECT group_concat(a.reason, char(10)) FROM meeting_attendance a WHERE a.meeting_id = r.id AND a.reason IS NOT NULL), '') || char(10) || char(10) AS b FROM meetings r WHERE r.id = NEW.meeting_id AND r.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

CREATE TRIGGER search_meeting_attendance_delete AFTER DELETE ON meeting_attendance WHEN OLD.reason IS NOT NULL BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT ((max(coalesce(unixepoch(r.date) / 86400, 0), 0) << 32) | (8 << 28) | r.id) FROM meetings r WHERE r.id = OLD.meeting_id);
  INSERT INTO search_index (rowid, body) SELECT k, b FROM (SELECT ((max(coalesce(unixepoch(r.date) / 86400, 0), 0) << 32) | (8 << 28) | r.id) AS k, coalesce(r.topic, '') || char(10) || coalesce(r.place, '') || char(10) || coalesce(r.minutes, '') || char(10) || coalesce(r.decisions, '') || char(10) || coalesce(r.chair, '') || char(10) || coalesce(r.recorder, '') || char(10) || coalesce((SELECT group_concat(a.reason, char(10)) FROM meeting_attendance a WHERE a.meeting_id = r.id AND a.reason IS NOT NULL), '') || char(10) || char(10) AS b FROM meetings r WHERE r.id = OLD.meeting_id AND r.deleted_at IS NULL) WHERE trim(b, char(9, 10, 13, 32)) <> '';
END;

-- Every live record's text as the triggers index it: the build below and a bulk import
-- (src/db/search.ts) index a whole ledger from it in one statement.
CREATE VIEW search_documents AS SELECT k, b FROM (
  SELECT ((0 << 32) | (1 << 28) | r.id) AS k, coalesce(r.name, '') || char(10) || coalesce(r.notes, '') || char(10) || char(10) AS b FROM people r WHERE r.deleted_at IS NULL
  UNION ALL
  SELECT ((max(coalesce(unixepoch(r.date) / 86400, 0), 0) << 32) | (2 << 28) | r.id) AS k, coalesce(r.notes, '') || char(10) || coalesce(r.place, '') || char(10) || char(10) AS b FROM visits r WHERE r.deleted_at IS NULL
  UNION ALL
  SELECT ((max(coalesce(unixepoch(r.raised_on) / 86400, 0), 0) << 32) | (3 << 28) | r.id) AS k, coalesce(r.text, '') || char(10) || coalesce(r.note, '') || char(10) || coalesce(r.referred_to, '') || char(10) || char(10) AS b FROM concerns r WHERE r.deleted_at IS NULL
  UNION ALL
  SELECT ((max(coalesce(unixepoch(r.registered_on) / 86400, 0), 0) << 32) | (4 << 28) | r.id) AS k, coalesce(r.title, '') || char(10) || coalesce(r.description, '') || char(10) || coalesce(r.agreement, '') || char(10) || coalesce(r.responsibility, '') || char(10) || coalesce(r.escalated_to, '') || char(10) || coalesce((SELECT group_concat(p.name, char(10)) FROM dispute_parties p WHERE p.dispute_id = r.id AND p.deleted_at IS NULL AND p.name IS NOT NULL), '') || char(10) || char(10) AS b FROM disputes r WHERE r.deleted_at IS NULL
  UNION ALL
  SELECT ((max(coalesce(unixepoch(r.date) / 86400, 0), 0) << 32) | (5 << 28) | r.id) AS k, coalesce(r.note, '') || char(10) || coalesce(r.escalated_to, '') || char(10) || char(10) AS b FROM dispute_events r WHERE r.deleted_at IS NULL
  UNION ALL
  SELECT ((max(coalesce(unixepoch(r.started_on) / 86400, 0), 0) << 32) | (6 << 28) | r.id) AS k, coalesce(r.needs, '') || char(10) || coalesce(r.measures, '') || char(10) || coalesce(r.outcome, '') || char(10) || coalesce(r.helper, '') || char(10) || char(10) AS b FROM pairs r WHERE r.deleted_at IS NULL
  UNION ALL
  SELECT ((max(coalesce(unixepoch(r.date) / 86400, 0), 0) << 32) | (7 << 28) | r.id) AS k, coalesce(r.action, '') || char(10) || coalesce(r.result, '') || char(10) || char(10) AS b FROM pair_logs r WHERE r.deleted_at IS NULL
  UNION ALL
  SELECT ((max(coalesce(unixepoch(r.date) / 86400, 0), 0) << 32) | (8 << 28) | r.id) AS k, coalesce(r.topic, '') || char(10) || coalesce(r.place, '') || char(10) || coalesce(r.minutes, '') || char(10) || coalesce(r.decisions, '') || char(10) || coalesce(r.chair, '') || char(10) || coalesce(r.recorder, '') || char(10) || coalesce((SELECT group_concat(a.reason, char(10)) FROM meeting_attendance a WHERE a.meeting_id = r.id AND a.reason IS NOT NULL), '') || char(10) || char(10) AS b FROM meetings r WHERE r.deleted_at IS NULL
  UNION ALL
  SELECT ((max(coalesce(unixepoch(r.date) / 86400, 0), 0) << 32) | (9 << 28) | r.id) AS k, coalesce(r.matter, '') || char(10) || char(10) AS b FROM decisions r WHERE r.deleted_at IS NULL
  UNION ALL
  SELECT ((max(coalesce(unixepoch(r.date) / 86400, 0), 0) << 32) | (10 << 28) | r.id) AS k, coalesce(r.note, '') || char(10) || char(10) AS b FROM decision_steps r WHERE r.deleted_at IS NULL
  UNION ALL
  SELECT ((max(coalesce(unixepoch(coalesce(r.start_on, r.due_on)) / 86400, 0), 0) << 32) | (11 << 28) | r.id) AS k, coalesce(r.title, '') || char(10) || coalesce(r.target, '') || char(10) || coalesce(r.measures, '') || char(10) || coalesce(r.owner, '') || char(10) || coalesce(r.drop_reason, '') || char(10) || char(10) AS b FROM plans r WHERE r.deleted_at IS NULL
  UNION ALL
  SELECT ((max(coalesce(unixepoch(r.due_on) / 86400, 0), 0) << 32) | (12 << 28) | r.id) AS k, coalesce(r.title, '') || char(10) || coalesce(r.note, '') || char(10) || coalesce(r.owner, '') || char(10) || coalesce(r.drop_reason, '') || char(10) || char(10) AS b FROM plan_milestones r WHERE r.deleted_at IS NULL
  UNION ALL
  SELECT ((max(coalesce(unixepoch(r.date) / 86400, 0), 0) << 32) | (13 << 28) | r.id) AS k, coalesce(r.note, '') || char(10) || char(10) AS b FROM plan_progress r WHERE r.deleted_at IS NULL
) WHERE trim(b, char(9, 10, 13, 32)) <> '';

-- The existing ledger, indexed once.

INSERT INTO search_index (rowid, body) SELECT k, b FROM search_documents;

-- One segment for the whole existing ledger: the fastest shape to query.
INSERT INTO search_index (search_index) VALUES ('optimize');
