// fs county report against a real PostgreSQL (a throwaway cluster): three ledgers seeded
// differently (the report seed; the seed with other settings, a presence month and holiday
// corrections; a small ledger of another township), pushed with fs push. For each period, every
// figure of a village equals the same key of that ledger's own `fs report --format json`, totals
// equal the sums, and the rates are checked by hand. Then every format, redaction and bad input.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv.js';
import { cli, tempDir } from '../helpers/cli.js';
import { pgSkipReason, startCluster, type Cluster } from '../helpers/pg.js';
import { readXlsx } from '../helpers/xlsx.js';
import { unzipEntry } from '../helpers/zip.js';
import { seedReportLedger, TODAY } from '../cli/report-seed.js';

const skip = pgSkipReason();
if (skip) console.warn(`skipping fs county report tests: ${skip}`);

type Fs = ReturnType<typeof cli>;
type Json = Record<string, any>;

let cluster: Cluster;
let admin: string;
const office = () => cli({ today: TODAY });
const ledgers: Array<{ fs: Fs; village: string; township: string; secretary: string; id?: string }> = [];

/** The report seed with other settings, a presence month with every status, two holiday corrections, and things finished. */
function seedVariant(fs: Fs): void {
  seedReportLedger(fs);
  const ok = (...args: string[]) => fs.ok(args);
  ok('config', 'set', 'village', '柳树村');
  for (const [k, v] of [
    ['visit.stale_days', '10'],
    ['dispute.mediation_days', '60'],
    ['decision.stall_days', '100'],
    ['presence.business_counts', 'no'],
    ['presence.month_min', '15'],
    ['presence.year_min', '150'],
    ['meeting.frequency.party-group', 'none'],
    ['meeting.frequency.party-lesson', 'quarterly'],
    ['ledger.start', '2026-09-15'],
  ]) ok('config', 'set', k!, v!);
  ok('presence', 'add', '--from', '2026-11-02', '--to', '2026-11-06', '--status', 'in-village');
  ok('presence', 'add', '--from', '2026-11-09', '--to', '2026-11-10', '--status', 'business', '--note', '县里开会');
  ok('presence', 'add', '--date', '2026-11-11', '--status', 'training');
  ok('presence', 'add', '--date', '2026-11-12', '--status', 'leave', '--leave-type', 'sick');
  ok('presence', 'add', '--date', '2026-11-13', '--status', 'absent');
  ok('presence', 'add', '--date', '2026-11-14', '--status', 'in-village'); // a Saturday
  ok('presence', 'add', '--from', '2026-11-16', '--to', '2026-11-20', '--status', 'in-village');
  ok('presence', 'add', '--from', '2026-10-12', '--to', '2026-10-16', '--status', 'in-village');
  ok('presence', 'holiday', 'add', '2026-11-16', '--note', '县里放假'); // a Monday made a holiday
  ok('presence', 'holiday', 'add', '2026-11-22', '--workday', '--note', '调休'); // a Sunday made a working day
  ok('visit', 'add', '--date', '2026-11-24', '--person', '王秀', '--category', 'party-cadre', '--topic', 'team', '--topic', 'disputes', '--concern', 'street lamp');
  ok('concern', 'update', '3', '--status', 'resolved', '--feedback-on', '2026-11-26');
  ok('concern', 'update', '2', '--feedback-on', '2026-11-23');
  ok('dispute', 'revisit', '1', '--date', '2026-11-25', '--performed', 'yes', '--satisfied', 'yes');
  ok('plan', 'done', '2', '--date', '2026-11-25');
  ok('meeting', 'add', '--type', 'party-lesson', '--date', '2026-11-20', '--expected', '8', '--present', '6');
}

/** A small ledger of another township: visits in two years, a presence fortnight in October, a correction. */
function seedSmall(fs: Fs): void {
  const ok = (...args: string[]) => fs.ok(args);
  ok('config', 'set', 'village', '河口村');
  ok('person', 'add', '--name', '周大', '--household', '周家', '--tag', 'poor');
  ok('person', 'add', '--name', '吴二', '--household', '吴家');
  ok('person', 'add', '--name', '郑三', '--household', '郑家', '--tag', 'party-member');
  ok('visit', 'add', '--date', '2025-12-30', '--person', '周大', '--topic', 'hardship');
  ok('visit', 'add', '--date', '2026-11-03', '--person', '周大', '--topic', 'hardship', '--topic', 'development');
  ok('visit', 'add', '--date', '2026-11-04', '--person', '周大', '--topic', 'opinion');
  ok('visit', 'add', '--date', '2026-10-09', '--person', '吴二', '--topic', 'opinion', '--concern', 'well water');
  ok('presence', 'add', '--from', '2026-10-08', '--to', '2026-10-21', '--status', 'in-village');
  ok('presence', 'holiday', 'add', '2026-10-09', '--note', '补休');
}

