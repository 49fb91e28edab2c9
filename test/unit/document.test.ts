// The document's pure parts as tables of cases: sentences from figures (zero, one, many; zh and
// en), titles by period, section numbers, redaction on the tree, due groups, partial intervals,
// the next period, Markdown column widths.
import type { DueItem } from '../../src/domain/due.js';
import { describe, expect, it } from 'vitest';
import { chineseNumber, documentText, redactDocument, sectionNumber, type DocTable, type DocumentTree } from '../../src/domain/document.js';
import { makeRedactor } from '../../src/domain/redact.js';
import type { ReportModel } from '../../src/domain/report.js';
import { dashWidths, displayWidth, renderDocumentMarkdown } from '../../src/render/document-md.js';
import { isPartial } from '../../src/report/document-annex.js';
import { nextPeriod } from '../../src/report/document-data.js';
import { documentTitle, groupDue } from '../../src/report/document.js';
import { sentencesFor, type SummaryFigures } from '../../src/report/sentences.js';
import { parsePeriod, rangePeriod } from '../../src/time/periods.js';
import { addDays } from '../../src/time/dates.js';
import { rng } from '../helpers/rng.js';

const zero: SummaryFigures = { visits: 0, households: 0, poorVisits: 0, concernsRaised: 0, concernsResolved: 0, concernsReferred: 0, casesRegistered: 0, casesResolved: 0, casesClosed: 0, casesEscalated: 0, meetingsHeld: 0, helpEntries: 0, milestonesDone: 0, decisionsStarted: 0 };
const one: SummaryFigures = { ...zero, visits: 1, households: 1, concernsRaised: 1, casesRegistered: 1, meetingsHeld: 1 };
const many: SummaryFigures = { ...zero, visits: 29, households: 16, poorVisits: 9, concernsRaised: 10, concernsResolved: 5, concernsReferred: 1, casesRegistered: 4, casesResolved: 3, helpEntries: 12 };

describe('the 总体情况 paragraph from figures', () => {
  it.each<[string, 'zh' | 'en', SummaryFigures, string[]]>([
    ['zh zero: one sentence, the zero report', 'zh', zero, ['本月无走访、群众诉求、矛盾纠纷、结对帮扶、会议和规划进展等新增记录，实行零报告。']],
    ['zh one', 'zh', one, ['本月共走访1户次，覆盖1户；收集群众诉求1件；排查调处矛盾纠纷1件；召开组织生活等会议1次。']],
    [
      'zh many: the issue\'s sentence',
      'zh',
      many,
      ['本月共走访29户次，覆盖16户，其中困难户9户次；收集群众诉求10件，办结5件，转办1件；排查调处矛盾纠纷4件，化解3件；开展结对帮扶12人次。'],
    ],
    ['zh visits only: no disputes said once, as a zero report', 'zh', { ...zero, visits: 3, households: 2 }, ['本月共走访3户次，覆盖2户。', '本月无新发矛盾纠纷，实行零报告。', '本月无新收群众诉求。']],
    ['en zero', 'en', zero, ['Nothing new was recorded this month: no visits, concerns, disputes, help entries, meetings or plan progress (zero report).']],
    ['en one: singulars', 'en', one, ['This month we made 1 visit to 1 household.', '1 concern was raised.', '1 dispute was registered.', '1 meeting held.']],
    [
      'en many: plurals',
      'en',
      many,
      ['This month we made 29 visits to 16 households, 9 of them to households in hardship.', '10 concerns were raised; 5 resolved and 1 referred to a department.', '4 disputes were registered; 3 settled by agreement.', '12 help entries for paired villagers.'],
    ],
    ['en no disputes: said once', 'en', { ...zero, helpEntries: 1 }, ['No home visits were made this month.', 'No new disputes arose this month (zero report).', '1 help entry for paired villagers.']],
  ])('%s', (_name, lang, figures, expected) => {
    expect(sentencesFor(lang).summary(figures, 'month')).toEqual(expected);
  });

  it('the period word follows the period', () => {
    expect(['week', 'month', 'quarter', 'year', 'range'].map((u) => sentencesFor('zh').periodWord(u as never))).toEqual(['本周', '本月', '本季度', '本年度', '本期']);
    expect(sentencesFor('zh').summary(one, 'quarter')[0]).toMatch(/^本季度共走访1户次/);
  });
});

