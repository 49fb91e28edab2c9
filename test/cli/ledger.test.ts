// fs ledger: the workbook read back by its XML (test/helpers/xlsx.ts), and by LibreOffice where installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshot, tempDir } from '../helpers/cli.js';
import { readXlsx, serialToIso, type XSheet } from '../helpers/xlsx.js';
import { reportCli, SECRETS, seedReportLedger } from './report-seed.js';

const fs = reportCli();
const dir = tempDir();
beforeAll(() => {
  seedReportLedger(fs);
  fs.ok(['presence', 'add', '--from', '2026-11-16', '--to', '2026-11-17', '--status', 'leave', '--leave-type', 'sick', '--note', '住院']);
  // A villager whose words look like a formula, and a control character that XML cannot carry.
  fs.ok(['visit', 'add', '--person', '张三', '--date', '2026-11-19', '--topic', 'opinion', '--notes', '=HYPERLINK("http://x","y")\u0001 and +1']);
});

const sheet = (book: XSheet[], name: string) => book.find((s) => s.name === name)!;
const texts = (s: XSheet) => s.rows.flatMap((r) => r.map((c) => String(c?.value ?? '')));

describe('fs ledger -o 台账.xlsx', () => {
  it('writes one sheet per ledger, headers in Chinese, the columns these ledgers carry', () => {
    const file = join(dir, '台账.xlsx');
    const r = fs.run(['ledger', '-o', file], { env: { FS_LANG: 'zh' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`已写入 ${file}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const book = readXlsx(file);
    expect(book.map((s) => s.name)).toEqual(['汇总', '驻村考勤', '走访台账', '群众诉求台账', '矛盾纠纷排查调处台账', '结对帮扶台账', '三会一课记录', '四议两公开', '发展规划与实事']);
    const headers = (name: string) => sheet(book, name).rows[0]!.map((c) => c.value);
    expect(headers('走访台账')).toEqual(['日期', '走访对象', '户', '组', '类别', '问及事项', '走访情况', '地点', '群众诉求']);
    expect(headers('群众诉求台账')).toEqual(['提出日期', '群众', '诉求', '状态', '转办单位', '办理期限', '办结日期', '反馈日期', '是否逾期']);
    expect(headers('矛盾纠纷排查调处台账')).toEqual(['登记日期', '纠纷名称', '类别', '来源（信访渠道）', '当事人', '简要情况', '调处经过', '协议内容', '回访', '状态', '风险']);
    expect(headers('结对帮扶台账')).toEqual(['帮扶人', '帮扶对象', '需求', '措施', '帮扶记录（日期：措施 → 成效）', '联系周期（天）', '下次联系']);
    expect(headers('三会一课记录')).toEqual(['日期', '会议类型', '主题', '应到', '实到', '缺席人员及原因', '决议']);
    expect(headers('四议两公开').slice(0, 4)).toEqual(['事项', '类别', '党支部提议日期', '党支部提议结果']);
    expect(headers('四议两公开').at(-1)).toBe('当前进度');
    expect(headers('发展规划与实事')).toEqual(['项目', '领域', '类型', '目标', '措施', '责任人', '期限', '进度', '里程碑']);
    expect(headers('汇总')).toEqual(['板块', '指标', '分项', '数值']);
    expect(headers('驻村考勤')).toEqual(['日期', '状态', '请假类型', '批准人', '备注']);
    expect(sheet(book, '驻村考勤').rows[1]!.slice(1).map((c) => c?.value)).toEqual(['请假', '病假', undefined, '住院']);
  });

  it('types cells: dates as dates, counts as numbers, text as text (never a formula), header frozen and filtered', () => {
    const file = join(dir, 'types.xlsx');
    fs.ok(['ledger', '-o', file]);
    const book = readXlsx(file);
    const visits = sheet(book, 'Visits');
    expect(visits.frozenRows).toBe(1);
    expect(visits.autoFilter).toBe('A1:I1');
    const first = visits.rows[1]!;
    expect(first[0]).toMatchObject({ type: 'date' });
    expect(serialToIso(first[0]!.value as number)).toBe('2024-02-29');
    const formulaLike = visits.rows.find((r) => String(r[6]?.value ?? '').startsWith('=HYPERLINK'))!;
    expect(formulaLike[6]).toEqual({ type: 'text', value: '=HYPERLINK("http://x","y") and +1' });
    for (const s of book) for (const r of s.rows) for (const c of r) if (c) expect(c.type).not.toBe('formula');
    const meetings = sheet(book, 'Meetings');
    const theme = meetings.rows.find((r) => r[1]?.value === 'theme party day')!;
    expect(theme[3]).toEqual({ type: 'number', value: 2 });
    expect(theme[4]).toEqual({ type: 'number', value: 1 });
    expect(theme[5]).toEqual({ type: 'text', value: '李四 (ill)' });
    // Widths fit Chinese text: the household column is wide enough for 张家大院 (8 display columns).
    expect(visits.widths[2]).toBeGreaterThanOrEqual(10);
    const summary = sheet(book, 'Summary');
    expect(summary.rows.find((r) => r[1]?.value === 'Visits')![3]).toEqual({ type: 'number', value: 5 });
  });

  it('a period picks the records in it; --sheet picks sheets by key or name', () => {
    const file = join(dir, 'week.xlsx');
    fs.ok(['ledger', 'last-week', '--sheet', '走访台账', '--sheet', 'concerns,meetings', '-o', file]);
    const book = readXlsx(file);
    expect(book.map((s) => s.name)).toEqual(['Visits', 'Concerns', 'Meetings']);
    expect(sheet(book, 'Visits').rows.slice(1).map((r) => serialToIso(r[0]!.value as number))).toEqual(['2026-11-17', '2026-11-18', '2026-11-19']);
  });

  it('--redact leaves no name, household or phone number in any sheet', () => {
    const file = join(dir, 'redacted.xlsx');
    fs.ok(['ledger', '--redact', '-o', file]);
    const all = readXlsx(file).flatMap(texts).join('\n');
    for (const secret of [...SECRETS.villagers, ...SECRETS.households.filter((h) => h !== '李家'), '13812345678']) expect(all).not.toContain(secret);
  });

  it('refuses bad input in one line, writing nothing', () => {
    const before = snapshot(fs.db);
    const cases: Array<[string[], RegExp]> = [
      [['ledger', '--sheet', 'nope', '-o', join(dir, 'x.xlsx')], /invalid sheet "nope"/],
      [['ledger', '-o', join(dir, 'x.csv')], /writes \.xlsx/],
      [['ledger', 'someday', '-o', join(dir, 'x.xlsx')], /invalid period/],
    ];
    for (const [args, message] of cases) {
      const r = fs.run(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
    expect(readdirSync(dir).filter((f) => f.startsWith('x.'))).toEqual([]);
    expect(snapshot(fs.db)).toBe(before);
  });

  it('streams to a pipe', () => {
    const r = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'fs.js'), 'ledger', '--sheet', 'visits'], {
      env: { PATH: process.env.PATH, FS_DB: fs.db, FS_TODAY: '2026-11-27', FS_LANG: 'en' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout.subarray(0, 2).toString()).toBe('PK');
  });
});

// Writer alone (libreoffice-writer-nogui) cannot open a workbook: Calc's library must be there too.
const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0 && existsSync('/usr/lib/libreoffice/program/libsclo.so');
if (!hasSoffice) console.warn('LibreOffice Calc is not installed: skipping the workbook → CSV check (apt-get install libreoffice-calc-nogui)');

describe('LibreOffice reads the workbook', () => {
  it.skipIf(!hasSoffice)('converts every sheet to CSV with the same dates, numbers and text', () => {
    const file = join(dir, 'lo.xlsx');
    fs.ok(['ledger', '--sheet', 'visits', '--sheet', 'meetings', '-o', file]);
    const out = tempDir();
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, file], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    const visits = readFileSync(join(out, 'lo-Visits.csv'), 'utf8');
    expect(visits.split('\n')[0]).toBe('Date,Person,Household,Group,Category,Topics asked,What was heard,Place,Concerns raised');
    expect(visits).toContain('2026-11-17,王秀英,王大山家,一组,');
    expect(visits).toContain('"=HYPERLINK(""http://x"",""y"") and +1"');
    expect(readFileSync(join(out, 'lo-Meetings.csv'), 'utf8')).toMatch(/2026-11-16,theme party day,.*,2,1,李四 \(ill\),/);
  });
});

describe('--bom: csv for Excel', () => {
  it('starts with a UTF-8 byte-order mark and ends lines with CRLF, on stdout and in -o files', () => {
    const out = fs.run(['concern', 'list', '--format', 'csv', '--bom']);
    expect(out.code).toBe(0);
    expect(out.stdout.startsWith('\uFEFFid,')).toBe(true);
    expect(out.stdout.replace(/\r\n/g, '')).not.toContain('\n');
    const file = join(dir, 'report.csv');
    fs.ok(['report', 'last-week', '-o', file, '--bom']);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n')[0]).toBe('\uFEFFsection,metric,key,interval,value');
  });
  it('refuses --bom with a format Excel does not open as a sheet', () => {
    const r = fs.run(['person', 'list', '--format', 'json', '--bom']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('error: --bom goes with --format csv or tsv (not json)');
  });
});
