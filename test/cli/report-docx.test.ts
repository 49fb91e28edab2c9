// fs report --format docx: the Word file fs writes itself, read back from its XML (title, parts,
// the summary's figures, bordered tables whose header row repeats, A4 and the 公文 layout), then,
// where LibreOffice is installed, turned into a PDF whose text and page count are checked.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { snapshot, tempDir } from '../helpers/cli.js';
import { hasTmux, startPty, type PtySession } from '../helpers/pty.js';
import { unzipEntry } from '../helpers/zip.js';
import { reportCli, SECRETS, seedReportLedger } from './report-seed.js';

const fs = reportCli();
beforeAll(() => seedReportLedger(fs), 120_000);

/** The document's XML, and its paragraphs' texts in order. */
function readDocx(file: string) {
  const zip = readFileSync(file);
  const xml = unzipEntry(zip, 'word/document.xml').toString('utf8');
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => unescape([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
  const footer = unzipEntry(zip, 'word/footer1.xml').toString('utf8');
  return { xml, paragraphs, footer };
}

function writeDocx(args: string[], name = '月报.docx'): string {
  const file = join(tempDir(), name);
  const r = fs.run(['report', ...args, '-o', file]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toBe('');
  return file;
}

describe('fs report --format docx', () => {
  it('-o 月报.docx alone writes a Word file: the title, reporter, date, the numbered parts, the summary with its figures', () => {
    const file = writeDocx(['2026-11', '--lang', 'zh']);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const { paragraphs } = readDocx(file);
    expect(paragraphs.slice(0, 3)).toEqual(['青山村驻村第一书记2026年11月工作月报', '报告人：李书记', '报送日期：2026年11月27日']);
    for (const h of ['一、总体情况', '二、抓党建促基层治理和党务监督', '（一）组织生活和“三会一课”', '七、存在的问题', '八、下步工作打算', '附表']) expect(paragraphs).toContain(h);
    const summary = paragraphs[paragraphs.indexOf('一、总体情况') + 1]!;
    expect(summary).toBe('本月共走访2户次，覆盖2户，其中困难户1户次；收集群众诉求2件，办结1件，转办1件；排查调处矛盾纠纷1件，化解1件；召开组织生活等会议1次；按“四议两公开”启动村级重大事项1件；开展结对帮扶1人次；完成发展规划节点1个。');
    // The same document as the Markdown: the same text, part by part.
    const md = fs.ok(['report', '2026-11', '--lang', 'zh', '--format', 'md']);
    expect(md).toContain(`\n${summary}\n`);
  });

  it('tables have borders and repeat their header row on every page; user text stays one cell', () => {
    const { xml } = readDocx(writeDocx(['2026-Q4', '--format', 'docx', '--by', 'month'], 'q4.docx'));
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThan(5);
    for (const tb of tables) {
      expect(tb).toMatch(/<w:tblBorders>[\s\S]*<w:insideH w:val="single"[\s\S]*<\/w:tblBorders>/);
      // The first row is the header, marked to repeat; no other row is.
      const rows = tb.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
      expect(rows[0]).toContain('<w:tblHeader/>');
      for (const r of rows.slice(1)) expect(r).not.toContain('<w:tblHeader/>');
    }
    expect(xml).toContain('boundary wall | 张三 and 赵六');
    expect(xml).toContain('2026-11*');
  });

  it('zh layout in the spirit of GB/T 9704: A4, margins 37/35/28/26 mm, 仿宋 16 pt on a fixed 28 pt line, 黑体 headings, "— 1 —"', () => {
    const { xml, footer } = readDocx(writeDocx(['last-week', '--lang', 'zh', '--format', 'docx']));
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toMatch(/<w:spacing [^>]*w:line="560" w:lineRule="exact"/);
    expect(xml).toContain('<w:sz w:val="32"/>'); // 16 pt
    expect(footer).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —/);
  });

  it('English: a plain style, the English title; --redact masks the Word file too', () => {
    const { paragraphs, xml } = readDocx(writeDocx(['2026-Q4', '--redact', '--format', 'docx'], 'X.docx'));
    expect(paragraphs[0]).toBe("青山村 — first secretary's work report, Q4 2026");
    expect(xml).not.toContain('仿宋');
    for (const s of [...SECRETS.villagers, ...SECRETS.households, ...SECRETS.others, ...SECRETS.phones]) expect(xml, s).not.toContain(s);
    expect(paragraphs).toContain('Names are pseudonyms; phone numbers are masked.');
  });

  it('piped, the Word file goes to stdout', () => {
    const r = spawnSync('sh', ['-c', `node bin/fs.js report 2026-11 --format docx | head -c 2`], { encoding: 'utf8', env: { PATH: process.env.PATH, FS_DB: fs.db, FS_TODAY: '2026-11-27' } });
    expect(r.stdout).toBe('PK');
  });
});

let session: PtySession | undefined;
afterEach(() => session?.kill());

describe.skipIf(!hasTmux)('a Word file is not for the terminal', () => {
  it('--format docx on a terminal without -o: exit 2, one line in the user\'s language, the ledger unchanged', async () => {
    const before = snapshot(fs.db);
    session = startPty(['report', '--format', 'docx'], { FS_DB: fs.db, FS_TODAY: '2026-11-27', FS_LANG: 'zh', NO_COLOR: '1' });
    await session.waitFor('Word 文件不能输出到终端：请用 -o 文件.docx，或重定向到文件');
    expect(await session.exitCode()).toBe(2);
    expect(snapshot(fs.db)).toBe(before);
  });
});

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const hasPdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
if (!hasSoffice || !hasPdftotext) console.warn('soffice or pdftotext is not on PATH: skipping the PDF checks of the .docx (apt-get install libreoffice-writer-nogui poppler-utils)');

describe('the .docx through LibreOffice', () => {
  it.skipIf(!hasSoffice || !hasPdftotext)('converts to a PDF with the title, the parts and the figures, on a few A4 pages', () => {
    const file = writeDocx(['2026-11', '--lang', 'zh']);
    const dir = join(file, '..');
    const r = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, HOME: dir } });
    expect(r.status, r.stderr).toBe(0);
    const pdf = join(dir, '月报.pdf');
    expect(existsSync(pdf)).toBe(true);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    expect(text).toContain('青山村驻村第一书记2026年11月工作月报');
    for (const h of ['一、总体情况', '七、存在的问题', '八、下步工作打算', '附表1', '主要工作指标']) expect(text).toContain(h);
    expect(text).toContain('本月共走访2户次，覆盖2户');
    expect(text).toContain('—1—');
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(8);
  });
});
