// fs handover: the lists a successor receives, their open items the agenda's own, in every format;
// the bundle carries a ledger the successor can import.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, snapshot, tempDir } from '../helpers/cli.js';
import { readXlsx } from '../helpers/xlsx.js';
import { unzipEntry } from '../helpers/zip.js';
import { reportCli, seedReportLedger } from './report-seed.js';

const fs = reportCli();
beforeAll(() => seedReportLedger(fs));

interface Item {
  kind: string;
  reason: string;
  ref: { entity: string; id: number | null; uid: string | null };
  due: string;
}

describe('fs handover', () => {
  it('JSON: basics and open items shaped like agenda items, and every open promise on the agenda is in it', () => {
    const h = fs.json(['handover']) as { basics: { roster: { people: number; households: number; by_tag: unknown[] }; plans: unknown[] }; open_items: Item[] };
    expect(h.basics.roster).toMatchObject({ people: 4, households: 4 });
    expect(h.basics.roster.by_tag).toContainEqual({ tag: 'party-member', n: 2 });
    expect(h.basics.plans).toHaveLength(2);
    const agenda = fs.json(['agenda', '--days', String(3 * 366)]) as Item[];
    const promises = (items: Item[]) => items.filter((i) => !i.reason.startsWith('visit-') && i.reason !== 'meeting-missing').map((i) => `${i.reason}:${i.ref.entity}:${i.ref.id}:${i.due}`).sort();
    expect(promises(h.open_items)).toEqual(promises(agenda));
    expect(h.open_items.map((i) => i.kind)).toEqual(expect.arrayContaining(['concern', 'dispute', 'pair', 'plan', 'decision', 'meeting']));
    for (const i of h.open_items) expect(Object.keys(i)).toEqual(expect.arrayContaining(['kind', 'ref', 'title', 'person', 'due', 'days', 'action']));
  });

  it('Markdown in Chinese: the two lists, numbered, with the items and their commands', () => {
    const md = fs.ok(['--lang', 'zh', 'handover', '--format', 'md']);
    expect(md.split('\n')[0]).toBe('# 青山村驻村第一书记工作交接清单');
    expect(md).toContain('## 一、基本情况交接清单');
    expect(md).toContain('## 二、工作交接清单');
    expect(md).toContain('花名册共登记4人，4户。');
    expect(md).toMatch(/\| repair the roof of 王大山家 before winter \| 王秀英 \| 2026-11-20 \| 已逾期7天 \| fs concern update 1/);
  });

  it('docx and xlsx: a Word document with the lists, a workbook with a sheet per table', () => {
    const dir = tempDir();
    fs.ok(['handover', '-o', join(dir, 'h.docx')]);
    const xml = unzipEntry(readFileSync(join(dir, 'h.docx')), 'word/document.xml').toString('utf8');
    expect(xml).toContain('Basic situation');
    expect(xml).toContain('<w:tblBorders>');
    fs.ok(['--lang', 'zh', 'handover', '-o', join(dir, 'h.xlsx')]);
    const names = readXlsx(join(dir, 'h.xlsx')).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['人员花名册 按身份统计', '未办结的群众诉求']));
  });

  it('--bundle writes the lists, an export and a backup that a successor imports', () => {
    const dir = join(tempDir(), '交接材料');
    const r = fs.run(['handover', '--bundle', dir]);
    expect(r.code).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['handover-2026-11-27.docx', 'handover-2026-11-27.json', 'ledger-backup-2026-11-27.db', 'ledger-export-2026-11-27.ndjson']);
    const successor = cli({ today: '2026-11-28' });
    successor.ok(['import', join(dir, 'ledger-export-2026-11-27.ndjson')]);
    expect((successor.json(['person', 'list']) as unknown[]).length).toBe(4);
    const backup = new Database(join(dir, 'ledger-backup-2026-11-27.db'), { readonly: true });
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    backup.close();
    // A second bundle into the same folder is refused: nothing is overwritten.
    const again = fs.run(['handover', '--bundle', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a bad format in one line and writes nothing', () => {
    const before = snapshot(fs.db);
    const r = fs.run(['handover', '--format', 'pdf']);
    expect([r.code, r.stderr.trim()]).toEqual([2, 'error: invalid format "pdf": use md, docx, xlsx or json']);
    expect(snapshot(fs.db)).toBe(before);
  });
});
