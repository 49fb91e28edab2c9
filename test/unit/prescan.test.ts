import { describe, expect, it } from 'vitest';
import { preScan } from '../../src/cli/shared/prescan.js';

describe('preScan', () => {
  it.each([
    [['visit', 'list'], { command: 'visit', lang: undefined, noColor: false }],
    [['--db', 'visit', 'person', 'list'], { command: 'person' }],
    [['--lang', 'zh', 'visit', 'list'], { command: 'visit', lang: 'zh' }],
    [['visit', 'list', '--lang=zh', '--no-color'], { command: 'visit', lang: 'zh', noColor: true }],
    [['help', 'dispute'], { command: 'dispute' }],
    [['--help'], { command: undefined }],
    [['--today', '2026-01-01', 'report'], { command: 'report' }],
    [['visit', '--', '--lang', 'zh'], { command: 'visit', lang: undefined }],
  ])('%j', (argv, expected) => {
    expect(preScan(argv)).toMatchObject(expected);
  });
});
