// The pure rules behind export/import, undo, backups and doctor, as tables of cases.
import { describe, expect, it } from 'vitest';
import { backupFileName } from '../../src/db/backup.js';
import { chmodCommand, schemaStatus, shellQuote, tooOpen } from '../../src/domain/doctor.js';
import { pickUndoTarget, sameValue, splitUpdate, type ChangeEntry } from '../../src/domain/history.js';
import {
  classifyTables,
  decodeValue,
  encodeValue,
  incomingWins,
  LineError,
  parseHeader,
  parseRecordLine,
  unwrapJsonArrayLine,
  type RawTable,
} from '../../src/domain/transfer.js';
import { catalogueKeys, t } from '../../src/i18n/index.js';
import { safety } from '../../src/i18n/safety.js';

const col = (name: string, pk = 0) => ({ name, type: name === 'id' ? 'INTEGER' : 'TEXT', notnull: false, pk });
const record = (name: string, extra: string[] = [], fks: RawTable['fks'] = []): RawTable => ({
  name,
  columns: [col('id', 1), col('uid'), ...extra.map((c) => col(c)), col('created_at'), col('updated_at'), col('deleted_at')],
  fks,
});

const raw: RawTable[] = [
  record('visits', ['person_id', 'date'], [{ from: 'person_id', table: 'people', to: 'id' }]),
  record('people', ['name', 'household_id'], [{ from: 'household_id', table: 'households', to: null }]),
  record('households', ['label']),
  { name: 'visit_topics', columns: [col('visit_id', 1), col('topic', 2)], fks: [{ from: 'visit_id', table: 'visits', to: 'id' }] },
  {
    name: 'attendance',
    columns: [col('meeting_id', 1), col('seq', 2), col('person_id')],
    fks: [
      { from: 'person_id', table: 'people', to: 'id' },
      { from: 'meeting_id', table: 'meetings', to: 'id' },
    ],
  },
  record('meetings', ['date']),
  { name: 'settings', columns: [col('key', 1), col('value'), col('updated_at')], fks: [] },
  { name: 'change_log', columns: [col('id', 1), col('entity')], fks: [] },
  record('tree', ['parent_id'], [{ from: 'parent_id', table: 'tree', to: 'id' }]),
];

describe('classifyTables', () => {
  const schema = classifyTables(raw);
  const kind = (n: string) => schema.byName.get(n)!;

  it.each([
    ['visits', 'entity'],
    ['households', 'entity'],
    ['visit_topics', 'child'],
    ['attendance', 'child'],
    ['settings', 'keyed'],
    ['change_log', 'log'],
    ['tree', 'entity'],
  ])('%s is a %s table', (name, k) => expect(kind(name).kind).toBe(k));

  it('a child belongs to the first column that refers to a record, other references travel as uids', () => {
    expect(kind('attendance').parent).toEqual({ column: 'meeting_id', table: 'meetings' });
    expect(kind('attendance').refs).toEqual([{ column: 'person_id', table: 'people' }]);
    expect(kind('attendance').fields).toEqual(['seq', 'person_id']);
    expect(kind('meetings').children).toEqual(['attendance']);
    expect(kind('visits').children).toEqual(['visit_topics']);
  });

  it('record fields leave out id and uid; keyed tables are keyed by their primary key', () => {
    expect(kind('visits').fields).toEqual(['person_id', 'date', 'created_at', 'updated_at', 'deleted_at']);
    expect(kind('settings').key).toEqual(['key']);
  });

  it('exports referenced tables first, ties by name; children count for their parent; a self-reference is no cycle', () => {
    const order = schema.order.map((s) => s.name);
    expect(order).toEqual(['households', 'people', 'meetings', 'settings', 'tree', 'visits']);
  });
});

