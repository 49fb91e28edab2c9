// At a terminal: fs undo and fs restore ask before they change anything; restore offers the backups.
import { afterEach, describe, expect, it } from 'vitest';
import { cli, snapshot } from '../helpers/cli.js';
import { hasTmux, startPty, type PtySession } from '../helpers/pty.js';

let session: PtySession | undefined;
afterEach(() => session?.kill());

const env = (db: string, lang = 'en') => ({ FS_DB: db, FS_TODAY: '2026-11-27', FS_LANG: lang, NO_COLOR: '1' });

describe.skipIf(!hasTmux)('data safety on a terminal', () => {
  it('fs undo shows the change and asks; no keeps everything, yes reverts it', async () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '王秀英']);
    fs.ok(['person', 'edit', '1', '--phone', '13800000000']);
    const before = snapshot(fs.db);
    session = startPty(['undo'], env(fs.db));
    await session.waitFor(/Undo #2 .* edit person #1: phone: ∅ → 13800000000\?/);
    session.keys('Enter'); // default: no
    expect(await session.exitCode()).toBe(130);
    expect(snapshot(fs.db)).toBe(before);
    session.kill();

    session = startPty(['undo'], env(fs.db, 'zh'));
    await session.waitFor('撤销 #2');
    session.type('y');
    session.keys('Enter');
    expect(await session.exitCode()).toBe(0);
    expect(fs.json(['person', 'show', '1'])).toMatchObject({ phone: null });
  });

  it('fs restore without a file offers the backups, newest first, then asks', async () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', 'in the first backup']);
    const first = fs.ok(['backup']).trim();
    fs.ok(['person', 'add', '--name', 'in the second backup']);
    const second = fs.ok(['backup']).trim();
    fs.ok(['person', 'add', '--name', 'not backed up']);
    session = startPty(['restore'], env(fs.db));
    const screen = await session.waitFor('Which backup?');
    expect(screen.indexOf(second.split('/').pop()!)).toBeLessThan(screen.indexOf(first.split('/').pop()!));
    session.keys('Down', 'Enter'); // the older one
    await session.waitFor('Replace');
    session.type('y');
    session.keys('Enter');
    expect(await session.exitCode()).toBe(0);
    expect(fs.json(['person', 'list']).map((p: { name: string }) => p.name)).toEqual(['in the first backup']);
  });
});
