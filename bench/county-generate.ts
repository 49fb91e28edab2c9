// The county benchmark's ledgers: a handful of distinct village ledgers filled by direct SQL in one
// transaction each (the db layer's one-record-at-a-time path would take an hour for 200 ledgers),
// then copied and re-keyed (every record a new uid) into as many ledgers as asked.
//
// The ledgers are made by `openDatabase` (the current schema, every migration) and only their
// record rows are written here, with the values the CLI itself would write: dates inside each
// ledger's term, statuses that follow the workflows (a case's events lead to its status, a decision
// is done when all its steps are), concerns due after the ledger's own concern.due_days. `fs doctor`
// and `fs report` read them like any other ledger (bench/county.ts checks one of each shape).
import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { loadSqlite, openDatabase, type Db } from '../src/db/open.js';
import { DECISION_KINDS, DECISION_STEPS } from '../src/domain/decision.js';
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES, PETITION_CHANNELS } from '../src/domain/dispute.js';
import { DEFAULT_FREQUENCY, MEETING_TYPES, type Frequency, type MeetingType } from '../src/domain/meeting.js';
import { PERSON_TAGS, type PersonTag } from '../src/domain/people.js';
import { PLAN_AREAS } from '../src/domain/plan.js';
import { categoryForTags } from '../src/domain/visits.js';
import { addDays } from '../src/time/dates.js';
import { rng } from './generate.js';

/** Bump when what a ledger holds changes: the cache directory is named after it and the schema version. */
export const COUNTY_GENERATOR_VERSION = 1;

/** The benchmark's "today" (FS_TODAY): nothing is dated after it. */
export const COUNTY_TODAY = '2026-11-27';

export const VISITS_PER_LEDGER = 25_000;

/** One kind of village: its roster, its secretary's term and rules. Every ledger is a copy of one. */
export interface LedgerShape {
  name: string;
  people: number;
  /** The first day of the secretary's term; the ledger runs from it to COUNTY_TODAY. */
  start: string;
  seed: number;
  /** Settings that differ from the defaults. */
  settings: Record<string, string>;
}

export const SHAPES: readonly LedgerShape[] = [
  { name: 'a', people: 800, start: '2021-11-28', seed: 11, settings: {} },
  { name: 'b', people: 1_500, start: '2022-06-01', seed: 12, settings: { 'concern.due_days': '15', 'meeting.frequency.party-lesson': 'quarterly' } },
  { name: 'c', people: 2_400, start: '2023-03-15', seed: 13, settings: { 'concern.due_days': '20', 'presence.business_counts': 'no' } },
  { name: 'd', people: 3_200, start: '2024-01-02', seed: 14, settings: { 'meeting.frequency.villager-reps': 'quarterly', 'meeting.frequency.two-committees': 'monthly' } },
  { name: 'e', people: 1_200, start: '2021-03-01', seed: 15, settings: { 'concern.due_days': '45', 'meeting.frequency.finance-disclosure': 'quarterly' } },
];

/** Tables whose rows are records with a uid (what `fs push` sends; meeting_attendance stays local). */
export const RECORD_TABLES = [
  'households', 'people', 'visits', 'concerns', 'disputes', 'dispute_parties', 'dispute_events', 'pairs', 'pair_logs',
  'meetings', 'decisions', 'decision_steps', 'plans', 'plan_milestones', 'plan_progress', 'presence_days', 'presence_holidays',
] as const;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['秀英', '桂兰', '建国', '志强', '海燕', '红梅', '国强', '丽华', '永福', '春生'];
const NOTES = ['走访记录', '屋顶漏雨，担心过冬', '反映村道坑洼，希望修路', '低保申请材料已收齐', '询问医保报销比例', '希望修缮灌溉水渠', '老人身体不好，需要定期体检', '咨询种植技术和销路', '自来水水压低'];

const pick = <T>(xs: readonly T[], rand: () => number): T => xs[Math.floor(rand() * xs.length)]!;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * A record's stamps: made on the day it records (a secretary types the day's work that evening),
 * one second apart within a ledger so that no two records share an updated_at.
 */
function stamper(): (date: string) => string {
  let n = 0;
  return (date) => {
    n++;
    const s = 18 * 3600 + (n % 20_000);
    return `${date}T${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.${String(n % 1000).padStart(3, '0')}Z`;
  };
}

