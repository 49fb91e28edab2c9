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

  it('fs undo of a command shows its whole change set and asks, in English and in Chinese; --id too', async () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '王秀英']);
    fs.ok(['visit', 'add', '--person', '1', '--concern', '甲', '--concern', '乙']);
    const before = snapshot(fs.db);
    session = startPty(['undo'], env(fs.db));
    await session.waitFor(/Undo #2 .* visit add: add visit #1: .*add concern #1: .*text: 甲.*add concern #2: .*text: 乙.*\?/s);
    session.keys('Enter'); // default: no
    expect(await session.exitCode()).toBe(130);
    expect(snapshot(fs.db)).toBe(before);
    session.kill();

    session = startPty(['undo'], env(fs.db, 'zh'));
    await session.waitFor(/撤销 #2 .* visit add：新增 走访 #1：.*内容：甲/s);
    session.type('y');
    session.keys('Enter');
    expect(await session.exitCode()).toBe(0);
    expect(fs.json(['visit', 'list'])).toEqual([]);
    expect(fs.json(['concern', 'list'])).toEqual([]);
    session.kill();

    // With the visit undone nothing depends on the person any more: --id 1 asks, and yes removes them.
    session = startPty(['undo', '--id', '1'], env(fs.db, 'zh'));
    await session.waitFor(/撤销 #1 .* person add/);
    session.type('y');
    session.keys('Enter');
    expect(await session.exitCode()).toBe(0);
    expect(fs.json(['person', 'list'])).toEqual([]);
  });

  it('fs undo --id of a set a later one depends on is refused before asking, in one line', async () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '王秀英']);
    fs.ok(['person', 'edit', '1', '--phone', '13800000000']);
    const before = snapshot(fs.db);
    session = startPty(['undo', '--id', '1'], env(fs.db, 'zh'));
    await session.waitFor('无法撤销第 1 组修改：之后的第 2 组修改（person edit）改动了相同的记录');
    expect(await session.exitCode()).toBe(1);
    expect(snapshot(fs.db)).toBe(before);
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
