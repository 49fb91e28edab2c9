// fs push's summary line: counts grouped by thousands, tables in the user's language, settings apart.
import { afterEach, describe, expect, it } from 'vitest';
import type { PushResult } from '../../src/db/county/push.js';
import { setLang } from '../../src/i18n/index.js';
import { groupDigits, pushJson, pushSummary } from '../../src/render/push.js';

const URL = 'postgresql://fs_ledger_ab:***@db.example.cn/county';

function result(records: Record<string, number>, more: Partial<PushResult> = {}): PushResult {
  const total = Object.values(records).reduce((a, n) => a + n, 0);
  return { ledger: 'l', dryRun: false, full: false, records, total, sent: total, settings: 0, since: null, watermark: null, ...more };
}

afterEach(() => setLang('en'));

describe('push summary', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1234567, '1,234,567'],
  ])('groupDigits(%i) = %s', (n, s) => expect(groupDigits(n)).toBe(s));

  it('names the tables that took rows, in table order, and settings after them', () => {
    const r = result({ households: 0, people: 334, visits: 900 }, { settings: 2 });
    expect(pushSummary(r, URL)).toBe(`Pushed 1,234 records (people 334, visits 900; settings 2) to ${URL}.`);
  });

  it('one record, nothing, a dry run', () => {
    expect(pushSummary(result({ visits: 1 }), URL)).toBe(`Pushed 1 record (visits 1) to ${URL}.`);
    expect(pushSummary(result({ visits: 0 }), URL)).toBe(`Nothing to push: ${URL} already has every record of this ledger.`);
    expect(pushSummary(result({ visits: 0 }, { settings: 1 }), URL)).toBe(`Pushed 0 records (settings 1) to ${URL}.`);
    expect(pushSummary(result({ visits: 3 }, { dryRun: true }), URL)).toBe(`Dry run: would push 3 records (visits 3) to ${URL}; nothing written.`);
  });

  it('in Chinese', () => {
    setLang('zh');
    expect(pushSummary(result({ people: 1, visits: 1200 }, { settings: 1 }), URL)).toBe(`已推送 1,201 条记录（人员 1，走访 1,200；设置 1）到 ${URL}。`);
  });

  it('JSON keys are stable', () => {
    expect(Object.keys(JSON.parse(pushJson(result({ visits: 1 }), URL)))).toEqual(['ledger', 'dry_run', 'full', 'records', 'total', 'sent', 'settings', 'since', 'watermark', 'url']);
  });
});