function insertStatement(db: Db, table: string, cols: string[]) {
  const st = db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  return (...values: unknown[]) => Number(st.run(...values).lastInsertRowid);
}

/** Fills an empty ledger (made by openDatabase) with one village's records, in one transaction. */
export function fillCountyLedger(db: Db, shape: LedgerShape): void {
  const rand = rng(shape.seed);
  const stamp = stamper();
  const today = COUNTY_TODAY;
  const term = daysBetween(shape.start, today);
  const dayIn = (from = shape.start, span = term) => addDays(from, Math.floor(rand() * span));
  const notAfter = (d: string) => d <= today;
  const dueDays = Number(shape.settings['concern.due_days'] ?? 30);

  db.transaction(() => {
    for (const [key, value] of Object.entries(shape.settings)) {
      db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(key, value, stamp(shape.start));
    }
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('secretary', ?, ?) ON CONFLICT (key) DO NOTHING").run('李明', stamp(shape.start));

    // The roster, entered at the start of the term: three people a household on average.
    const household = insertStatement(db, 'households', ['uid', 'label', 'village_group', 'added_on', 'created_at', 'updated_at']);
    const person = insertStatement(db, 'people', ['uid', 'name', 'household_id', 'village_group', 'phone', 'tags', 'notes', 'added_on', 'created_at', 'updated_at']);
    const people: { id: number; household: number; tags: PersonTag[] }[] = [];
    let hh = 0;
    for (let i = 0; i < shape.people; i++) {
      const group = `${(i % 8) + 1}组`;
      if (i % 3 === 0) {
        const s = stamp(shape.start);
        hh = household(uuidv7(), `${SURNAMES[i % 10]}家${Math.floor(i / 3)}`, group, shape.start, s, s);
      }
      const tags = PERSON_TAGS.filter(() => rand() < 0.08);
      const s = stamp(shape.start);
      const id = person(uuidv7(), `${pick(SURNAMES, rand)}${pick(GIVEN, rand)}`, hh, group, null, JSON.stringify(tags), null, shape.start, s, s);
      people.push({ id, household: hh, tags });
    }

    // Visits, 1 in 20 with a concern raised; nine concerns in ten answered within about a month.
    const visit = insertStatement(db, 'visits', ['uid', 'date', 'person_id', 'household_id', 'category', 'topics', 'notes', 'place', 'created_at', 'updated_at']);
    const concern = insertStatement(db, 'concerns', ['uid', 'visit_id', 'person_id', 'raised_on', 'text', 'status', 'due_on', 'resolved_on', 'feedback_on', 'created_at', 'updated_at']);
    const visitDates = Array.from({ length: VISITS_PER_LEDGER }, () => dayIn()).sort();
    visitDates.forEach((date, i) => {
      const p = pick(people, rand);
      const s = stamp(date);
      const id = visit(uuidv7(), date, p.id, p.household, categoryForTags(p.tags), Math.floor(rand() * 32), NOTES[i % NOTES.length], null, s, s);
      if (rand() < 0.05) {
        const resolved = addDays(date, 5 + Math.floor(rand() * 35));
        const told = addDays(resolved, Math.floor(rand() * 7));
        const answered = rand() < 0.9 && notAfter(resolved);
        concern(uuidv7(), id, p.id, date, '需要帮助解决的问题', answered ? 'resolved' : 'open', addDays(date, dueDays), answered ? resolved : null, answered && notAfter(told) ? told : null, s, answered ? stamp(resolved) : s);
      }
    });

    // Disputes (1 in 20 visits): registered, mediated, agreed and closed at the return visit within
    // about five weeks; a few withdrawn or escalated; the recent ones still open.
    const dispute = insertStatement(db, 'disputes', ['uid', 'title', 'category', 'source', 'channel', 'risk', 'flags', 'registered_on', 'description', 'status', 'status_on', 'agreed_on', 'agreement', 'revisit_due', 'escalated_to', 'created_at', 'updated_at']);
    const party = insertStatement(db, 'dispute_parties', ['uid', 'dispute_id', 'position', 'person_id', 'name', 'created_at', 'updated_at']);
    const event = insertStatement(db, 'dispute_events', ['uid', 'dispute_id', 'date', 'kind', 'from_status', 'to_status', 'note', 'participants', 'performed', 'satisfied', 'escalated_to', 'revisit_due', 'created_at', 'updated_at']);
    for (let i = 0; i < VISITS_PER_LEDGER / 20; i++) {
      const date = dayIn();
      const source = pick(DISPUTE_SOURCES, rand);
      type Ev = { date: string; kind: string; from: string | null; to: string; performed?: number; satisfied?: number; escalated?: string; revisit?: string };
      const events: Ev[] = [{ date, kind: 'register', from: null, to: 'registered' }];
      const at = (days: number) => addDays(date, days);
      const r = rand();
      let agreed: string | null = null;
      let revisit: string | null = null;
      let escalated: string | null = null;
      if (r < 0.03) {
        if (notAfter(at(5))) events.push({ date: at(5), kind: 'withdrawal', from: 'registered', to: 'withdrawn' });
      } else if (notAfter(at(3))) {
        events.push({ date: at(3), kind: 'step', from: 'registered', to: 'mediating' });
        if (r < 0.08) {
          if (notAfter(at(25))) {
            escalated = '乡调委会';
            events.push({ date: at(25), kind: 'escalation', from: 'mediating', to: 'escalated', escalated });
          }
        } else if (notAfter(at(20))) {
          agreed = at(20);
          revisit = at(35);
          events.push({ date: agreed, kind: 'agreement', from: 'mediating', to: 'resolved', revisit });
          if (notAfter(revisit)) events.push({ date: revisit, kind: 'revisit', from: 'resolved', to: 'closed', performed: 1, satisfied: 1 });
        }
      }
      const last = events[events.length - 1]!;
      const stillDue = last.to === 'resolved' ? revisit : null;
      const created = stamp(date);
      const id = dispute(uuidv7(), '邻里纠纷', pick(DISPUTE_CATEGORIES, rand), source, source === 'petition' ? pick(PETITION_CHANNELS, rand) : null, null, '[]', date, null, last.to, last.date, agreed, agreed ? '达成协议' : null, stillDue, escalated, created, stamp(last.date));
      party(uuidv7(), id, 0, pick(people, rand).id, null, created, created);
      party(uuidv7(), id, 1, null, '外村人', created, created);
      for (const e of events) {
        const s = e.kind === 'register' ? created : stamp(e.date);
        event(uuidv7(), id, e.date, e.kind, e.from, e.to, '调解', '[]', e.performed ?? null, e.satisfied ?? null, e.escalated ?? null, e.revisit ?? null, s, s);
      }
    }

    // Meetings: each type at its frequency (the ledger's setting or the default), one in twenty missed.
    const meeting = insertStatement(db, 'meetings', ['uid', 'type', 'date', 'topic', 'place', 'chair', 'recorder', 'expected', 'present', 'vote', 'forced', 'decisions', 'minutes', 'created_at', 'updated_at']);
    const meetingIds: number[] = [];
    const months = Math.ceil(term / 30.44);
    for (let m = 0; m < months; m++) {
      const first = addDays(shape.start, Math.floor(m * 30.44));
      for (const type of MEETING_TYPES as readonly MeetingType[]) {
        const freq = (shape.settings[`meeting.frequency.${type}`] ?? DEFAULT_FREQUENCY[type]) as Frequency;
        const every = freq === 'monthly' ? 1 : freq === 'quarterly' ? 3 : freq === 'yearly' ? 12 : 6;
        if (m % every !== 0 || rand() < 0.05) continue;
        const date = addDays(first, Math.floor(rand() * 25));
        if (!notAfter(date)) continue;
        const expected = 20 + Math.floor(rand() * 20);
        const s = stamp(date);
        meetingIds.push(meeting(uuidv7(), type, date, '学习', '村部', '李明', null, expected, Math.floor(expected * (0.6 + rand() * 0.4)), 0, 0, '[]', null, s, s));
      }
    }

    // Pairings (one in 25 villagers), a log at every contact.
    const pair = insertStatement(db, 'pairs', ['uid', 'person_id', 'helper', 'needs', 'measures', 'cadence_days', 'started_on', 'ended_on', 'outcome', 'created_at', 'updated_at']);
    const pairLog = insertStatement(db, 'pair_logs', ['uid', 'pair_id', 'date', 'action', 'result', 'created_at', 'updated_at']);
    for (let i = 0; i < shape.people / 25; i++) {
      const start = dayIn(shape.start, Math.max(1, term - 120));
      const endDay = addDays(start, 365 + Math.floor(rand() * 365));
      const ended = notAfter(endDay);
      const created = stamp(start);
      const id = pair(uuidv7(), people[i * 25]!.id, `帮扶人${i % 40}`, '产业帮扶', null, 30, start, ended ? endDay : null, ended ? '脱贫' : null, created, ended ? stamp(endDay) : created);
      for (let d = addDays(start, 30); notAfter(d) && (!ended || d <= endDay); d = addDays(d, 30)) {
        const s = stamp(d);
        pairLog(uuidv7(), id, d, '走访', null, s, s);
      }
    }

    // Decisions (四议两公开), four a year; the older ones through all six steps.
    const decision = insertStatement(db, 'decisions', ['uid', 'matter', 'kind', 'date', 'status', 'created_at', 'updated_at']);
    const step = insertStatement(db, 'decision_steps', ['uid', 'decision_id', 'step', 'date', 'meeting_id', 'expected', 'present', 'votes_for', 'passed', 'combined', 'note', 'created_at', 'updated_at']);
    for (let i = 0; i < Math.floor((term / 365) * 4); i++) {
      const date = dayIn(shape.start, Math.max(1, term - 60));
      const steps = DECISION_STEPS.filter((_, k) => notAfter(addDays(date, k * 7))).slice(0, 1 + Math.floor(rand() * DECISION_STEPS.length));
      const lastDate = addDays(date, (steps.length - 1) * 7);
      const created = stamp(date);
      const id = decision(uuidv7(), '集体土地流转', pick(DECISION_KINDS, rand), date, steps.length === DECISION_STEPS.length ? 'done' : 'in-progress', created, stamp(lastDate));
      steps.forEach((name, k) => {
        const vote = name === 'members-review' || name === 'resolution';
        const s = stamp(addDays(date, k * 7));
        step(uuidv7(), id, name, addDays(date, k * 7), null, vote ? 30 : null, vote ? 25 : null, vote ? 20 : null, vote ? 1 : null, 0, null, s, s);
      });
    }

    // The work plan: eight goals and three practical things a year, each with three milestones and a progress note.
    const plan = insertStatement(db, 'plans', ['uid', 'kind', 'area', 'title', 'target', 'measures', 'owner', 'start_on', 'due_on', 'budget', 'status', 'done_on', 'added_on', 'created_at', 'updated_at']);
    const milestone = insertStatement(db, 'plan_milestones', ['uid', 'plan_id', 'title', 'due_on', 'owner', 'status', 'done_on', 'created_at', 'updated_at']);
    const progress = insertStatement(db, 'plan_progress', ['uid', 'plan_id', 'date', 'note', 'percent', 'created_at', 'updated_at']);
    for (let year = Number(shape.start.slice(0, 4)); year <= Number(today.slice(0, 4)); year++) {
      for (let i = 0; i < 11; i++) {
        const practical = i >= 8;
        const start = `${year}-01-1${i % 10}` < shape.start ? shape.start : `${year}-01-1${i % 10}`;
        if (!notAfter(start)) continue;
        const due = `${year}-12-20`;
        const done = practical && rand() < 0.7 && notAfter(addDays(start, 300)) ? addDays(start, 300) : null;
        const created = stamp(start);
        const id = plan(uuidv7(), practical ? 'practical' : 'goal', pick(PLAN_AREAS, rand), `${year}年目标${i}`, null, null, '村委会', start, due, practical ? 50_000 : null, done ? 'done' : null, done, start, created, done ? stamp(done) : created);
        for (let k = 1; k <= 3; k++) {
          const mdue = addDays(start, k * 90);
          const mdone = rand() < 0.6 && notAfter(addDays(mdue, -5)) ? addDays(mdue, -5) : null;
          milestone(uuidv7(), id, `节点${k}`, mdue, null, mdone ? 'done' : 'planned', mdone, created, mdone ? stamp(mdone) : created);
        }
        const pday = addDays(start, 50);
        if (notAfter(pday)) {
          const s = stamp(pday);
          progress(uuidv7(), id, pday, '进展', 30, s, s);
        }
      }
    }

    // Presence: nearly every day of the term recorded; a few working-day corrections a year.
    const presence = insertStatement(db, 'presence_days', ['uid', 'date', 'status', 'leave_type', 'approved_by', 'note', 'created_at', 'updated_at']);
    for (let d = shape.start; notAfter(d); d = addDays(d, 1)) {
      const r = rand();
      if (r < 0.08) continue;
      const status = r < 0.85 ? 'in-village' : r < 0.9 ? 'business' : r < 0.93 ? 'training' : r < 0.97 ? 'leave' : 'absent';
      const s = stamp(d);
      presence(uuidv7(), d, status, status === 'leave' ? 'personal' : null, status === 'leave' ? '乡党委' : null, null, s, s);
    }
    const holiday = insertStatement(db, 'presence_holidays', ['uid', 'date', 'workday', 'note', 'created_at', 'updated_at']);
    for (let year = Number(shape.start.slice(0, 4)); year <= Number(today.slice(0, 4)); year++) {
      const d = `${year}-06-1${year % 10}`;
      if (d < shape.start || !notAfter(d)) continue;
      const s = stamp(d);
      holiday(uuidv7(), d, 0, '乡里统一调休', s, s);
    }
  })();
}

