// fs report as a document: the Markdown parsed by a real GFM parser (tables are tables, cells stay
// in their cells, headings in the contract order), converted by pandoc into a .docx with real
// tables, and redaction proven by searching every format's output for every seeded secret.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Heading, Nodes, Root, Table } from 'mdast';
import { t } from '../../src/i18n/index.js';
import { tempDir } from '../helpers/cli.js';
import { unzipEntry } from '../helpers/zip.js';
import { reportCli, SECRETS, seedReportLedger } from './report-seed.js';

const fs = reportCli();
beforeAll(() => seedReportLedger(fs), 120_000);

const SECTIONS = ['visits', 'concerns', 'disputes', 'pairs', 'meetings', 'decisions', 'plan'];

/** The document's parts: 总体情况, the sections by role, 存在的问题, 下步工作打算, 附表. */
const PARTS = {
  en: ['1. Summary', '2. Party building and supervision', "3. Visits and the villagers' concerns", '4. Pairings and practical things', '5. Disputes and petitions', '6. The village development plan', '7. Problems', '8. Plans for the next period', 'Annexed tables'],
  zh: ['一、总体情况', '二、抓党建促基层治理和党务监督', '三、走访联系群众和诉求办理', '四、结对帮扶和为民办实事', '五、矛盾纠纷排查调处和信访', '六、村级发展规划推进', '七、存在的问题', '八、下步工作打算', '附表'],
};

const parse = (md: string): Root => fromMarkdown(md, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });

/** The text of a node as a reader sees it; inline HTML (<br>) kept as written. */
function textOf(node: Nodes): string {
  if ('value' in node) return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

const tables = (root: Root) => root.children.filter((n): n is Table => n.type === 'table');
const headings = (root: Root, depth: number) => root.children.filter((n): n is Heading => n.type === 'heading' && n.depth === depth).map(textOf);

/** Every table has a header and rows with the header's number of cells, and no table line fell out of one. */
function expectWellFormedTables(md: string, root: Root): Table[] {
  const all = tables(root);
  expect(all.length).toBeGreaterThan(0);
  for (const table of all) {
    const width = table.children[0]!.children.length;
    expect(width).toBeGreaterThanOrEqual(2);
    for (const row of table.children) expect(row.children.map((c) => textOf(c)), `row of a ${width}-column table`).toHaveLength(width);
  }
  // Each source line starting with a pipe is a table row or delimiter row of a parsed table.
  const pipeLines = md.split('\n').filter((l) => l.startsWith('|')).length;
  expect(pipeLines).toBe(all.reduce((n, tb) => n + tb.children.length + 1, 0));
  // Nothing that looks like a table row became a paragraph.
  for (const p of root.children.filter((n) => n.type === 'paragraph')) expect(textOf(p)).not.toMatch(/^\|/);
  return all;
}

/** The rows (cell texts) of the first table whose header row is `header`. */
function rowsOf(root: Root, header: string[]): string[][] {
  const table = tables(root).find((tb) => tb.children[0]!.children.map((c) => textOf(c)).join('|') === header.join('|'));
  expect(table, `a table headed ${header.join(' | ')}`).toBeDefined();
  return table!.children.slice(1).map((r) => r.children.map((c) => textOf(c)));
}

/** The paragraphs under the ## heading `title`, up to the next ##. */
function partText(root: Root, title: string): string[] {
  const start = root.children.findIndex((n) => n.type === 'heading' && n.depth === 2 && textOf(n) === title);
  expect(start, title).toBeGreaterThan(-1);
  const next = root.children.findIndex((n, i) => i > start && n.type === 'heading' && n.depth === 2);
  return root.children.slice(start + 1, next === -1 ? undefined : next).filter((n) => n.type === 'paragraph').map(textOf);
}

describe('fs report --format md: GitHub-flavoured Markdown', () => {
  it('a # title by the period, reporter and date, the numbered parts in order, every table a table', () => {
    const md = fs.ok(['report', 'last-week', '--format', 'md']);
    const root = parse(md);
    expect(root.children[0]).toMatchObject({ type: 'heading', depth: 1 });
    expect(headings(root, 1)).toEqual(["青山村 — first secretary's work report, week 47 of 2026 (16–22 November 2026)"]);
    expect(textOf(root.children[1]!)).toBe('Reporter: 李书记');
    expect(textOf(root.children[2]!)).toBe('Date: 27 November 2026');
    expect(headings(root, 2)).toEqual(PARTS.en);
    expect(headings(root, 3)).toEqual(['(1) Meetings and party life', '(2) Four discussions, two disclosures', '(1) Five must visits, five must asks', "(2) Villagers' concerns", '(1) Pairings', '(2) Practical things']);
    const all = expectWellFormedTables(md, root);
    // The summary: one paragraph with the week's figures.
    expect(partText(root, '1. Summary')).toEqual([
      'This week we made 2 visits to 2 households, 1 of them to households in hardship. 2 concerns were raised; 1 resolved and 1 referred to a department. 1 dispute was registered; 1 settled by agreement. 1 meeting held, 1 village decision started, 1 help entry for paired villagers and 1 plan milestone done.',
    ]);
    // Annexed tables: the main figures, the same as the JSON's.
    expect(rowsOf(root, ['Figure', 'This period']).slice(0, 3)).toEqual([['Visits', '2'], ['Households visited', '2'], ['Concerns raised', '2']]);
    // A count column is aligned right, with separator dashes in proportion to the widest cell.
    expect(md).toContain('| Figure | This period |\n| ----------------------------- | ----------: |');
    expect(all.length).toBeGreaterThan(5);
  });

  it('user text with | and line breaks stays inside its cell; the detail columns say what they hold', () => {
    const md = fs.ok(['report', 'last-week', '--format', 'md']);
    const root = parse(md);
    expectWellFormedTables(md, root);
    expect(rowsOf(root, ['Date', 'Visited', 'Category', 'What was found'])).toEqual([
      ['2026-11-17', '王秀英', 'households in hardship', '王秀英 says the roof | leaks;<br>call 13812345678 or ask 王秀'],
      ['2026-11-18', '张三', 'ordinary households', 'line1<br>line2 | with 王秀 and 李四'],
    ]);
    expect(rowsOf(root, ['Case', 'Category', 'Parties', 'What happened in the period', 'Status'])).toEqual([
      ['boundary wall | 张三 and 赵六', 'neighbours', '张三、赵六', '2026-11-19 registered; 2026-11-20 mediation step: met both; 2026-11-21 agreement: wall moved 30 cm', 'agreement reached'],
    ]);
    // Backslashes typed by a user, one before a pipe and one at the end of the cell, stay text.
    expect(rowsOf(root, ['Date', 'Meeting', 'Chair', 'Topic', 'Expected', 'Present', 'Absent'])).toEqual([['2026-11-16', 'theme party day', '李明', 'study with 王秀英 \\| a\\b \\', '2', '1', '李四（ill）']]);
    // The helper has a column of its own; the status is the concern's, the pairing's, a status.
    expect(rowsOf(root, ['Date', 'Villager', 'Helper', 'Need', 'Measure', 'Result'])).toEqual([['2026-11-20', '王秀英', '刘帮扶', 'income', 'co-op; took 王秀英 to the co-op', 'hired; reach her on 0851-88776655']]);
    expect(rowsOf(root, ['Raised', 'Villager', 'Concern', 'How it was handled', 'Status']).map((r) => [r[3], r[4]])).toEqual([
      ['referred to township; due 2026-11-20', 'referred'],
      ['due 2026-12-17; resolved 2026-11-21; villager not yet told', 'resolved'],
    ]);
  });

  it('--detail-limit 1: the newest row of each table, and under it how many there were', () => {
    const md = fs.ok(['report', 'last-week', '--format', 'md', '--detail-limit', '1']);
    const root = parse(md);
    expect(rowsOf(root, ['Date', 'Visited', 'Category', 'What was found'])).toEqual([['2026-11-18', '张三', 'ordinary households', 'line1<br>line2 | with 王秀 and 李四']]);
    expect(rowsOf(root, ['Raised', 'Villager', 'Concern', 'How it was handled', 'Status'])).toHaveLength(1);
    // Visits, concerns and milestones: 2 each in the week.
    expect(md.split('\n').filter((l) => l === 'The last 1 of 2 are listed (raise --detail-limit for more).')).toHaveLength(3);
  });

  it('the same structure in Chinese and with a column per month (same column order every time)', () => {
    for (const args of [['--lang', 'zh'], ['--by', 'month'], ['--by', 'week', '--lang', 'zh', '--redact']]) {
      const md = fs.ok(['report', '2026-Q4', '--format', 'md', ...args]);
      const root = parse(md);
      const lang = args.includes('zh') ? 'zh' : 'en';
      expect(headings(root, 2)).toEqual(PARTS[lang]);
      expect(headings(root, 1)[0]).toBe(lang === 'zh' ? '青山村驻村第一书记2026年第四季度工作季报' : "青山村 — first secretary's work report, Q4 2026");
      expectWellFormedTables(md, root);
      if (args.includes('--by')) {
        const main = tables(root).find((tb) => ['Figure', '指标'].includes(textOf(tb.children[0]!.children[0]!)))!;
        const head = main.children[0]!.children.map((c) => textOf(c));
        // November is not over on the 27th and December has not begun: both marked and footnoted.
        if (args.includes('month')) expect(head).toEqual(['Figure', '2026-10', '2026-11*', '2026-12*', 'Total']);
        else expect(head).toHaveLength(1 + 14 + 1); // 2026-W40 … 2026-W53, plus the total
        expect(md).toMatch(lang === 'zh' ? /注：带\*号的为不完整区间，2026-W40仅统计2026年10月1日至2026年10月4日；/ : /Note: an interval marked \* is partial: 2026-11 counts 1 November 2026 to 27 November 2026 only; 2026-12 has not begun\./);
      }
    }
  });

  it('--no-detail: the lead paragraphs and the annexed figures, no tables of items', () => {
    const md = fs.ok(['report', '2026-Q4', '--format', 'md', '--no-detail']);
    const root = parse(md);
    const heads = tables(root).map((tb) => textOf(tb.children[0]!.children[0]!));
    // The practical things (one to three a year) are the plan's own list, not items of the period.
    expect(heads).toEqual(['Practical thing', 'Figure', 'Category', 'Category', 'Helper', 'Meeting']);
    expect(headings(root, 2)).toEqual(PARTS.en);
  });

  it('the zero report parses too, and says so once, in the summary', () => {
    const md = fs.ok(['report', '2025-W10', '--format', 'md']);
    const root = parse(md);
    expectWellFormedTables(md, root);
    expect(partText(root, '1. Summary')).toEqual(['Nothing new was recorded this week: no visits, concerns, disputes, help entries, meetings or plan progress (zero report).']);
    // No empty section under each role: the summary, the problems, the plans and the annexed figures.
    expect(headings(root, 2)).toEqual(['1. Summary', '2. Problems', '3. Plans for the next period', 'Annexed tables']);
  });
});

const hasPandoc = spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasPandoc) console.warn('pandoc is not on PATH: skipping the .docx conversion test (apt-get install pandoc to run it)');