async function push(fs: Fs, url: string): Promise<void> {
  const r = fs.run(['push', '--url', url]);
  if (r.code !== 0) throw new Error(`fs push: ${r.stderr}`);
}

beforeAll(async () => {
  if (skip) return;
  cluster = await startCluster();
  admin = cluster.database();
  office().ok(['county', 'init', '--url', admin]);
  const a = cli({ today: TODAY });
  seedReportLedger(a);
  const b = cli({ today: TODAY });
  seedVariant(b);
  const c = cli({ today: TODAY });
  seedSmall(c);
  ledgers.push({ fs: a, village: '青山村', township: '青山镇', secretary: '李书记' }, { fs: b, village: '柳树村', township: '青山镇', secretary: '王书记' }, { fs: c, village: '河口村', township: '河口镇', secretary: '赵书记' });
  for (const l of ledgers) {
    const url = office().ok(['county', 'add-ledger', '--village', l.village, '--secretary', l.secretary, '--township', l.township, '--url', admin]).trim();
    l.id = /fs_ledger_(\w+)/.exec(url)?.[1];
    await push(l.fs, url);
  }
}, 240_000);
afterAll(() => cluster?.stop());

/** Numeric leaves of a nested object by dotted path (null kept: a rate with nothing to divide). */
function flatten(o: Json, prefix = ''): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'number' || v === null) out[key] = v;
    else if (v && typeof v === 'object' && !Array.isArray(v)) Object.assign(out, flatten(v, key));
  }
  return out;
}

const SECTIONS = ['visits', 'concerns', 'disputes', 'pairs', 'meetings', 'decisions', 'plan', 'presence'];
/** Breakdowns keyed by helpers' names: a village's own, not a county figure (left out, README). */
const LEFT_OUT = /^pairs\.(help_entries_by_helper|active_per_helper)\./;

function countyReport(period: string, ...extra: string[]): Json {
  return office().json(['county', 'report', period, '--url', admin, ...extra]);
}

function sectionsOf(o: Json): Record<string, number | null> {
  return flatten(Object.fromEntries(SECTIONS.map((s) => [s, o[s]])));
}

