// fs report end to end over one seeded ledger: the JSON contract keys, --by, --section, --detail,
// the long csv/tsv format, the zero report, both languages, and bad input.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../src/domain/csv.js';
import { cli, snapshot, tempDir } from '../helpers/cli.js';
import { reportCli, seedReportLedger, TODAY } from './report-seed.js';

const fs = reportCli();
const empty = cli({ today: TODAY });
beforeAll(() => seedReportLedger(fs));

const SECTIONS = ['visits', 'concerns', 'disputes', 'pairs', 'meetings', 'decisions', 'plan'];

describe('fs report --format json: the keys scripts rely on', () => {
  it('a quarter: every contract key, with the figures the seeded ledger gives', () => {
    const r = fs.json(['report', '2026-Q4']);
    expect(r.period).toEqual({ label: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(r).toMatchObject({ today: '2026-11-27', village: '青山村', secretary: '李书记', by: null, intervals: [], zero_report: false, redacted: false });
    expect(Object.keys(r).filter((k) => SECTIONS.includes(k))).toEqual(SECTIONS);
    // Visits: October's party member, last week's two.
    expect(r.visits.total).toBe(3);
    expect(r.visits.by_category).toEqual({ 'party-cadre': 1, 'village-rep': 0, 'rich-expert': 0, 'poor-household': 1, 'ordinary-household': 1, 'petitioner-household': 0, other: 0 });
    expect(r.visits.by_topic).toEqual({ team: 1, opinion: 1, development: 1, hardship: 1, disputes: 0 });
    expect(r.visits).toMatchObject({ people: 3, households: 3, households_not_visited: 1, uncovered_categories: ['village-rep', 'rich-expert'], uncovered_topics: ['disputes'] });
    // Concerns as of today: 1 referred and overdue, 2 resolved on 11-21.
    expect(r.concerns).toEqual({ raised: 2, resolved: 1, open: 1, overdue: 1, awaiting_feedback: 1 });
    // Disputes: an agreement is open until its return visit; the October petition is overdue.
    expect(r.disputes).toMatchObject({ registered: 2, resolved: 1, open: 2, overdue: 1, closed: 0, escalated: 0 });
    expect(r.disputes.petitions).toMatchObject({ registered: 1, open: 1, overdue: 1 });
    expect(r.disputes.by_category).toMatchObject({ neighbor: 1, labor: 1 });
    expect(r.disputes.by_source).toMatchObject({ visit: 1, petition: 1 });
    expect(r.pairs).toMatchObject({ active: 2, help_entries: 1, overdue: 1, started: 1, active_per_helper: { 刘帮扶: 1, 孙帮扶: 1 }, help_entries_by_helper: { 刘帮扶: 1 } });
    expect(r.pairs.overdue_contacts).toEqual([{ person: '李四', helper: '孙帮扶', last_contact: null, next_contact_due: '2026-10-31' }]);
    expect(r.meetings).toMatchObject({ held: 2, gaps: 3, attendance: { rate: 0.857 } });
    expect(r.meetings.held_by_type).toMatchObject({ 'theme-day': 1, 'branch-committee': 1, 'party-group': 0 });
    // October is over: its missing monthly meetings; November is not over yet, so nothing of it.
    expect(r.meetings.missing.map((m: { type: string; interval: string }) => ({ type: m.type, interval: m.interval }))).toEqual([
      { type: 'party-group', interval: '2026-10' },
      { type: 'theme-day', interval: '2026-10' },
      { type: 'finance-disclosure', interval: '2026-10' },
    ]);
    expect(r.decisions).toMatchObject({ started: 1, completed: 0, rejected: 0, stuck: [{ matter: 'old road past 张家大院 and 李家', since: '2026-09-01', days: 87 }] });
    expect(r.plan).toMatchObject({ milestones_due: 2, milestones_done: 1, overdue: 1, progress_notes: 1, practical_gaps: [] });
    expect(r.plan.practical).toEqual([{ title: 'street lights', status: 'planned', percent: null, due_on: '2026-12-15', owner: '吴工' }]);
    // The narrative only with --detail.
    for (const s of SECTIONS) expect(r[s]).not.toHaveProperty('details');
  });

  it('last week: flows in the week, stock figures as the ledger stood on its last day', () => {
    const r = fs.json(['report', 'last-week']);
    expect(r.period).toEqual({ label: '2026-W47', from: '2026-11-16', to: '2026-11-22' });
    expect(r.visits).toMatchObject({ total: 2, by_topic: { hardship: 1, opinion: 1, development: 1, team: 0 } });
    expect(r.concerns).toEqual({ raised: 2, resolved: 1, open: 1, overdue: 1, awaiting_feedback: 1 });
    expect(r.disputes).toMatchObject({ registered: 1, resolved: 1, open: 2, overdue: 1 });
    expect(r.pairs).toMatchObject({ active: 2, help_entries: 1, overdue: 1, started: 0 });
    expect(r.meetings).toMatchObject({ held: 1, missing: [], attendance: { rate: 0.5 } });
    expect(r.decisions.stuck).toMatchObject([{ matter: 'old road past 张家大院 and 李家', days: 82 }]);
    expect(r.plan).toMatchObject({ milestones_done: 1, overdue: 1 });
    // The default period is this week: nothing recorded in it.
    expect(fs.json(['report']).period).toEqual({ label: '2026-W48', from: '2026-11-23', to: '2026-11-29' });
  });

  it('--today makes the report as of that day: this week is then last week, stock figures as they stood', () => {
    const r = fs.json(['report', '--today', '2026-11-20']);
    expect(r).toMatchObject({ today: '2026-11-20', period: { label: '2026-W47', from: '2026-11-16', to: '2026-11-22' } });
    // Concern 1 is due on the 20th: not overdue yet; concern 2 is not resolved until the 21st.
    expect(r.concerns).toMatchObject({ raised: 2, open: 2, overdue: 0, awaiting_feedback: 0 });
    // The pairing's help entry on the 20th itself counts; the 18th's harvest milestone is overdue.
    expect(r.pairs).toMatchObject({ help_entries: 1, overdue: 1 });
    expect(r.plan).toMatchObject({ milestones_done: 1, overdue: 1 });
  });

  it('a month that is over shows its missing required meetings, the same as fs meeting check', () => {
    const r = fs.json(['report', '2026-10', '--section', 'meetings']);
    const check = fs.json(['meeting', 'check', '2026-10']).filter((c: { status: string }) => c.status === 'missing');
    expect(r.meetings.gaps).toBe(3);
    expect(r.meetings.missing).toEqual(check.map(({ ok: _ok, status: _status, ...rest }: { ok: boolean; status: string }) => rest));
    expect(r.meetings.missing).toHaveLength(3);
  });

  it('each missing meeting counts where its month, quarter or year ends: quarter ends, --by columns', () => {
    // Q3 by month: four monthly rules missed each month; the quarterly ones fall in September.
    const q3 = fs.json(['report', '2026-Q3', '--by', 'month', '--section', 'meetings']);
    expect(q3.meetings.gaps).toEqual({ total: 14, intervals: { '2026-07': 4, '2026-08': 4, '2026-09': 6 } });
    expect(q3.meetings.missing.filter((m: { interval: string }) => m.interval === '2026-Q3').map((m: { type: string }) => m.type)).toEqual(['branch-general', 'affairs-disclosure']);
    // October by week: only the (clipped) week in which October ends carries October's gaps.
    const oct = fs.json(['report', '2026-10', '--by', 'week', '--section', 'meetings']);
    expect(oct.meetings.gaps).toEqual({ total: 3, intervals: { '2026-W40': 0, '2026-W41': 0, '2026-W42': 0, '2026-W43': 0, '2026-W44': 3 } });
    // A week in which no month ends has no gaps, however long ago.
    expect(fs.json(['report', '2025-W10', '--section', 'meetings']).meetings).toMatchObject({ gaps: 0, missing: [] });
  });

  it('--by month: each count becomes {total, intervals}; flows add up; lists stay lists', () => {
    const r = fs.json(['report', '2026-Q4', '--by', 'month']);
    expect(r.by).toBe('month');
    expect(r.intervals).toEqual([
      { label: '2026-10', from: '2026-10-01', to: '2026-10-31' },
      { label: '2026-11', from: '2026-11-01', to: '2026-11-30' },
      { label: '2026-12', from: '2026-12-01', to: '2026-12-31' },
    ]);
    const months = (a: number, b: number, c: number) => ({ '2026-10': a, '2026-11': b, '2026-12': c });
    expect(r.visits.total).toEqual({ total: 3, intervals: months(1, 2, 0) });
    expect(r.visits.by_category['party-cadre']).toEqual({ total: 1, intervals: months(1, 0, 0) });
    expect(r.visits.by_topic.hardship).toEqual({ total: 1, intervals: months(0, 1, 0) });
    expect(r.concerns.open).toEqual({ total: 1, intervals: months(0, 1, 1) });
    expect(r.disputes.registered).toEqual({ total: 2, intervals: months(1, 1, 0) });
    expect(r.disputes.resolved).toEqual({ total: 1, intervals: months(0, 1, 0) });
    expect(r.disputes.open.total).toBe(2);
    expect(r.disputes.overdue.total).toBe(1);
    expect(r.pairs.active).toEqual({ total: 2, intervals: months(2, 2, 2) });
    expect(r.pairs.help_entries).toEqual({ total: 1, intervals: months(0, 1, 0) });
    expect(r.pairs.overdue.total).toBe(1);
    expect(r.meetings.held).toEqual({ total: 2, intervals: months(1, 1, 0) });
    // October's gaps in October's column, not only in the total.
    expect(r.meetings.gaps).toEqual({ total: 3, intervals: months(3, 0, 0) });
    expect(r.meetings.attendance.rate).toEqual({ total: 0.857, intervals: { '2026-10': 1, '2026-11': 0.5, '2026-12': null } });
    expect(r.meetings.missing).toHaveLength(3);
    expect(r.plan.milestones_done).toEqual({ total: 1, intervals: months(0, 1, 0) });
    expect(r.plan.overdue).toEqual({ total: 1, intervals: months(0, 1, 0) });
    // Flow figures: the intervals add up to the total.
    for (const [s, k] of [['visits', 'total'], ['concerns', 'raised'], ['disputes', 'registered'], ['pairs', 'help_entries'], ['meetings', 'held'], ['plan', 'milestones_done']] as const) {
      const v = r[s][k] as { total: number; intervals: Record<string, number> };
      expect(Object.values(v.intervals).reduce((a, b) => a + b, 0)).toBe(v.total);
    }
  });

  it('--by counts visits in a worker thread: the same report as in one thread, in every format', () => {
    for (const format of ['json', 'md', 'csv']) {
      const args = ['report', '2026-Q4', '--by', 'month', '--format', format, '--detail'];
      expect(fs.ok(args)).toBe(fs.ok(args, { env: { FS_REPORT_WORKER: '0' } }));
    }
  });

  it('--by week over a quarter: clipped edge weeks, ISO week 53, each week in its column', () => {
    const r = fs.json(['report', '2026-Q4', '--by', 'week', '--section', 'visits']);
    expect(r.intervals[0]).toEqual({ label: '2026-W40', from: '2026-10-01', to: '2026-10-04' });
    expect(r.intervals.at(-1)).toEqual({ label: '2026-W53', from: '2026-12-28', to: '2026-12-31' });
    expect(r.intervals).toHaveLength(14);
    expect(r.visits.total.total).toBe(3);
    expect(Object.entries(r.visits.total.intervals).filter(([, n]) => n !== 0)).toEqual([['2026-W41', 1], ['2026-W47', 2]]);
    expect(fs.json(['report', '2026-W53', '--section', 'visits']).period).toEqual({ label: '2026-W53', from: '2026-12-28', to: '2027-01-03' });
    const q1 = fs.json(['report', '2027-Q1', '--by', 'week', '--section', 'visits']);
    expect(q1.intervals[0]).toEqual({ label: '2026-W53', from: '2027-01-01', to: '2027-01-03' });
  });

  it('a leap February: the 29th belongs to the month and to the last, clipped week', () => {
    const r = fs.json(['report', '2024-02', '--by', 'week', '--section', 'visits']);
    expect(r.period).toEqual({ label: '2024-02', from: '2024-02-01', to: '2024-02-29' });
    expect(r.intervals.at(-1)).toEqual({ label: '2024-W09', from: '2024-02-26', to: '2024-02-29' });
    expect(r.visits.total).toEqual({ total: 1, intervals: { '2024-W05': 0, '2024-W06': 0, '2024-W07': 0, '2024-W08': 0, '2024-W09': 1 } });
    expect(r.zero_report).toBe(false);
  });

  it('--section picks sections, always in the contract order', () => {
    const r = fs.json(['report', '2026-Q4', '--section', 'plan', '--section', 'visits']);
    expect(Object.keys(r).filter((k) => SECTIONS.includes(k))).toEqual(['visits', 'plan']);
    const md = fs.ok(['report', '2026-Q4', '--section', 'plan', '--section', 'visits', '--format', 'md']);
    // The document keeps only the parts of those sections: visits under its role, the plan's practical things and its progress.
    expect(md.match(/^## .*$/gm)).toEqual(['## 1. Summary', "## 2. Visits and the villagers' concerns", '## 3. Pairings and practical things', '## 4. The village development plan', '## 5. Problems', '## 6. Plans for the next period', '## Annexed tables']);
    expect(md.match(/^### .*$/gm)).toEqual(['### (1) Five must visits, five must asks', '### (1) Practical things']);
  });

  it('--detail puts the period\'s items in JSON, newest last, capped by --detail-limit', () => {
    const r = fs.json(['report', 'last-week', '--detail']);
    expect(r.visits.details).toEqual([
      { date: '2026-11-17', who: '王秀英', what: '王秀英 says the roof | leaks;\ncall 13812345678 or ask 王秀', category: 'poor-household', status: null },
      { date: '2026-11-18', who: '张三', what: 'line1\nline2 | with 王秀 and 李四', category: 'ordinary-household', status: null },
    ]);
    expect(r.concerns.details.map((d: { status: string }) => d.status)).toEqual(['referred', 'resolved']);
    expect(r.disputes.details).toEqual([{ date: '2026-11-19', who: '张三、赵六', what: 'boundary wall | 张三 and 赵六', status: 'resolved' }]);
    expect(r.pairs.details).toEqual([{ date: '2026-11-20', who: '王秀英', what: 'took 王秀英 to the co-op → hired; reach her on 0851-88776655', helper: '刘帮扶', status: 'active' }]);
    expect(r.meetings.details).toEqual([{ date: '2026-11-16', who: '李明', what: 'study with 王秀英 \\| a\\b \\', type: 'theme-day', status: null }]);
    expect(r.decisions.details).toEqual([{ date: '2026-11-17', who: '', what: 'lease land to the co-op of 王秀英', step: 'proposal', status: 'in-progress' }]);
    expect(r.plan.details.map((d: { what: string; status: string }) => [d.what, d.status])).toEqual([['tea co-op — harvest', 'planned'], ['tea co-op — seedlings', 'done']]);
    for (const s of SECTIONS) expect(r[s].details_total).toBe(r[s].details.length);
    const capped = fs.json(['report', '2026-Q4', '--detail', '--detail-limit', '1', '--section', 'visits']);
    expect(capped.visits.details).toMatchObject([{ date: '2026-11-18' }]);
    expect(capped.visits.details_total).toBe(3);
    const md = fs.ok(['report', '2026-Q4', '--detail-limit', '1', '--section', 'visits', '--format', 'md']);
    expect(md).toContain('The last 1 of 3 are listed (raise --detail-limit for more).');
    expect(fs.ok(['report', 'last-week', '--no-detail', '--format', 'md'])).not.toContain('### Details');
  });
});

describe('the narrative dates each item inside its period', () => {
  const own = cli({ today: TODAY });
  it('a milestone due last week but done this week: on its due date last week, on the day done this week', () => {
    own.ok(['plan', 'add', '--title', 'roads', '--area', 'public-welfare', '--start', '2026-01-01']);
    own.ok(['plan', 'milestone', 'add', '1', '--title', 'fences', '--due', '2026-11-21']);
    own.ok(['plan', 'milestone', 'done', '1', '--date', '2026-11-25']);
    const item = { who: '', what: 'roads — fences', status: 'done' };
    expect(own.json(['report', 'last-week', '--detail', '--section', 'plan']).plan.details).toEqual([{ date: '2026-11-21', ...item }]);
    expect(own.json(['report', 'this-week', '--detail', '--section', 'plan']).plan.details).toEqual([{ date: '2026-11-25', ...item }]);
  });
});

describe('fs report --format csv|tsv: the long format', () => {
  it('one figure per row, section,metric,key,interval,value, agreeing with the JSON', () => {
    const json = fs.json(['report', '2026-Q4']);
    const rows = parseCsv(fs.ok(['report', '2026-Q4', '--format', 'csv', '--detail']));
    expect(rows[0]).toEqual(['section', 'metric', 'key', 'interval', 'value']);
    const body = rows.slice(1);
    for (const r of body) expect(r).toHaveLength(5);
    // Counts carry their period; states (one day's picture, e.g. active pairings per helper) that day.
    expect(new Set(body.map((r) => r[3]))).toEqual(new Set(['2026-Q4', json.as_of]));
    expect(body.filter((r) => r[3] === json.as_of).map((r) => r[1])).toEqual(expect.arrayContaining(['households_not_visited', 'active_per_helper']));
    const value = (section: string, metric: string, key = '') => body.find((r) => r[0] === section && r[1] === metric && r[2] === key)?.[4];
    expect(value('visits', 'total')).toBe(String(json.visits.total));
    expect(value('visits', 'by_category', 'poor-household')).toBe('1');
    expect(value('concerns', 'open')).toBe('1');
    expect(value('disputes', 'overdue')).toBe('1');
    expect(value('pairs', 'active_per_helper', '孙帮扶')).toBe('1');
    expect(value('meetings', 'attendance', 'rate')).toBe('0.857');
    expect(value('plan', 'milestones_done')).toBe('1');
    // Every summary number of the JSON is a row (no details, no lists in the long format).
    for (const s of SECTIONS) {
      for (const [k, v] of Object.entries(json[s])) if (typeof v === 'number') expect(value(s, k), `${s}.${k}`).toBe(String(v));
    }
    const tsv = fs.ok(['report', '2026-Q4', '--format', 'tsv']).trimEnd().split('\n').map((l) => l.split('\t'));
    expect(tsv).toEqual(rows);
  });

  it('with --by month: one row per interval and one for the total', () => {
    const rows = parseCsv(fs.ok(['report', '2026-Q4', '--by', 'month', '--format', 'csv', '--section', 'meetings']));
    expect(rows.filter((r) => r[1] === 'gaps').map((r) => [r[3], r[4]])).toEqual([
      ['2026-10', '3'],
      ['2026-11', '0'],
      ['2026-12', '0'],
      ['total', '3'],
    ]);
    // A rate with nothing to divide is an empty cell, not NaN.
    expect(rows.filter((r) => r[1] === 'attendance').map((r) => r[4])).toEqual(['1', '0.5', '', '0.857']);
  });
});

describe('the zero report and both languages', () => {
  it('an empty week is a valid report that says so, in md and json, English and Chinese', () => {
    const json = fs.json(['report', '2025-W10']);
    expect(json).toMatchObject({ period: { label: '2025-W10', from: '2025-03-03', to: '2025-03-09' }, zero_report: true });
    expect(json.visits.total).toBe(0);
    expect(json.meetings.missing).toEqual([]);
    expect(Object.keys(json).filter((k) => SECTIONS.includes(k))).toEqual(SECTIONS);
    const md = fs.ok(['report', '2025-W10', '--format', 'md']);
    expect(md).toContain('\nNothing new was recorded this week: no visits, concerns, disputes, help entries, meetings or plan progress (zero report).\n');
    expect(md.match(/^## /gm)).toHaveLength(4);
    const zh = fs.ok(['report', '2025-W10', '--format', 'md', '--lang', 'zh']);
    expect(zh).toContain('\n本周无走访、群众诉求、矛盾纠纷、结对帮扶、会议和规划进展等新增记录，实行零报告。\n');
    expect(zh).toMatch(/^# 青山村驻村第一书记2025年第10周工作周报（3月3日—3月9日）$/m);
    expect(fs.ok(['report', 'last-week', '--format', 'md'])).not.toContain('zero report');
  });

  it('a new, empty ledger (no village, no secretary) gives a zero report too', () => {
    const md = empty.ok(['report', '--format', 'md']);
    // No secretary: no reporter line; the date it is sent is today.
    expect(md.split('\n').slice(0, 7)).toEqual(["# First secretary's work report, week 48 of 2026 (23–29 November 2026)", '', 'Date: 27 November 2026', '', '## 1. Summary', '', 'Nothing new was recorded this week: no visits, concerns, disputes, help entries, meetings or plan progress (zero report).']);
    expect(empty.json(['report', '2026', '--by', 'quarter'])).toMatchObject({ village: null, secretary: null, zero_report: true, visits: { total: { total: 0, intervals: { '2026-Q1': 0, '2026-Q4': 0 } } } });
  });

  it('Chinese headings and labels in md and table; the JSON is the same in either language', () => {
    const zh = fs.ok(['report', 'last-week', '--format', 'md', '--lang', 'zh']);
    expect(zh.match(/^## .*$/gm)).toEqual(['## 一、总体情况', '## 二、抓党建促基层治理和党务监督', '## 三、走访联系群众和诉求办理', '## 四、结对帮扶和为民办实事', '## 五、矛盾纠纷排查调处和信访', '## 六、村级发展规划推进', '## 七、存在的问题', '## 八、下步工作打算', '## 附表']);
    expect(zh).toMatch(/^# 青山村驻村第一书记2026年第47周工作周报（11月16日—11月22日）$/m);
    expect(zh).toContain('\n报告人：李书记\n\n报送日期：2026年11月27日\n');
    expect(zh).toContain('\n本周共走访2户次，覆盖2户，其中困难户1户次；收集群众诉求2件，办结1件，转办1件；排查调处矛盾纠纷1件，化解1件；');
    expect(zh).toMatch(/\| 走访户次 +\| +2 \|/);
    expect(zh).toMatch(/\| 困难户 +\| +0 \| +1 \| +0 \| +1 \| +0 \| +1 \|/);
    expect(fs.ok(['report', 'last-week', '--format', 'table', '--lang', 'zh'])).toMatch(/│ 走访次数\s+│ 2\s+│/);
    expect(fs.json(['report', '2026-Q4', '--by', 'month', '--detail', '--lang', 'zh'])).toEqual(fs.json(['report', '2026-Q4', '--by', 'month', '--detail']));
  });

  it('table: the same blocks on a terminal, no colour codes with NO_COLOR', () => {
    const out = fs.ok(['report', 'last-week', '--format', 'table']);
    expect(out).toContain('Work report, 青山村 · 李书记: 2026-W47 (2026-11-16 – 2026-11-22)');
    expect(out).toMatch(/│ Visits\s+│ 2\s+│/);
    expect(out).not.toContain('\u001b[');
  });

  it('-o FILE writes the report in the format of its extension', () => {
    const file = join(tempDir(), 'week.md');
    const r = fs.run(['report', 'last-week', '-o', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(fs.ok(['report', 'last-week', '--format', 'md']));
  });
});

describe('bad input: exit 2, one line, database unchanged', () => {
  it.each([
    [['report', 'next-week'], /^error: invalid period "next-week": use /],
    [['report', '2026-W54'], /^error: invalid period "2026-W54"/],
    [['report', '2026-13'], /^error: invalid period "2026-13"/],
    [['report', '--section', 'money'], /^error: invalid section "money": use one of visits, concerns, disputes, pairs, meetings, decisions, plan, presence\n$/],
    [['report', '--section', 'visits', '--section', 'money'], /^error: invalid section "money"/],
    [['report', '--by', 'day'], /^error: invalid --by "day": use one of week, month, quarter\n$/],
    [['report', '--by', 'year'], /^error: invalid --by "year"/],
    [['report', '--detail-limit', '-1'], /^error: invalid --detail-limit "-1"/],
    [['report', '--detail-limit', 'ten'], /^error: invalid --detail-limit "ten"/],
    [['report', '--format', 'xml'], /^error: /],
    [['report', '--today', '2026-02-30'], /^error: invalid date "2026-02-30"/],
  ])('fs %s', (args, message) => {
    const before = snapshot(fs.db);
    const r = fs.run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(snapshot(fs.db)).toBe(before);
  });
});