describe('pandoc -f gfm -t docx', () => {
  it.skipIf(!hasPandoc)('turns the Markdown report into a Word document with one real table per Markdown table', () => {
    const dir = tempDir();
    const mdFile = join(dir, 'report.md');
    const docx = join(dir, 'report.docx');
    fs.ok(['report', 'last-week', '-o', mdFile]);
    const md = readFileSync(mdFile, 'utf8');
    const r = spawnSync('pandoc', ['-f', 'gfm', '-t', 'docx', '-o', docx, mdFile], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const xml = unzipEntry(readFileSync(docx), 'word/document.xml').toString('utf8');
    expect(xml.match(/<w:tbl>/g)?.length).toBe(tables(parse(md)).length);
    // The pipe typed by a user is text in a cell, not a column break.
    expect(xml).toContain('boundary wall | 张三 and 赵六');
    expect(xml).toContain('青山村');
  });
});

describe('fs report --redact', () => {
  const secrets = [...SECRETS.villagers, ...SECRETS.households, ...SECRETS.others, ...SECRETS.phones];
  const digits = SECRETS.phones.map((p) => p.replace(/\D/g, ''));

  const outputs: [string, string[]][] = [
    ['table', ['--format', 'table', '--detail-limit', '0']],
    ['md', ['--format', 'md', '--detail-limit', '0']],
    ['md zh by month', ['--format', 'md', '--lang', 'zh', '--by', 'month']],
    ['json', ['--format', 'json', '--detail', '--detail-limit', '0']],
    ['json by week', ['--format', 'json', '--detail', '--by', 'week']],
    ['ndjson', ['--format', 'ndjson', '--detail']],
    ['csv', ['--format', 'csv', '--by', 'month']],
    ['tsv', ['--format', 'tsv']],
  ];

  it.each(outputs)('%s: no villager, household, helper name or phone number appears', (_name, args) => {
    const plain = fs.ok(['report', '2026-Q4', ...args]);
    const redacted = fs.ok(['report', '2026-Q4', '--redact', ...args]);
    // The secrets are there without --redact (else the search proves nothing) ...
    expect(SECRETS.others.some((s) => plain.includes(s))).toBe(true);
    // ... and none is left with it, nor a phone number with its spaces or dashes taken out.
    for (const s of secrets) expect(redacted, s).not.toContain(s);
    const squeezed = redacted.replace(/[\s-]/g, '');
    for (const d of digits) expect(squeezed, d).not.toContain(d);
  });

  it('without --redact the narrative does show them: the search above looks for what is really there', () => {
    const plain = fs.ok(['report', '2026-Q4', '--format', 'md', '--detail-limit', '0']);
    // Not shown by any report: a mediation participant, a goal's owner, a milestone's owner, a phone's bare digits.
    const hidden = ['调解主任', '陈负责', '周农', '13987654321'];
    for (const s of secrets.filter((x) => !hidden.includes(x))) expect(plain, s).toContain(s);
  });

  it('pseudonyms: initials in en, surname + 某 in zh, numbered where two collide; stable and the same in every format', () => {
    const json = fs.json(['report', '2026-Q4', '--redact', '--detail']);
    expect(json.redacted).toBe(true);
    const who = json.visits.details.map((d: { who: string }) => d.who) as string[];
    // 李四, 王秀英, 张三: 王秀英 shares 王 with 王秀, so one of them is 王.2.
    expect(who[0]).toMatch(/^李\.\d*$/);
    expect(who[1]).toMatch(/^王\.2?$/);
    expect(who[2]).toMatch(/^张\.\d*$/);
    const wang = who[1]!;
    const wangXiu = wang === '王.' ? '王.2' : '王.';
    expect(json.visits.details[1].what).toBe(`${wang} says the roof | leaks;\ncall *********** or ask ${wangXiu}`);
    expect(json.concerns.details[1].what).toBe('call *********** about the school bus');
    expect(json.concerns.details[0].what).toMatch(/^repair the roof of Household \d before winter$/);
    expect(json.pairs.overdue_contacts[0].person).toBe(who[0]);
    const helper = json.pairs.overdue_contacts[0].helper as string;
    expect(helper).toMatch(/^孙\.\d*$/);
    expect(Object.keys(json.pairs.active_per_helper)).toContain(helper);
    // The secretary is a name too, masked like everyone else.
    expect(json.secretary).toMatch(/^李\.\d*$/);
    expect(fs.json(['report', '2026-Q4', '--redact', '--detail'])).toEqual(json);
    expect(fs.ok(['report', '2026-Q4', '--redact', '--format', 'md'])).toContain(`| ${helper} | 1 |`);
    expect(fs.ok(['report', '2026-Q4', '--redact', '--format', 'md'])).toContain('Names are pseudonyms; phone numbers are masked.');
    const zh = fs.json(['report', '2026-Q4', '--redact', '--detail', '--lang', 'zh']);
    expect(zh.visits.details.map((d: { who: string }) => d.who)).toEqual(who.map((w) => w.replace('.', '某')));
  });

  it('the figures are identical to the unredacted report', () => {
    for (const by of [[], ['--by', 'month']]) {
      const plain = fs.json(['report', '2026-Q4', ...by]);
      const redacted = fs.json(['report', '2026-Q4', '--redact', ...by]);
      // Only the helpers' names (keys of the per-helper tables) and the lists' names differ.
      const figures = (r: Record<string, any>) => {
        const out: Record<string, unknown> = {};
        for (const s of SECTIONS) {
          for (const [k, v] of Object.entries(r[s] as Record<string, unknown>)) {
            if (Array.isArray(v)) out[`${s}.${k}`] = v.length;
            else if (k.endsWith('_per_helper') || k.endsWith('_by_helper')) out[`${s}.${k}`] = Object.values(v as object);
            else out[`${s}.${k}`] = v;
          }
        }
        return out;
      };
      expect(figures(redacted)).toEqual(figures(plain));
      expect({ ...redacted, redacted: false, secretary: plain.secretary, visits: null, concerns: null, disputes: null, pairs: null, meetings: null, decisions: null, plan: null }).toEqual({
        ...plain,
        visits: null, concerns: null, disputes: null, pairs: null, meetings: null, decisions: null, plan: null,
      });
    }
    const csv = (args: string[]) => fs.ok(['report', '2026-Q4', '--format', 'csv', '--by', 'month', ...args]).trimEnd().split('\n').map((l) => l.split(',')).map((c) => (c[1]!.endsWith('_helper') ? [c[0], c[1], c[3], c[4]] : c).join(','));
    expect(csv(['--redact'])).toEqual(csv([]));
  });
});
