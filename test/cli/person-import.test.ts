// fs person template and fs person import: a roster filled in a spreadsheet comes in whole, or not at all.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, snapshot, tempDir } from '../helpers/cli.js';
import { readXlsx } from '../helpers/xlsx.js';

type ExcelJS = typeof import('exceljs');
const excel = createRequire(import.meta.url)('exceljs') as ExcelJS;

/** Fill the template the way a secretary would: rows typed under its header, saved by a spreadsheet program. */
async function fill(template: string, out: string, rows: Array<Array<string | number>>): Promise<void> {
  const wb = new excel.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.worksheets[0]!;
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(out);
}

describe('fs person template', () => {
  it('has the roster sheet with its columns and a 填写说明 sheet, in either language', () => {
    const fs = cli({ lang: 'zh' });
    const dir = tempDir();
    fs.ok(['person', 'template', '-o', join(dir, '花名册模板.xlsx')]);
    const book = readXlsx(join(dir, '花名册模板.xlsx'));
    expect(book.map((s) => s.name)).toEqual(['花名册', '填写说明']);
    expect(book[0]!.rows[0]!.map((c) => c.value)).toEqual(['姓名', '户（户主）', '组', '电话', '身份（标签，可多个，以、分隔）', '备注']);
    expect(book[0]!.frozenRows).toBe(1);
    expect(book[1]!.rows.flat().map((c) => String(c.value)).join('\n')).toContain('困难户/脱贫户/监测户 (poor)');
    fs.ok(['person', 'template', '-o', join(dir, 'en.xlsx')], { env: { FS_LANG: 'en' } });
    expect(readXlsx(join(dir, 'en.xlsx'))[0]!.rows[0]!.map((c) => c.value)[0]).toBe('Name');
  });
});

