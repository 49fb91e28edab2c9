// fs search end to end: the JSON contract, undo and removal through the CLI, import, redaction,
// highlighting on a terminal, and bad input (exit 2, one line, database unchanged).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, snapshot, tempDir } from '../helpers/cli.js';

function seeded() {
  const fs = cli();
  fs.ok(['person', 'add', '--name', '王秀英', '--phone', '13800000001', '--notes', '低保户']);
  fs.ok(['visit', 'add', '--person', '王秀英', '--date', '2026-11-20', '--notes', '屋顶漏雨，王秀英说电话13800000001', '--concern', '修缮屋顶']);
  fs.ok(['visit', 'add', '--person', '王秀英', '--date', '2026-10-05', '--notes', '路灯坏了，希望修路']);
  return fs;
}

const refs = (hits: Array<{ kind: string; ref: { id: number } }>) => hits.map((h) => `${h.kind}#${h.ref.id}`);

describe('fs search', () => {
  it('JSON: kind, ref {entity, id, uid}, date, person, field, snippet; newest first', () => {
    const fs = seeded();
    const hits = fs.json(['search', '屋顶']);
    expect(hits).toHaveLength(2);
    for (const h of hits) expect(Object.keys(h)).toEqual(['kind', 'ref', 'date', 'person', 'field', 'snippet']);
    expect(hits[1]).toMatchObject({ kind: 'visit', ref: { entity: 'visit', id: 1 }, date: '2026-11-20', person: '王秀英', field: 'notes' });
    expect(hits[1].ref.uid).toBe(fs.json(['visit', 'show', '1']).uid);
    expect(hits[0]).toMatchObject({ kind: 'concern', snippet: '修缮屋顶' });
    expect(refs(fs.json(['search', '修', '路']))).toEqual(['visit#2']);
    expect(refs(fs.json(['search', '路', '--kind', 'person']))).toEqual([]);
    expect(refs(fs.json(['search', '低保', '--kind', 'person', '--kind', 'visit']))).toEqual(['person#1']);
    // A kind may be typed as its label in either language, as every other key list allows.
    expect(refs(fs.json(['search', '低保', '--kind', '人员', '--kind', '走访']))).toEqual(['person#1']);
    expect(refs(fs.json(['search', '路', '--period', '2026-11']))).toEqual([]);
    expect(refs(fs.json(['search', '路', '--from', '2026-10-01', '--to', '2026-10-31']))).toEqual(['visit#2']);
    const tsv = fs.ok(['search', '路灯']).split('\n');
    expect(tsv[0]).toBe('date\tkind\tref\tperson\tfield\tsnippet');
    expect(tsv[1]).toBe('2026-10-05\tvisit\tvisit#2\t王秀英\tnotes\t路灯坏了，希望修路');
  });

  it('no stale hits after an edit, a removal and an undo', () => {
    const fs = seeded();
    fs.ok(['visit', 'edit', '2', '--notes', '水渠堵塞']);
    expect(refs(fs.json(['search', '路灯']))).toEqual([]);
    expect(refs(fs.json(['search', '水渠']))).toEqual(['visit#2']);
    fs.ok(['undo', '--yes']);
    expect(refs(fs.json(['search', '水渠']))).toEqual([]);
    expect(refs(fs.json(['search', '路灯']))).toEqual(['visit#2']);
    fs.ok(['visit', 'rm', '2', '--yes']);
    expect(refs(fs.json(['search', '路灯']))).toEqual([]);
    fs.ok(['undo', '--yes']);
    expect(refs(fs.json(['search', '路灯']))).toEqual(['visit#2']);
    fs.ok(['visit', 'add', '--person', '王秀英', '--date', '2026-11-26', '--notes', '新修的路很好']);
    expect(refs(fs.json(['search', '修', '路']))).toEqual(['visit#3', 'visit#2']);
    fs.ok(['undo', '--yes']);
    expect(refs(fs.json(['search', '修', '路']))).toEqual(['visit#2']);
  });

  it('an imported ledger is searchable', () => {
    const fs = seeded();
    const file = join(tempDir(), 'ledger.ndjson');
    fs.ok(['export', '-o', file]);
    const other = cli();
    other.ok(['import', file]);
    expect(refs(other.json(['search', '屋顶', '--kind', 'visit']))).toEqual(['visit#1']);
    expect(refs(other.json(['search', '低保']))).toEqual(['person#1']);
  });

  it('--redact: pseudonyms for people, names and phone numbers masked in the snippet', () => {
    const fs = seeded();
    const out = fs.ok(['search', '屋顶', '--redact', '--format', 'json']);
    expect(out).not.toContain('王秀英');
    expect(out).not.toContain('13800000001');
    const hits = JSON.parse(out);
    // The ledger's salted pseudonym (initials in English), the same in every command's output.
    expect(hits[1]).toMatchObject({ kind: 'visit' });
    const pseudonym = hits[1].person as string;
    expect(pseudonym).not.toMatch(/秀|英/);
    expect(fs.ok(['report', 'this-year', '--redact', '--format', 'md'])).toContain(pseudonym);
    expect(hits[1].snippet).toContain('屋顶漏雨');
    // Found by a name: the hit stays, the name does not.
    const byName = fs.ok(['search', '王秀英', '--redact', '--format', 'md']);
    expect(byName).not.toContain('王秀英');
    expect(byName).toContain(pseudonym);
  });

  it('highlights the words on a terminal (colour on), plain otherwise', () => {
    const fs = seeded();
    const coloured = fs.ok(['search', '修', '路', '--format', 'table'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    // Each stretch of matched words between colour codes: | marks a code.
    expect(coloured.replace(/(\u001b\[[0-9;]*m)+/g, '|')).toContain('|路|灯坏了，希望|修路|');
    const plain = fs.ok(['search', '修', '路', '--format', 'table']);
    expect(plain).not.toContain('\u001b[');
    expect(plain).toContain('路灯坏了，希望修路');
  });

  it('says when nothing matches, and when the limit cut hits off', () => {
    const fs = seeded();
    expect(fs.ok(['search', '没有的词', '--format', 'table'])).toContain('No record contains all of these words.');
    expect(fs.run(['search', '没有的词', '--format', 'table', '--lang', 'zh']).stdout).toContain('没有同时包含这些词语的记录');
    const r = fs.run(['search', '王秀英', '--limit', '1', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    expect(r.stderr).toContain('--limit 0');
    // The person and the visit whose notes name her (the concern does not).
    expect(refs(JSON.parse(fs.ok(['search', '王秀英', '--limit', '0', '--format', 'json'])))).toEqual(['visit#1', 'person#1']);
  });

  it('FTS syntax typed by a user is plain text', () => {
    const fs = seeded();
    fs.ok(['visit', 'add', '--person', '王秀英', '--date', '2026-11-01', '--notes', '说"修路" AND NEAR(路灯) -x *急*']);
    // After `--`, a word may start with '-' (commander reads it as an option otherwise).
    for (const q of [['"修路"'], ['AND'], ['NEAR(路灯)'], ['--', '-x'], ['*急*'], ['--', '"修路"', 'AND', '-x']]) {
      expect(refs(JSON.parse(fs.ok(['search', '--format', 'json', ...q]))), q.join(' ')).toEqual(['visit#3']);
    }
    for (const q of ['"', '*', 'NEAR(', 'OR', '"; DROP TABLE visits; --']) {
      const r = fs.run(['search', q, '--format', 'json']);
      expect(r.code, q).toBe(0);
    }
    expect(fs.json(['visit', 'list'])).toHaveLength(3);
  });

  it.each<[string[], RegExp]>([
    [['search', ''], /nothing to search for/],
    [['search', '   '], /nothing to search for/],
    [['search', '路', '--kind', 'villager'], /invalid kind "villager"/],
    [['search', '路', '--limit', 'x'], /limit/],
    [['search', '路', '--period', 'someday'], /.+/],
    [['search', '路', '--format', 'xml'], /xml/],
  ])('bad input %j: exit 2, one line, database unchanged', (args, message) => {
    const fs = seeded();
    const before = snapshot(fs.db);
    const r = fs.run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(snapshot(fs.db)).toBe(before);
  });

  it('the empty-text error in Chinese', () => {
    const fs = cli({ lang: 'zh' });
    const r = fs.run(['search', '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有要查找的文字');
  });
});
