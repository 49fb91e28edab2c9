import { describe, expect, it } from 'vitest';
import { CONCERN_STATUSES } from '../../src/domain/concerns.js';
import { PERSON_TAGS } from '../../src/domain/people.js';
import { settingSpecs } from '../../src/domain/settings.js';
import { VISIT_CATEGORIES, VISIT_TOPICS } from '../../src/domain/visits.js';
import { colorLevel } from '../../src/render/color.js';
import { catalogueKeys, hasMessage, resolveLang, t } from '../../src/i18n/index.js';
import { renderListing, renderTable, type Listing } from '../../src/render/output.js';

interface R {
  name: string;
  n: number;
  tags: string[];
}

const listing: Listing<R> = {
  columns: [
    { key: 'name', header: 'Name', value: (r) => r.name },
    { key: 'n', header: 'Count', value: (r) => r.n },
    { key: 'tags', header: 'Tags', value: (r) => r.tags },
  ],
  rows: [
    { name: 'a|b\u001b[31m', n: 1, tags: ['x', 'y'] },
    { name: '=cmd', n: -2, tags: [] },
  ],
};

describe('renderListing', () => {
  it('tsv: English keys, one line per record, no control bytes', () => {
    expect(renderListing(listing, 'tsv')).toBe('name\tn\ttags\na|b[31m\t1\tx,y\n=cmd\t-2\t\n');
  });
  it('csv: RFC 4180 lines, formula cells defused', () => {
    expect(renderListing(listing, 'csv')).toBe("name,n,tags\r\na|b[31m,1,\"x,y\"\r\n'=cmd,-2,\r\n");
  });
  it('json and ndjson carry the machine values', () => {
    expect(JSON.parse(renderListing(listing, 'json'))).toEqual([
      { name: 'a|b\u001b[31m', n: 1, tags: ['x', 'y'] },
      { name: '=cmd', n: -2, tags: [] },
    ]);
    expect(renderListing(listing, 'ndjson').trim().split('\n')).toHaveLength(2);
  });
  it('md: a GFM table with escaped cells', () => {
    const md = renderListing(listing, 'md').trim().split('\n');
    expect(md[0]).toBe('| Name | Count | Tags |');
    expect(md[2]).toBe('| a\\|b\\[31m | 1 | x,y |'); // the ESC gone, the [ escaped: renders as 'a|b[31m'
  });
  it('table: no colour codes when colour is off', () => {
    expect(renderListing(listing, 'table')).not.toMatch(/\u001b/);
  });
  it('an empty listing says so for people and stays parseable for machines', () => {
    const empty = { ...listing, rows: [], empty: 'nothing here' };
    expect(renderListing(empty, 'table')).toContain('nothing here');
    expect(renderListing(empty, 'json')).toBe('[]\n');
    expect(renderListing(empty, 'ndjson')).toBe('');
    expect(renderListing(empty, 'tsv')).toBe('name\tn\ttags\n');
  });
});

describe('colour decision', () => {
  it.each([
    [{ isTTY: true, env: {} }, 1],
    [{ isTTY: false, env: {} }, 0],
    [{ isTTY: true, env: { NO_COLOR: '1' } }, 0],
    [{ isTTY: true, env: { TERM: 'dumb' } }, 0],
    [{ isTTY: false, env: { FORCE_COLOR: '1' } }, 1],
    [{ isTTY: false, env: { FORCE_COLOR: '3' } }, 3],
    [{ isTTY: true, env: { FORCE_COLOR: '0' } }, 0],
    [{ isTTY: true, env: {}, noColorFlag: true }, 0],
    [{ isTTY: true, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }, 0],
  ])('%j → level %i', (input, level) => {
    expect(colorLevel(input as Parameters<typeof colorLevel>[0])).toBe(level);
  });
});

describe('language', () => {
  it.each([
    [undefined, {}, 'en'],
    ['zh', {}, 'zh'],
    [undefined, { FS_LANG: 'zh' }, 'zh'],
    [undefined, { LANG: 'zh_CN.UTF-8' }, 'zh'],
    [undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }, 'en'],
    ['en', { FS_LANG: 'zh' }, 'en'],
  ])('flag %s env %j → %s', (flag, env, lang) => {
    expect(resolveLang(flag, env)).toBe(lang);
  });

  it('every canonical key has a label, and every entry both languages', () => {
    const labelled = [
      ...PERSON_TAGS.map((k) => `person_tag.${k}`),
      ...VISIT_CATEGORIES.map((k) => `visit_category.${k}`),
      ...VISIT_TOPICS.map((k) => `visit_topic.${k}`),
      ...CONCERN_STATUSES.map((k) => `concern_status.${k}`),
      ...settingSpecs().map((s) => `setting.${s.key}`),
    ];
    for (const key of labelled) expect(hasMessage(key), key).toBe(true);
    for (const key of catalogueKeys()) {
      expect(t(key, {}, 'en'), key).not.toBe('');
      expect(t(key, {}, 'zh'), key).not.toBe('');
    }
  });
});

describe('optional columns on a narrow terminal', () => {
  const wide: Listing<{ id: number; when: string; what: string; by: string; set: string }> = {
    columns: [
      { key: 'id', header: 'Change', value: (r) => r.id, optional: true },
      { key: 'when', header: 'When', value: (r) => r.when },
      { key: 'what', header: 'What changed', value: (r) => r.what },
      { key: 'by', header: 'Undone by', value: (r) => r.by, optional: true },
      { key: 'set', header: 'Set undone by', value: (r) => r.set, optional: true },
    ],
    rows: [{ id: 1, when: '2026-12-03 14:08:57', what: 'phone: ∅ → 13812345678, village group: 一组', by: '#4', set: '#3' }],
  };
  const table = (width: number) => renderTable(wide, width);

  it('are left out, the rightmost first, only while the words do not fit; a line says which', () => {
    const narrow = table(44);
    expect(narrow.split('\n')[1]).toMatch(/^│ Change │ When +│ What changed +│$/);
    expect(narrow).toContain('(not shown at this width: Undone by, Set undone by;');
    for (const line of narrow.split('\n').slice(0, -2)) if (line) expect(line.length).toBeLessThanOrEqual(44);
    const roomy = table(160);
    expect(roomy.split('\n')[1]).toContain('Set undone by');
    expect(roomy).not.toContain('not shown');
  });

  it('stay in every machine format', () => {
    expect(renderListing(wide, 'tsv').split('\n')[0]).toBe('id\twhen\twhat\tby\tset');
  });
});