describe('fs person import', () => {
  it('a filled template round-trips: every column, tags by label in either language, phones as typed numbers', async () => {
    const fs = cli({ lang: 'zh' });
    const dir = tempDir();
    const template = join(dir, 't.xlsx');
    fs.ok(['person', 'template', '-o', template]);
    const filled = join(dir, '花名册.xlsx');
    await fill(template, filled, [
      ['王秀英', '王大山家', '一组', 13800000001, '困难户、党员', '独居'],
      ['王大山', '王大山家', '一组', '138 0000 0002', 'party member, village-rep', ''],
      [],
      ['张三', '', '二组', '0851-88776655', '', ''],
    ]);
    const r = fs.run(['person', 'import', filled]);
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe(`已从 ${filled} 导入 3 人`);
    const people = fs.json(['person', 'list']) as Array<Record<string, unknown>>;
    expect(people.map((p) => [p.name, p.household, p.group, p.phone, p.tags, p.notes])).toEqual([
      ['王秀英', '王大山家', '一组', '13800000001', ['poor', 'party-member'], '独居'],
      ['王大山', '王大山家', '一组', '13800000002', ['party-member', 'village-rep'], null],
      ['张三', null, '二组', '0851-88776655', [], null],
    ]);
    // The two share one household.
    expect(people[0]!.household_id).toBe(people[1]!.household_id);
    // One change set: undo takes the whole import back, households too.
    fs.ok(['undo', '--yes']);
    expect(fs.json(['person', 'list'])).toEqual([]);
  });

  it('reads CSV with or without a byte-order mark, headers in English', () => {
    const fs = cli();
    const dir = tempDir();
    writeFileSync(join(dir, 'r.csv'), '\uFEFFName,Household (head),Group,Phone,Tags,Notes\r\n李四,李家,三组,13900000003,cadre,"a, b"\r\n');
    fs.ok(['person', 'import', join(dir, 'r.csv')]);
    expect(fs.json(['person', 'list'])).toMatchObject([{ name: '李四', household: '李家', group: '三组', tags: ['cadre'], notes: 'a, b' }]);
  });

  it('refuses a bad row with its sheet, row and column, and writes nothing; --dry-run lists every problem', async () => {
    const fs = cli({ lang: 'zh' });
    fs.ok(['person', 'add', '--name', '已有', '--household', '老户']);
    const dir = tempDir();
    const template = join(dir, 't.xlsx');
    fs.ok(['person', 'template', '-o', template]);
    const cases: Array<[Array<Array<string | number>>, RegExp]> = [
      [[['好人', '', '', '', '', ''], ['', '某户', '', '13800000001', '', '']], /^错误： 花名册 第3行「姓名」列：姓名为空；未导入任何内容$/],
      [[['赵六', '', '', '1380000001', '', '']], /^错误： 花名册 第2行「电话」列：“1380000001”不是有效电话.*；未导入任何内容$/],
      [[['赵六', '', '', '23800000001', '', '']], /第2行「电话」列/],
      [[['赵六', '', '', '', '党员、神仙', '']], /^错误： 花名册 第2行「身份（标签，可多个，以、分隔）」列：未知身份标签“神仙”；未导入任何内容$/],
      [[['已有', '老户', '', '', '', '']], /^错误： 有 1 行与花名册中已有的人或前面的行重复（第一处：第2行 已有（老户））；加 --skip-duplicates 可跳过；未导入任何内容$/],
      [[['甲', '一户', '', '', '', ''], ['甲', '一户', '', '', '', '']], /第一处：第3行 甲（一户）/],
      [[['', '', '', 'x', '', ''], ['乙', '', '', '', '坏', '']], /第2行.*（另有 2 处问题，可用 --dry-run 全部列出）/],
    ];
    for (const [rows, message] of cases) {
      const file = join(dir, `bad-${cases.findIndex((c) => c[0] === rows)}.xlsx`);
      await fill(template, file, rows);
      const before = snapshot(fs.db);
      const r = fs.run(['person', 'import', file]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(message);
      expect(snapshot(fs.db)).toBe(before);
    }
    const file = join(dir, 'bad-6.xlsx');
    const dry = fs.run(['person', 'import', file, '--dry-run', '--format', 'json']);
    expect(dry.code).toBe(1);
    expect(JSON.parse(dry.stdout).map((p: { row: number; problem: string }) => [p.row, p.problem])).toEqual([
      [2, 'roster.err.name_empty'],
      [2, 'roster.err.phone'],
      [3, 'roster.err.tag'],
    ]);
  });

  it('--skip-duplicates skips and says so; --dry-run shows what would be added and writes nothing', async () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '已有', '--household', '老户']);
    const dir = tempDir();
    writeFileSync(join(dir, 'r.csv'), '姓名,户（户主）\n已有,老户\n新人,新户\n');
    const before = snapshot(fs.db);
    const dry = fs.run(['person', 'import', join(dir, 'r.csv'), '--skip-duplicates', '--dry-run', '--format', 'tsv']);
    expect(dry.code).toBe(0);
    expect(dry.stdout.split('\n')[1]).toBe('3\t新人\t新户\t\t\t\t');
    expect(dry.stderr).toContain('would import 1 people');
    expect(snapshot(fs.db)).toBe(before);
    const r = fs.run(['person', 'import', join(dir, 'r.csv'), '--skip-duplicates']);
    expect(r.stderr.trim()).toBe(`imported 1 people from ${join(dir, 'r.csv')}; skipped 1 duplicates`);
    expect((fs.json(['person', 'list']) as Array<{ name: string }>).map((p) => p.name)).toEqual(['已有', '新人']);
  });

  it('unreadable files, folders and other kinds are refused in one line', () => {
    const fs = cli();
    const dir = tempDir();
    writeFileSync(join(dir, 'junk.xlsx'), 'not a zip');
    mkdirSync(join(dir, 'folder.xlsx'));
    const cases: Array<[string, number, RegExp]> = [
      [join(dir, 'junk.xlsx'), 1, /^error: cannot read .*junk\.xlsx as a spreadsheet: /],
      [join(dir, 'folder.xlsx'), 1, /^error: cannot read .*folder\.xlsx as a spreadsheet: a directory$/],
      [join(dir, 'missing.csv'), 1, /^error: cannot read .*missing\.csv as a spreadsheet: /],
      [join(dir, 'r.txt'), 2, /^error: .*r\.txt: fs person import reads \.xlsx and \.csv files$/],
    ];
    for (const [file, code, message] of cases) {
      const r = fs.run(['person', 'import', file]);
      expect(r.code).toBe(code);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(message);
    }
  });
});