/** Rows a ledger holds in the record tables (tombstones included): what a first push sends. */
export function countRecords(db: Db): number {
  return RECORD_TABLES.reduce((n, t) => n + (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n, 0);
}

function removeDb(path: string): void {
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
}

/** A template ledger of `shape` at `path`, built if missing. */
export async function template(path: string, shape: LedgerShape): Promise<void> {
  if (existsSync(path)) return;
  const tmp = `${path}.partial`;
  removeDb(tmp);
  const db = await openDatabase(tmp);
  fillCountyLedger(db, shape);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
  renameSync(tmp, path);
}

/**
 * Every record of the ledger at `path` gets a new uid (UUIDv7 text, as the ledger makes them).
 * References are by integer id inside a ledger, so nothing else changes: the copy is a different
 * village to the county, with the same figures as its template.
 */
export function rekey(path: string): void {
  // Plain better-sqlite3, not openDatabase: the file was made by openDatabase moments ago.
  const { Sqlite, nativeBinding } = loadSqlite();
  const db = new Sqlite(path, { nativeBinding });
  db.pragma('synchronous = OFF');
  db.function('bench_uid', { deterministic: false }, () => uuidv7());
  db.transaction(() => {
    for (const t of RECORD_TABLES) db.prepare(`UPDATE ${t} SET uid = bench_uid()`).run();
  })();
  db.close();
}

export interface CountyLedgers {
  dir: string;
  /** Ledger files, in order; ledger i is a copy of SHAPES[i % SHAPES.length]. */
  files: string[];
  /** The template (one per shape) each ledger was copied from. */
  templates: string[];
  shapeOf(i: number): LedgerShape;
}

/**
 * `count` ledgers under `cacheDir` (built the first time, reused while the schema (see schema-tag.ts) and the
 * generator's are the same). Returns as soon as they exist; `log` hears about progress.
 */
export async function countyLedgers(cacheDir: string, schema: string, count: number, log: (s: string) => void): Promise<CountyLedgers> {
  const dir = join(cacheDir, `county-${schema}-g${COUNTY_GENERATOR_VERSION}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const templates = SHAPES.map((s) => join(dir, `template-${s.name}.db`));
  const started = Date.now();
  // Only the shapes the ledgers are copied from (fewer than five ledgers: fewer shapes).
  for (let i = 0; i < Math.min(count, SHAPES.length); i++) {
    if (!existsSync(templates[i]!)) log(`building template ledger ${SHAPES[i]!.name} (${SHAPES[i]!.people} people, ${VISITS_PER_LEDGER} visits from ${SHAPES[i]!.start})...`);
    await template(templates[i]!, SHAPES[i]!);
  }
  const files: string[] = [];
  let made = 0;
  for (let i = 0; i < count; i++) {
    const file = join(dir, `ledger-${String(i).padStart(4, '0')}.db`);
    files.push(file);
    if (existsSync(file)) continue;
    const tmp = `${file}.partial`;
    removeDb(tmp);
    copyFileSync(templates[i % SHAPES.length]!, tmp);
    rekey(tmp);
    renameSync(tmp, file);
    if (++made % 20 === 0) log(`  ${made} ledgers copied and re-keyed...`);
  }
  if (made) log(`${made} ledgers made in ${((Date.now() - started) / 1000).toFixed(0)} s (cached in ${dir})`);
  return { dir, files, templates, shapeOf: (i) => SHAPES[i % SHAPES.length]! };
}
