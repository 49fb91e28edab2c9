-- Visits per day and category, with the must-ask topics asked (one column per topic, in DOMAIN.md
-- order), kept by triggers in step with every write to visits in the same transaction: a report
-- sums a year's days from ~1,800 rows instead of grouping ~200,000 visits of the date index (a
-- year's work report read them twice, on both of its threads). Derived data of this file: it is
-- never exported (an import rebuilds it through the same triggers) and never in the change log.
-- A day and category without a visit have no row.
CREATE TABLE visit_days (
  date          TEXT NOT NULL,
  category      TEXT NOT NULL,
  visits        INTEGER NOT NULL CHECK (visits > 0),
  "team"        INTEGER NOT NULL,
  "opinion"     INTEGER NOT NULL,
  "development" INTEGER NOT NULL,
  "hardship"    INTEGER NOT NULL,
  "disputes"    INTEGER NOT NULL,
  PRIMARY KEY (date, category)
) WITHOUT ROWID;

INSERT INTO visit_days (date, category, visits, "team", "opinion", "development", "hardship", "disputes")
  SELECT date, category, count(*), count(*) FILTER (WHERE topics & 1), count(*) FILTER (WHERE topics & 2), count(*) FILTER (WHERE topics & 4), count(*) FILTER (WHERE topics & 8), count(*) FILTER (WHERE topics & 16)
  FROM visits WHERE deleted_at IS NULL GROUP BY date, category;

CREATE TRIGGER visit_days_insert AFTER INSERT ON visits WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO visit_days (date, category, visits, "team", "opinion", "development", "hardship", "disputes")
    VALUES (NEW.date, NEW.category, 1, (NEW.topics & 1) <> 0, (NEW.topics & 2) <> 0, (NEW.topics & 4) <> 0, (NEW.topics & 8) <> 0, (NEW.topics & 16) <> 0)
    ON CONFLICT (date, category) DO UPDATE SET visits = visits + 1, "team" = "team" + excluded."team", "opinion" = "opinion" + excluded."opinion", "development" = "development" + excluded."development", "hardship" = "hardship" + excluded."hardship", "disputes" = "disputes" + excluded."disputes";
END;

CREATE TRIGGER visit_days_delete AFTER DELETE ON visits WHEN OLD.deleted_at IS NULL BEGIN
  DELETE FROM visit_days WHERE date = OLD.date AND category = OLD.category AND visits = 1;
  UPDATE visit_days SET visits = visits - 1, "team" = "team" - ((OLD.topics & 1) <> 0), "opinion" = "opinion" - ((OLD.topics & 2) <> 0), "development" = "development" - ((OLD.topics & 4) <> 0), "hardship" = "hardship" - ((OLD.topics & 8) <> 0), "disputes" = "disputes" - ((OLD.topics & 16) <> 0)
    WHERE date = OLD.date AND category = OLD.category;
END;

-- A visit moved to another day or category, its topics changed, deleted (deleted_at set) or
-- restored (deleted_at cleared): out of the old day's row if it was counted, into the new one's if
-- it is counted now.
CREATE TRIGGER visit_days_update AFTER UPDATE OF date, category, topics, deleted_at ON visits BEGIN
  DELETE FROM visit_days WHERE OLD.deleted_at IS NULL AND date = OLD.date AND category = OLD.category AND visits = 1;
  UPDATE visit_days SET visits = visits - 1, "team" = "team" - ((OLD.topics & 1) <> 0), "opinion" = "opinion" - ((OLD.topics & 2) <> 0), "development" = "development" - ((OLD.topics & 4) <> 0), "hardship" = "hardship" - ((OLD.topics & 8) <> 0), "disputes" = "disputes" - ((OLD.topics & 16) <> 0)
    WHERE OLD.deleted_at IS NULL AND date = OLD.date AND category = OLD.category;
  INSERT INTO visit_days (date, category, visits, "team", "opinion", "development", "hardship", "disputes")
    SELECT NEW.date, NEW.category, 1, (NEW.topics & 1) <> 0, (NEW.topics & 2) <> 0, (NEW.topics & 4) <> 0, (NEW.topics & 8) <> 0, (NEW.topics & 16) <> 0 WHERE NEW.deleted_at IS NULL
    ON CONFLICT (date, category) DO UPDATE SET visits = visits + 1, "team" = "team" + excluded."team", "opinion" = "opinion" + excluded."opinion", "development" = "development" + excluded."development", "hardship" = "hardship" + excluded."hardship", "disputes" = "disputes" + excluded."disputes";
END;
