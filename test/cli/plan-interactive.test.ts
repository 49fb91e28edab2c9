// The secretary at a terminal: `fs plan add` asks what the flags did not say; `fs plan edit` asks pre-filled.
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { hasTmux, startPty, type PtySession } from '../helpers/pty.js';

let session: PtySession | undefined;
afterEach(() => session?.kill());

const env = (db: string) => ({ FS_DB: db, FS_TODAY: '2026-11-27', FS_LANG: 'en', NO_COLOR: '1' });

describe.skipIf(!hasTmux)('fs plan on a terminal', () => {
  it('add asks for the missing values, pre-filled with the flags given, and saves a practical thing', async () => {
    const fs = cli();
    session = startPty(['plan', 'add', '--area', 'public-welfare', '--owner', '王强'], env(fs.db));
    await session.waitFor('Title');
    session.type('Street lights on the main road');
    session.keys('Enter');
    await session.waitFor('Area');
    session.keys('Enter'); // pre-filled from --area
    await session.waitFor('Kind');
    session.keys('Down', 'Enter'); // practical
    await session.waitFor('Target');
    session.type('40 lights');
    session.keys('Enter');
    await session.waitFor('Measures');
    session.keys('Enter');
    await session.waitFor('Owner');
    session.keys('Enter'); // keeps 王强
    await session.waitFor('Start date');
    session.type('2026-06-01');
    session.keys('Enter');
    await session.waitFor('Due date');
    session.type('2026-05-01'); // before the start: refused in place
    session.keys('Enter');
    await session.waitFor('is before the start 2026-06-01');
    session.keys('C-u');
    session.type('2026-12-31');
    session.keys('Enter');
    await session.waitFor('Budget');
    session.type('120%');
    session.keys('Enter');
    await session.waitFor('invalid budget');
    session.keys('C-u');
    session.type('80000');
    session.keys('Enter');
    expect(await session.exitCode()).toBe(0);

    const [p] = fs.json(['plan', 'list']);
    expect(p).toMatchObject({
      title: 'Street lights on the main road',
      kind: 'practical',
      area: 'public-welfare',
      target: '40 lights',
      measures: null,
      owner: '王强',
      start_on: '2026-06-01',
      due_on: '2026-12-31',
      budget: 80000,
      status: 'planned',
    });
  });

  it('edit without flags asks every question pre-filled with the current values', async () => {
    const fs = cli();
    fs.ok(['plan', 'add', '--title', 'Tea', '--area', 'industry', '--owner', '李明', '--due', '2026-12-31', '--budget', '5000']);
    session = startPty(['plan', 'edit', '1'], env(fs.db));
    await session.waitFor('Title');
    session.type('Tea co-operative');
    session.keys('Enter');
    for (const q of ['Area', 'Kind', 'Target', 'Measures', 'Owner', 'Start date', 'Due date', 'Budget']) {
      await session.waitFor(q);
      session.keys('Enter');
    }
    expect(await session.exitCode()).toBe(0);
    const [p] = fs.json(['plan', 'list']);
    expect(p).toMatchObject({ title: 'Tea co-operative', area: 'industry', kind: 'goal', owner: '李明', due_on: '2026-12-31', budget: 5000 });
  });

  it('Ctrl-C at a prompt exits 130 and writes nothing', async () => {
    const fs = cli();
    session = startPty(['plan', 'add'], env(fs.db));
    await session.waitFor('Title');
    session.type('Tea');
    session.keys('Enter');
    await session.waitFor('Area');
    session.keys('C-c');
    expect(await session.exitCode()).toBe(130);
    expect(fs.json(['plan', 'list'])).toEqual([]);
  });
});