describe.skipIf(skip)('fs county report', () => {
  for (const period of ['2026-11', '2026', 'last-month', '2026-Q4', '2026-W47']) {
    it(`equals each ledger's own fs report for ${period}, and totals are the sums`, () => {
      const report = countyReport(period);
      expect(report.villages).toHaveLength(3);
      for (const l of ledgers) {
        const own = l.fs.json(['report', period]);
        const v = report.villages.find((x: Json) => x.village === l.village);
        expect(v, l.village).toBeDefined();
        expect(v.township).toBe(l.township);
        expect(v.secretary).toBe(l.secretary);
        expect(v.ledger.replace(/-/g, '')).toContain(l.id);
        const mine = sectionsOf(v);
        const theirs = Object.entries(sectionsOf(own)).filter(([k]) => !LEFT_OUT.test(k));
        expect(theirs.length).toBeGreaterThan(80);
        for (const [k, value] of theirs) expect([k, mine[k]], `${l.village} ${period}`).toEqual([k, value]);
        // fs report's lists, counted.
        expect(mine['decisions.stuck']).toBe(own.decisions.stuck.length);
        expect(mine['meetings.gaps']).toBe(own.meetings.missing.length);
        expect(mine['pairs.overdue']).toBe(own.pairs.overdue_contacts.length);
        const practical = own.plan.practical.filter((p: Json) => p.status !== 'dropped');
        expect(mine['plan.practical_things']).toBe(practical.length);
        expect(mine['plan.practical_done']).toBe(practical.filter((p: Json) => p.status === 'done').length);
        if (own.presence.target === undefined) expect(mine['presence.target']).toBeUndefined();
      }
      const totals = sectionsOf(report.totals);
      for (const [k, total] of Object.entries(totals)) {
        if (k === 'meetings.attendance.rate') continue;
        const sum = report.villages.reduce((s: number, v: Json) => s + (sectionsOf(v)[k] ?? 0), 0);
        expect([k, total]).toEqual([k, sum]);
      }
      expect(report.totals.villages).toBe(3);
    });
  }

  it('computes the rates as DOMAIN.md defines them (checked by hand for 柳树村 in November)', () => {
    const r = countyReport('2026-11');
    const v = r.villages.find((x: Json) => x.village === '柳树村');
    // Presence: in-village 11-02..06 (5), 11-14 (a Saturday), 11-16..20 (5) = 11; business and training
    // do not count (presence.business_counts no). Working days 11-01..27: 20 weekdays, less the
    // Monday 11-16 made a holiday, plus the Sunday 11-22 made a working day = 20.
    expect(v.presence.days_counted).toBe(11);
    expect(v.presence.working_days).toBe(20);
    expect(v.presence_rate).toBe(0.55);
    expect(v.presence.target).toBe(15);
    expect(v.presence.needed).toBe(4);
    // Households: 王大山家, 张家大院 and 王二家 visited in November, of the four on the roster.
    expect(v.visits.households).toBe(3);
    expect(v.visits.households_on_roster).toBe(4);
    expect(v.household_reach).toBe(0.75);
    // Concerns raised in November: 3 (two on 11-17, one on 11-24); finished (resolved and told): 2 and 3.
    expect(v.concerns.raised).toBe(3);
    expect(v.concerns.finished).toBe(2);
    expect(v.concern_closure).toBe(0.6667);
    // One case registered in November, agreed then closed on its return visit.
    expect(v.disputes.registered).toBe(1);
    expect(v.dispute_resolution).toBe(1);
    // The street lights are done: 1 of 1.
    expect(v.practical_done).toBe(1);
    // Meetings: November, judged on today, is not over; held types count as held, none missing yet.
    // Each interval counts in the period it ends in: November's theme day (monthly) is November's;
    // the party lesson held for Q4 (quarterly) counts in December's, Q4's and the year's report.
    expect(v.meetings.required_held).toBe(1);
    expect(v.meetings.required).toBe(1);
    expect(v.meetings_held).toBe(1);
    // The small ledger raised nothing in November: no closure rate, and it ranks on none.
    const small = r.villages.find((x: Json) => x.village === '河口村');
    expect(small.concern_closure).toBeNull();
    expect(small.rank.concern_closure).toBeNull();
    // Totals are pooled: all households visited over all on the roster.
    expect(r.totals.household_reach).toBe(Math.round((r.totals.visits.households / r.totals.visits.households_on_roster) * 10000) / 10000);
  });

  it('ranks each rate (1 = highest, ties share) and orders villages by the overall rank', () => {
    const r = countyReport('2026-11');
    for (const rate of ['presence_rate', 'household_reach', 'concern_closure', 'dispute_resolution', 'meetings_held', 'practical_done']) {
      for (const v of r.villages) {
        if (v[rate] === null) expect(v.rank[rate]).toBeNull();
        else expect(v.rank[rate]).toBe(1 + r.villages.filter((w: Json) => w[rate] !== null && w[rate] > v[rate]).length);
      }
    }
    const overall = r.villages.map((v: Json) => v.rank.overall ?? Infinity);
    expect([...overall].sort((a, b) => a - b)).toEqual(overall);
  });

  it('groups villages into townships with the same keys and a villages count', () => {
    const byVillage = countyReport('2026');
    const r = countyReport('2026', '--by', 'township');
    expect(r.townships.map((t: Json) => t.township).sort()).toEqual(['河口镇', '青山镇']);
    const qs = r.townships.find((t: Json) => t.township === '青山镇');
    expect(qs.villages).toBe(2);
    const two = byVillage.villages.filter((v: Json) => v.township === '青山镇').map(sectionsOf);
    for (const [k, value] of Object.entries(sectionsOf(qs))) {
      if (k !== 'meetings.attendance.rate') expect([k, value]).toEqual([k, two.reduce((s: number, f: Json) => s + (f[k] ?? 0), 0)]);
    }
    expect(qs.household_reach).toBe(Math.round((qs.visits.households / qs.visits.households_on_roster) * 10000) / 10000);
    expect(sectionsOf(r.totals)).toEqual(sectionsOf(byVillage.totals));
  });

  it('redacts village, township and secretary names in every format', () => {
    const secrets = ['青山村', '柳树村', '河口村', '青山镇', '河口镇', '李书记', '王书记', '赵书记'];
    const j = countyReport('2026-11', '--redact', '--lang', 'zh');
    expect(j.villages.map((v: Json) => v.village)).toEqual(['甲村', '乙村', '丙村']);
    expect(j.villages.every((v: Json) => v.secretary === null && v.ledger === null)).toBe(true);
    const dir = tempDir();
    for (const f of ['table', 'md', 'csv', 'json']) {
      const out = office().ok(['county', 'report', '2026-11', '--url', admin, '--redact', '--format', f, '--lang', 'zh']);
      for (const s of secrets) expect(out, `${f}: ${s}`).not.toContain(s);
    }
    for (const f of ['xlsx', 'docx']) {
      const file = join(dir, `r.${f}`);
      office().ok(['county', 'report', '2026-11', '--url', admin, '--redact', '-o', file]);
      const xml = f === 'docx' ? unzipEntry(readFileSync(file), 'word/document.xml').toString('utf8') : JSON.stringify(readXlsx(file));
      for (const s of secrets) expect(xml, `${f}: ${s}`).not.toContain(s);
    }
  });

  it('writes csv (one row per village and a totals row), md (through pandoc), xlsx and docx', () => {
    const json = countyReport('2026');
    const csv = parseCsv(office().ok(['county', 'report', '2026', '--url', admin, '--format', 'csv']));
    const [header, ...rows] = csv;
    expect(header!.slice(0, 5)).toEqual(['village', 'township', 'secretary', 'ledger', 'rank']);
    expect(rows).toHaveLength(4);
    expect(rows[3]![0]).toBe('Total');
    const col = (k: string) => header!.indexOf(k);
    for (const [i, v] of json.villages.entries()) {
      expect(rows[i]![0]).toBe(v.village);
      expect(Number(rows[i]![col('visits.total')])).toBe(v.visits.total);
      expect(rows[i]![col('household_reach')]).toBe(v.household_reach === null ? '—' : `${(v.household_reach * 100).toFixed(1)}%`);
    }
    expect(Number(rows[3]![col('disputes.registered')])).toBe(json.totals.disputes.registered);

    const md = office().ok(['county', 'report', '2026', '--url', admin, '--format', 'md', '--lang', 'zh']);
    expect(md).toContain('住村率');
    if (existsSync('/usr/bin/pandoc')) {
      const html = execFileSync('pandoc', ['-f', 'markdown', '-t', 'html'], { input: md, encoding: 'utf8' });
      expect((html.match(/<table/g) ?? []).length).toBeGreaterThan(15);
      expect(html).toContain('<td>合计</td>');
    }

    const dir = tempDir();
    const xlsx = join(dir, 'c.xlsx');
    office().ok(['county', 'report', '2026', '--url', admin, '-o', xlsx]);
    const sheets = readXlsx(xlsx);
    expect(sheets.length).toBeGreaterThan(15);
    const visits = sheets.find((s) => /^Visits/.test(s.name));
    expect(visits, sheets.map((s) => s.name).join(', ')).toBeDefined();
    // Villages as rows, the totals last; counts as numbers.
    expect(visits!.rows.length).toBe(5);

    const docx = join(dir, 'c.docx');
    office().ok(['county', 'report', '2026', '--url', admin, '-o', docx, '--lang', 'zh']);
    const xml = unzipEntry(readFileSync(docx), 'word/document.xml').toString('utf8');
    expect(xml).toContain('组织生活落实率');
    expect(xml).toContain('柳树村');
    if (existsSync('/usr/bin/soffice')) {
      const r = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, HOME: dir } });
      expect(r.status, r.stderr).toBe(0);
      expect(readdirSync(dir)).toContain('c.pdf');
    }
  }, 180_000);

  it('refuses bad input with one line and exit 2, and never shows the password', () => {
    const fs = office();
    const bad = (args: string[], pattern: RegExp) => {
      const r = fs.run(['county', 'report', ...args]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
    };
    bad(['2026-13', '--url', admin], /2026-13/);
    bad(['2026', '--url', admin, '--by', 'county'], /county/);
    bad(['2026', '--url', admin, '--format', 'pdf'], /pdf/);
    bad(['2026'], /--url/);
    bad(['2026', '--url', 'mysql://x@y/z'], /PostgreSQL/);
    const zh = fs.run(['county', 'report', '2026', '--by', 'county', '--url', admin], { env: { FS_LANG: 'zh' } });
    expect(zh.stderr).toMatch(/[\u4e00-\u9fff]/);
    // A wrong password: the server's refusal, masked.
    const wrong = admin.replace(`:${cluster.password}@`, ':not-the-password-42@');
    const r = fs.run(['county', 'report', '2026', '--url', wrong]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('not-the-password-42');
    expect(r.stderr).not.toContain(cluster.password);
    const ok = fs.run(['county', 'report', '2026', '--url', admin, '--format', 'json']);
    expect(ok.stdout + ok.stderr).not.toContain(cluster.password);
  });
});
