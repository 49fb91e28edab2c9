// fs report as a document: the Markdown parsed by a real GFM parser (tables are tables, cells stay
// in their cells, headings in the contract order), converted by pandoc into a .docx with real
// tables, and redaction proven by searching every format's output for every seeded secret.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Heading, Nodes, Root, Table } from 'mdast';
import { t } from '../../src/i18n/index.js';
import { tempDir } from '../helpers/cli.js';
import { reportCli, SECRETS, seedReportLedger } from './report-seed.js';

const fs = reportCli();
beforeAll(() => seedReportLedger(fs));

const SECTIONS = ['visits', 'concerns', 'disputes', 'pairs', 'meetings', 'decisions', 'plan'];

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

/** The rows of the Details table under the `##` heading of a section, as cell texts. */
function detailRows(root: Root, sectionTitle: string): string[][] {
  const start = root.children.findIndex((n) => n.type === 'heading' && n.depth === 2 && textOf(n) === sectionTitle);
  const next = root.children.findIndex((n, i) => i > start && n.type === 'heading' && n.depth === 2);
  const block = root.children.slice(start, next === -1 ? undefined : next);
  const at = block.findIndex((n) => n.type === 'heading' && n.depth === 3 && textOf(n) === t('report.details', {}, 'en'));
  const table = block.slice(at).find((n): n is Table => n.type === 'table')!;
  return table.children.slice(1).map((r) => r.children.map((c) => textOf(c)));
}

describe('fs report --format md: GitHub-flavoured Markdown', () => {
  it('a # title with village, secretary, period label and dates; one ## per section in the contract order; every table a table', () => {
    const md = fs.ok(['report', 'last-week', '--format', 'md']);
    const root = parse(md);
    expect(root.children[0]).toMatchObject({ type: 'heading', depth: 1 });
    expect(headings(root, 1)).toEqual(['Work report, 青山村 · 李书记: 2026-W47 (2026-11-16 – 2026-11-22)']);
    expect(headings(root, 2)).toEqual(SECTIONS.map((s) => t(`report.section.${s}`, {}, 'en')));
    const all = expectWellFormedTables(md, root);
    // The first table of each section is its summary: Figure | Value.
    expect(textOf(all[0]!.children[0]!)).toBe('FigureValue');
    expect(all[0]!.children.slice(1).map((r) => textOf(r.children[0]!))).toEqual(['Visits', 'People visited', 'Households visited']);
    // A state, not a count of the period: in its own table, dated.
    expect(md).toContain('### As of 2026-11-22'); // last week's last day
    expect(md).toContain('| Households not visited lately (setting visit.stale_days) |');
  });

  it('user text with | and line breaks stays inside its cell', () => {
    const md = fs.ok(['report', 'last-week', '--format', 'md']);
    const root = parse(md);
    expectWellFormedTables(md, root);
    const visits = detailRows(root, t('report.section.visits', {}, 'en'));
    expect(visits).toEqual([
      ['2026-11-17', '王秀英', '王秀英 says the roof | leaks;<br>call 13812345678 or ask 王秀', 'households in hardship'],
      ['2026-11-18', '张三', 'line1<br>line2 | with 王秀 and 李四', 'ordinary households'],
    ]);
    const disputes = detailRows(root, t('report.section.disputes', {}, 'en'));
    expect(disputes).toEqual([['2026-11-19', '张三、赵六', 'boundary wall | 张三 and 赵六', 'agreement reached']]);
    // Backslashes typed by a user, one before a pipe and one at the end of the cell, stay text.
    expect(detailRows(root, t('report.section.meetings', {}, 'en'))).toEqual([['2026-11-16', '李明', 'study with 王秀英 \\| a\\b \\', 'theme party day']]);
  });

  it('the same structure in Chinese and with a column per month (same column order every time)', () => {
    for (const args of [['--lang', 'zh'], ['--by', 'month'], ['--by', 'week', '--lang', 'zh', '--redact']]) {
      const md = fs.ok(['report', '2026-Q4', '--format', 'md', ...args]);
      const root = parse(md);
      const lang = args.includes('zh') ? 'zh' : 'en';
      expect(headings(root, 2)).toEqual(SECTIONS.map((s) => t(`report.section.${s}`, {}, lang)));
      expect(headings(root, 1)[0]).toContain('2026-Q4 (2026-10-01 – 2026-12-31)');
      const all = expectWellFormedTables(md, root);
      if (args.includes('--by')) {
        const months = args.includes('month') ? ['2026-10', '2026-11', '2026-12'] : null;
        const head = all[0]!.children[0]!.children.map((c) => textOf(c));
        if (months) expect(head).toEqual(['Figure', ...months, 'Whole period']);
        else expect(head).toHaveLength(1 + 14 + 1); // 2026-W40 … 2026-W53, plus the total
      }
    }
  });

  it('the zero report parses too, and says so under the title', () => {
    const md = fs.ok(['report', '2025-W10', '--format', 'md']);
    const root = parse(md);
    expectWellFormedTables(md, root);
    expect(root.children[1]).toMatchObject({ type: 'paragraph' });
    expect(textOf(root.children[1]!)).toBe('Zero report: nothing was recorded in this period.');
  });
});

/** The bytes of one member of a zip archive (a .docx): central directory, local header, deflate. */
function unzipEntry(zip: Buffer, name: string): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : data;
    }
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  throw new Error(`${name} not in the archive`);
}

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
    // Not shown by any report: a mediation participant, a goal's owner, a note of progress, a phone's bare digits.
    const hidden = ['调解主任', '陈负责', '王二家', '13987654321'];
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
