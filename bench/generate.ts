// Fills a benchmark database through the project's own db layer (the same code the CLI uses).
import { existsSync, renameSync, rmSync } from 'node:fs';
import { openDatabase, type Db } from '../src/db/open.js';
import { insertPerson } from '../src/db/people.js';
import { write } from '../src/db/store.js';
import { insertVisit } from '../src/db/visits.js';
import { listConcerns, updateConcern } from '../src/db/concerns.js';
import { PERSON_TAGS, type PersonTag } from '../src/domain/people.js';
import { categoryForTags, VISIT_TOPICS, type VisitTopic } from '../src/domain/visits.js';
import { addDays } from '../src/time/dates.js';
// The same PRNG as the tests' hostile inputs: every run builds the same database.
import { rng } from '../test/helpers/rng.js';

export { rng };

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['秀英', '桂兰', '建国', '志强', '海燕', '红梅', '国强', '丽华', '永福', '春生'];

// What villagers say in a visit, so that `fs search` has words to find (屋顶, 修 路, 低保, mixed
// Chinese/English). Picked by position, not by the PRNG, so every other figure stays as it was.
const NOTES = [
  '走访记录',
  '屋顶漏雨，担心过冬',
  '反映村道坑洼，希望修路',
  '低保申请材料已收齐',
  '路灯坏了三盏，晚上出行不便',
  '询问医保报销比例',
  '屋顶瓦片被风吹落，需要维修',
  '希望修缮灌溉水渠',
  '家里 wifi 信号差，孩子上网课困难',
  '老人身体不好，需要定期体检',
  '咨询种植技术和销路',
  '低保复核，家庭收入有变化',
  '宅基地边界有争议',
  '想申请小额贷款发展养殖',
  '自来水水压低',
  '孩子上学路远，希望有校车',
];

export interface Roster {
  people: { id: number; household_id: number | null; tags: PersonTag[] }[];
}

export function addPeople(db: Db, count: number, rand: () => number): Roster {
  const people: Roster['people'] = [];
  write(db, () => {
    for (let i = 0; i < count; i++) {
      const tags = PERSON_TAGS.filter(() => rand() < 0.08);
      const household = `${SURNAMES[i % 10]}家${Math.floor(i / 3)}`;
      const id = insertPerson(db, {
        name: `${SURNAMES[Math.floor(rand() * 10)]}${GIVEN[Math.floor(rand() * 10)]}`,
        household,
        group: `${(i % 8) + 1}组`,
        tags,
      });
      people.push({ id, household_id: (db.prepare('SELECT household_id FROM people WHERE id = ?').get(id) as { household_id: number }).household_id, tags });
    }
  });
  return { people };
}

export function addVisits(db: Db, roster: Roster, count: number, from: string, days: number, rand: () => number): void {
  const batch = 20_000;
  for (let done = 0; done < count; done += batch) {
    write(db, () => {
      for (let i = done; i < Math.min(count, done + batch); i++) {
        const p = roster.people[Math.floor(rand() * roster.people.length)]!;
        const topics = VISIT_TOPICS.filter(() => rand() < 0.35) as VisitTopic[];
        const concerns = rand() < 0.05 ? ['需要帮助解决的问题'] : [];
        insertVisit(
          db,
          { date: addDays(from, Math.floor(rand() * days)), person_id: p.id, household_id: p.household_id, category: categoryForTags(p.tags), topics, notes: NOTES[i % NOTES.length]!, place: null },
          concerns,
          30,
        );
      }
    });
  }
}

/**
 * Most concerns are answered: resolved within about a month and the villager told a few days
 * later, as the ledger's rule asks; the rest stay open (and some of those overdue).
 */
export function answerConcerns(db: Db, today: string, rand: () => number): void {
  const concerns = listConcerns(db);
  for (let done = 0; done < concerns.length; done += 20_000) {
    write(db, () => {
      for (const c of concerns.slice(done, done + 20_000)) {
        if (rand() < 0.1) continue;
        const resolved = addDays(c.raised_on, 5 + Math.floor(rand() * 35));
        if (resolved > today) continue;
        const told = addDays(resolved, Math.floor(rand() * 7));
        updateConcern(db, c.id, { status: 'resolved', resolved_on: resolved, feedback_on: told > today ? null : told });
      }
    });
  }
}

/** Build (or reuse) a database at `path`; `fill` runs on a temp file that is renamed when complete. */
export async function buildOnce(path: string, fill: (db: Db) => void | Promise<void>): Promise<void> {
  if (existsSync(path)) return;
  const tmp = `${path}.partial`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const db = await openDatabase(tmp);
  await fill(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(tmp, path);
}