describe('lead sentences, problems and plans', () => {
  const zh = sentencesFor('zh');
  const en = sentencesFor('en');
  it.each<[string, string[], string[]]>([
    ['zh cases: none', zh.casesLead({ registered: 0, touched: 0, resolved: 0, closed: 0, escalated: 0, open: 0, overdue: 0 }, 'month'), ['本月无新发矛盾纠纷，实行零报告。']],
    ['zh cases: many', zh.casesLead({ registered: 4, touched: 5, resolved: 3, closed: 1, escalated: 1, open: 2, overdue: 1 }, 'month'), ['本月新登记矛盾纠纷4件；调处案件5件；达成协议3件；回访结案1件；上报移交1件；期末未结2件（逾期1件）。']],
    ['en cases: one', en.casesLead({ registered: 1, touched: 1, resolved: 0, closed: 0, escalated: 0, open: 1, overdue: 0 }, 'week'), ['Disputes this week: 1 registered and 1 handled. 1 case open at the end.']],
    ['zh meetings: gaps named', zh.meetingsLead({ held: 2, rate: 0.857, gaps: ['2026-10党小组会'] }, 'quarter'), ['本季度召开会议2次，平均出席率85.7%。', '按“三会一课”等规定，2026-10党小组会应开未开。']],
    ['en meetings: none', en.meetingsLead({ held: 0, rate: null, gaps: [] }, 'week'), ['No meetings were held this week.', 'Every required meeting was held.']],
    ['zh problems: none', zh.problems([], []), ['本期各项工作均按期推进，暂无逾期事项。']],
    ['en problems: none', en.problems([], []), ['Everything is on schedule: nothing is overdue.']],
    [
      'zh problems: the worst named, more said as 等',
      zh.problems([{ kind: 'concern-due', count: 4, titles: ['修屋顶', '校车', '低保'], worstDays: 12, firstDue: '2026-11-01' }], []),
      ['群众诉求逾期未办结4件（“修屋顶”、“校车”、“低保”等），最长逾期12天。'],
    ],
    [
      'en problems: one',
      en.problems([{ kind: 'dispute-revisit', count: 1, titles: ['wall'], worstDays: 1, firstDue: '2026-11-01' }], []),
      ['1 return visit overdue (“wall”), the longest by 1 day.'],
    ],
    [
      'zh plans: next month, with the overdue first',
      zh.plans([{ kind: 'pair-contact', count: 2, titles: ['王秀英：income', '李四：work'], worstDays: 0, firstDue: '2026-12-04' }], 3, 'month'),
      ['抓紧办理逾期事项3项，逐件明确责任人和完成时限。', '下月联系结对帮扶对象2人（“王秀英：income”、“李四：work”），最早于12月4日到期。', '继续落实“五必访五必问”，按规定召开“三会一课”，做好矛盾纠纷排查和“零报告”。'],
    ],
  ])('%s', (_name, got, expected) => {
    expect(got).toEqual(expected);
  });

  it('groups due items by kind, the most overdue first, three titles, the earliest day', () => {
    const item = (reason: string, id: number, days: number, due: string, person: string | null = null) => ({ kind: reason.split('-')[0]! as DueItem['kind'], reason: reason as DueItem['reason'], ref: { entity: 'x', id, uid: null }, title: `t${id}`, person, due, days, action: '', key: `x${id}:${reason}` });
    expect(groupDue([item('concern-due', 1, -2, '2026-11-25', '王'), item('plan-milestone', 5, -9, '2026-11-18'), item('concern-due', 2, -7, '2026-11-20'), item('concern-due', 3, -1, '2026-11-26'), item('concern-due', 4, -1, '2026-11-26')])).toEqual([
      { kind: 'plan-milestone', count: 1, titles: ['t5'], worstDays: 9, firstDue: '2026-11-18' },
      { kind: 'concern-due', count: 4, titles: ['t2', '王：t1', 't3'], worstDays: 7, firstDue: '2026-11-20' },
    ]);
  });
});