describe('lines', () => {
  const schema = classifyTables(raw);
  const bad = (text: string) => () => parseRecordLine(text, schema);

  it('reads a record line', () => {
    const { spec, line } = parseRecordLine('{"entity":"visits","uid":"u1","record":{"date":"2026-01-01","updated_at":"x"},"children":{"visit_topics":[{"topic":"team"}]}}', schema);
    expect(spec.name).toBe('visits');
    expect(line.children).toEqual({ visit_topics: [{ topic: 'team' }] });
  });

  it.each([
    ['not json', 'not valid JSON'],
    ['[1,2]', 'not a record'],
    ['{"entity":"change_log","record":{}}', 'unknown entity "change_log"'],
    ['{"entity":"visit_topics","record":{}}', 'unknown entity "visit_topics"'],
    ['{"entity":"visits","record":{"updated_at":"x"}}', 'missing uid'],
    ['{"entity":"visits","uid":"u","record":{}}', 'missing updated_at'],
    ['{"entity":"visits","uid":"u","record":{"id":5,"updated_at":"x"}}', 'unknown field "id"'],
    ['{"entity":"visits","uid":"u","record":{"updated_at":"x"},"children":{"attendance":[]}}', 'unknown entity "attendance"'],
    ['{"entity":"visits","uid":"u","record":{"updated_at":"x"},"children":{"visit_topics":[{"visit_id":1}]}}', 'unknown field "visit_id"'],
    ['{"entity":"settings","record":{"value":"x"}}', 'missing field "key"'],
  ])('%s → %s', (text, message) => {
    expect(bad(text)).toThrow(LineError);
    expect(bad(text)).toThrow(message);
  });

  it('a header from a newer schema or another program is refused', () => {
    expect(parseHeader('{"format":"fs-export","version":1,"schema":3}', 3).schema).toBe(3);
    expect(() => parseHeader('{"format":"fs-export","version":1,"schema":4}', 3)).toThrow(/newer fs \(schema 4, this build knows 3\)/);
    expect(() => parseHeader('{"format":"other"}', 3)).toThrow(/not an fs export/);
  });

  it('values: text, numbers, null and BLOBs travel; nested objects do not', () => {
    expect(decodeValue(encodeValue(Buffer.from([0, 1, 2])), 'b')).toEqual(Buffer.from([0, 1, 2]));
    expect(decodeValue(true, 'b')).toBe(1);
    expect(() => decodeValue({ a: 1 }, 'b')).toThrow(/field "b"/);
    expect(() => decodeValue([1], 'b')).toThrow(LineError);
  });

  it.each([
    ['[', undefined],
    [']', undefined],
    ['  ', undefined],
    ['{"a":1},', '{"a":1}'],
    ['{"a":1}', '{"a":1}'],
  ])('JSON array line %j → %j', (line, out) => expect(unwrapJsonArrayLine(line)).toBe(out));

  it.each([
    [undefined, '2026-01-01T00:00:00.000Z', true],
    ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', true],
    ['2026-01-02T00:00:00.000Z', '2026-01-01T00:00:00.000Z', false],
    ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', false],
  ])('local %s, incoming %s → incoming wins: %s', (local, incoming, wins) => expect(incomingWins(local, incoming)).toBe(wins));
});

describe('undo rules', () => {
  const e = (id: number, op: string, changes: Record<string, unknown> = {}): ChangeEntry => ({ id, at: '', entity: 'visit', entity_id: 1, entity_uid: null, op, changes });

  it('undo walks back in time, skipping undo rows and what they undid', () => {
    expect(pickUndoTarget([])).toBeUndefined();
    expect(pickUndoTarget([e(3, 'update'), e(2, 'insert')])?.id).toBe(3);
    expect(pickUndoTarget([e(4, 'undo', { undoes: 3 }), e(3, 'update'), e(2, 'insert')])?.id).toBe(2);
    expect(pickUndoTarget([e(5, 'undo', { undoes: 2 }), e(4, 'undo', { undoes: 3 }), e(3, 'update'), e(2, 'insert')])).toBeUndefined();
    expect(pickUndoTarget([e(6, 'update'), e(5, 'undo', { undoes: 2 }), e(4, 'undo', { undoes: 3 }), e(3, 'update'), e(2, 'insert')])?.id).toBe(6);
  });

  it('an update splits into columns and other logged fields', () => {
    const s = splitUpdate({ notes: 'b', topics: ['team'], before: { notes: 'a', topics: [] } }, ['notes', 'date']);
    expect(s.columns).toEqual([{ field: 'notes', after: 'b', before: 'a', hasBefore: true }]);
    expect(s.other).toEqual([{ field: 'topics', after: ['team'], before: [], hasBefore: true }]);
    expect(splitUpdate({ topics: ['x'] }, []).other[0]!.hasBefore).toBe(false);
  });

  it.each([
    ['5', 5, true],
    [null, undefined, true],
    [null, '', false],
    ['a', 'b', false],
    [[1], [1], true],
  ])('sameValue(%j, %j) = %s', (a, b, same) => expect(sameValue(a, b)).toBe(same));
});

describe('backups and doctor', () => {
  it('backup names sort by time and carry no colons', () => {
    const a = backupFileName('/x/fs.db', new Date('2026-11-27T09:05:00.120Z'));
    const b = backupFileName('/x/fs.db', new Date('2026-11-27T10:00:00.000Z'));
    expect(a).toBe('fs-2026-11-27T09-05-00.120Z.db');
    expect([b, a].sort()).toEqual([a, b]);
  });

  it.each([
    [0o600, false],
    [0o700, false],
    [0o644, true],
    [0o640, true],
    [0o601, true],
  ])('mode %o too open: %s', (mode, open) => expect(tooOpen(mode)).toBe(open));

  it('says how to fix permissions, paths quoted for the shell', () => {
    expect(chmodCommand(['/a/fs.db', "/b/it's.db"], ['/a/backups'])).toBe("chmod 600 /a/fs.db '/b/it'\\''s.db' && chmod 700 /a/backups");
    expect(shellQuote('/home/王/fs.db')).toBe("'/home/王/fs.db'");
  });

  it.each([
    [3, 3, 'ok'],
    [2, 3, 'warn'],
    [4, 3, 'problem'],
  ] as const)('schema %i of %i is %s', (v, k, s) => expect(schemaStatus(v, k)).toBe(s));
});

describe('catalogue', () => {
  it('every safety message has English and Chinese with the same placeholders', () => {
    for (const [key, [en, zh]] of Object.entries(safety)) {
      expect(en.length, key).toBeGreaterThan(0);
      expect(zh.length, key).toBeGreaterThan(0);
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(zh), key).toEqual(names(en));
      expect(catalogueKeys()).toContain(key);
    }
    expect(t('doctor.verdict_ok', {}, 'zh')).toBe('状态良好：未发现问题');
  });
});
