// What a successor receives about the village: the roster counted by tag and by group.
import type { Db } from './open.js';

export interface RosterFigures {
  people: number;
  households: number;
  by_tag: Array<{ tag: string; n: number }>;
  by_group: Array<{ group: string | null; people: number; households: number }>;
}

export function rosterFigures(db: Db): RosterFigures {
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    people: one('SELECT count(*) AS n FROM people WHERE deleted_at IS NULL'),
    households: one('SELECT count(DISTINCT household_id) AS n FROM people WHERE deleted_at IS NULL AND household_id IS NOT NULL'),
    by_tag: db
      .prepare('SELECT j.value AS tag, count(*) AS n FROM people p, json_each(p.tags) j WHERE p.deleted_at IS NULL GROUP BY j.value ORDER BY n DESC, tag')
      .all() as RosterFigures['by_tag'],
    by_group: db
      .prepare(
        `SELECT coalesce(p.village_group, h.village_group) AS "group", count(*) AS people, count(DISTINCT p.household_id) AS households
         FROM people p LEFT JOIN households h ON h.id = p.household_id
         WHERE p.deleted_at IS NULL GROUP BY 1 ORDER BY "group" IS NULL, "group"`,
      )
      .all() as RosterFigures['by_group'],
  };
}