describe('groupDue in one pass = sort by days and id, then group', () => {
  // The grouping as it was first written: sort everything, then group in order of appearance.
  const sortThenGroup = (items: readonly DueItem[]) => {
    const groups = new Map<string, DueItem[]>();
    for (const x of [...items].sort((a, b) => a.days - b.days || (a.ref.id ?? 0) - (b.ref.id ?? 0))) groups.set(x.reason, [...(groups.get(x.reason) ?? []), x]);
    return [...groups].map(([kind, xs]) => ({ kind, count: xs.length, titles: xs.slice(0, 3).map((x) => (x.person ? `${x.person}：${x.title}` : x.title)), worstDays: -xs[0]!.days, firstDue: xs.reduce((a, x) => (x.due < a ? x.due : a), xs[0]!.due) }));
  };
  it('on random items with ties on days, ids and null ids', () => {
    const rand = rng(7);
    const reasons = ['concern-due', 'concern-feedback', 'dispute-revisit', 'pair-contact', 'presence-shortfall'] as const;
    for (let round = 0; round < 200; round++) {
      const items: DueItem[] = Array.from({ length: Math.floor(rand() * 40) }, (_, n) => {
        const days = Math.floor(rand() * 9) - 5;
        const id = rand() < 0.1 ? null : Math.floor(rand() * 6);
        const reason = reasons[Math.floor(rand() * reasons.length)]!;
        return { kind: reason.split('-')[0] as DueItem['kind'], reason, ref: { entity: 'x', id, uid: null }, title: `t${n}`, person: rand() < 0.3 ? '王' : null, due: addDays('2026-11-27', days), days, action: '', key: `${n}` };
      });
      expect(groupDue(items)).toEqual(sortThenGroup(items));
    }
  });
});

const model = (label: string, village = '柳树村'): ReportModel => {
  const period = label.includes('..') ? rangePeriod(label.slice(0, 10), label.slice(12)) : parsePeriod(label, '2026-12-01');
  return { period, today: '2026-12-01', as_of: '2026-11-30', village, secretary: '李明', intervals: [], sections: [], zero_report: true, redacted: false };
};

describe('titles by period (DOMAIN.md "Documents by period")', () => {
  it.each([
    ['2026-W48', 'zh', '柳树村驻村第一书记2026年第48周工作周报（11月23日—11月29日）'],
    ['2026-11', 'zh', '柳树村驻村第一书记2026年11月工作月报'],
    ['2026-Q4', 'zh', '柳树村驻村第一书记2026年第四季度工作季报'],
    ['2026', 'zh', '柳树村驻村第一书记2026年度工作总结'],
    ['2026-11-01..2026-11-15', 'zh', '柳树村驻村第一书记工作报告（2026年11月1日—2026年11月15日）'],
    ['2026-11', 'en', "柳树村 — first secretary's work report, November 2026"],
    ['2026-W48', 'en', "柳树村 — first secretary's work report, week 48 of 2026 (23–29 November 2026)"],
    ['2026-W49', 'en', "柳树村 — first secretary's work report, week 49 of 2026 (30 November 2026 – 6 December 2026)"],
    ['2026-Q4', 'en', "柳树村 — first secretary's work report, Q4 2026"],
  ] as const)('%s in %s', (label, lang, title) => {
    expect(documentTitle(model(label), lang)).toBe(title);
  });

  it('section numbers: 一、 （一） in zh, 1. (1) in en', () => {
    expect([1, 2, 9, 10, 11, 20, 21].map(chineseNumber)).toEqual(['一', '二', '九', '十', '十一', '二十', '二十一']);
    expect([sectionNumber('zh', 1, 3), sectionNumber('zh', 2, 2), sectionNumber('en', 1, 3), sectionNumber('en', 2, 2)]).toEqual(['三、', '（二）', '3.', '(2)']);
  });
});

describe('the period after and partial intervals', () => {
  it.each([
    ['2026-W48', '2026-11-30', '2026-12-06'],
    ['2026-11', '2026-12-01', '2026-12-31'],
    ['2026-Q4', '2027-01-01', '2027-03-31'],
    ['2026', '2027-01-01', '2027-12-31'],
  ])('after %s: %s – %s', (label, from, to) => {
    expect(nextPeriod(parsePeriod(label, '2026-12-01'))).toMatchObject({ from, to });
  });

  it('an interval cut by the period, or not over on today, is partial', () => {
    expect(isPartial({ label: '2026-W40', from: '2026-10-01', to: '2026-10-04', unit: 'week' }, 'week', '2026-12-31')).toBe(true);
    expect(isPartial({ label: '2026-W41', from: '2026-10-05', to: '2026-10-11', unit: 'week' }, 'week', '2026-12-31')).toBe(false);
    expect(isPartial({ label: '2026-11', from: '2026-11-01', to: '2026-11-30', unit: 'month' }, 'month', '2026-11-27')).toBe(true);
  });
});

describe('the tree: redaction before any renderer, Markdown widths', () => {
  const tree: DocumentTree = {
    lang: 'zh',
    title: '青山村驻村第一书记2026年11月工作月报',
    meta: [{ label: '报告人：', value: '李书记' }],
    blocks: [
      { kind: 'section', level: 1, number: '一、', title: '总体情况', blocks: [{ kind: 'paragraph', sentences: ['走访王秀英（王大山家），电话13812345678。'] }] },
      {
        kind: 'table',
        columns: [
          { header: '日期', type: 'date' },
          { header: '群众', type: 'name' },
          { header: '帮扶人', type: 'name' },
          { header: '内容', type: 'text' },
          { header: '次数', type: 'count' },
        ],
        rows: [['11月17日', { name: '王秀英', id: 1 }, '刘帮扶', '带王秀英去合作社', 2]],
      },
    ],
  };
  it('names in cells become pseudonyms, names, households and phones in text are masked, counts stay', () => {
    const r = makeRedactor({ salt: 'test', people: [{ id: 1, names: ['王秀英'] }], households: [{ id: 1, labels: ['王大山家'] }], otherNames: ['刘帮扶', '李书记'], phones: ['13812345678'] }, 'zh');
    const text = documentText(redactDocument(tree, r)).join('\n');
    for (const s of ['王秀英', '王大山家', '13812345678', '刘帮扶', '李书记']) expect(text).not.toContain(s);
    expect(text).toContain(r.person('王秀英', 1));
    expect(text).toContain('|2');
  });

  it('Markdown: dashes in proportion to the widest cell (CJK counts two), counts right-aligned', () => {
    expect([displayWidth('abc'), displayWidth('王秀英'), displayWidth('11月17日')]).toEqual([3, 6, 8]);
    expect(dashWidths(tree.blocks[1] as never)).toEqual([8, 6, 6, 16, 4]);
    const md = renderDocumentMarkdown(tree);
    expect(md).toContain('| -------- | ------ | ------ | ---------------- | ---: |');
    expect(md.split('\n').slice(0, 5)).toEqual(['# 青山村驻村第一书记2026年11月工作月报', '', '报告人：李书记', '', '## 一、总体情况']);
  });

  it('Markdown: a table of every visit of a year (--detail-limit 0) is written, not a stack overflow', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [`11月${(i % 30) + 1}日`, { name: '王秀英', id: 1 }, '刘帮扶', i === 7 ? '最宽的一格内容' : '带', i]);
    const md = renderDocumentMarkdown({ ...tree, blocks: [{ ...(tree.blocks[1] as DocTable), rows }] });
    expect(md.split('\n')).toHaveLength(4 + 2 + rows.length + 1);
    expect(md).toContain('| -------- | ------ | ------ | -------------- | -----: |');
    expect(md).toContain('| 11月8日 | 王秀英 | 刘帮扶 | 最宽的一格内容 | 7 |');
  });
});
