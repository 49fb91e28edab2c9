// A secretary at a terminal: `fs concern add` asks who, what, when and the answer date;
// `fs concern update ID` without flags asks every field, pre-filled with what is stored.
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { hasTmux, startPty, type PtySession } from '../helpers/pty.js';

let session: PtySession | undefined;
afterEach(() => session?.kill());

const env = (db: string, lang = 'en') => ({ FS_DB: db, FS_TODAY: '2026-12-01', FS_LANG: lang, NO_COLOR: '1' });

describe.skipIf(!hasTmux)('fs concern add on a terminal', () => {
  it('asks whom (again for a name not on the roster), what, the date and the answer date pre-filled; prints a summary', async () => {
    const fs = cli({ today: '2026-12-01' });
    fs.ok(['person', 'add', '--name', '王秀英']);
    session = startPty(['concern', 'add'], env(fs.db));
    await session.waitFor('Who raised it (name or #id)?');
    session.type('赵无名');
    session.keys('Enter');
    await session.waitFor('no one named "赵无名" on the roster');
    session.keys('BSpace', 'BSpace', 'BSpace');
    session.type('王秀英');
    session.keys('Enter');
    await session.waitFor('What do they ask for?');
    session.type('修屋顶');
    session.keys('Enter');
    await session.waitFor(/Raised on.*2026-12-01/);
    session.keys(...Array<string>(10).fill('BSpace'));
    session.type('2026-11-29');
    session.keys('Enter');
    // The answer date follows the date given: concern.due_days (30) after 11-29.
    await session.waitFor(/Answer by.*2026-12-29/);
    session.keys('Enter');
    await session.waitFor('Recorded concern #1: 王秀英, answer by 2026-12-29');
    expect(await session.exitCode()).toBe(0);
    expect(fs.json(['concern', 'list'])[0]).toMatchObject({ person: '王秀英', text: '修屋顶', raised_on: '2026-11-29', due_on: '2026-12-29', visit_id: null });
  });

  it('in Chinese, with the person given as a flag: asks only the rest', async () => {
    const fs = cli({ today: '2026-12-01' });
    fs.ok(['person', 'add', '--name', '王秀英']);
    session = startPty(['concern', 'add', '--person', '王秀英'], env(fs.db, 'zh'));
    await session.waitFor('诉求内容？');
    session.type('低保');
    session.keys('Enter');
    await session.waitFor(/提出日期.*2026-12-01/);
    session.keys('Enter');
    await session.waitFor(/答复期限.*2026-12-31/);
    session.keys('Enter');
    await session.waitFor('已记录诉求 #1：王秀英，答复期限 2026-12-31');
    expect(await session.exitCode()).toBe(0);
  });
});

describe.skipIf(!hasTmux)('fs concern update on a terminal', () => {
  it('asks every field pre-filled; referred asks the department; changes only what was changed', async () => {
    const fs = cli({ today: '2026-12-01' });
    fs.ok(['person', 'add', '--name', '王秀英']);
    fs.ok(['concern', 'add', '--person', '王秀英', '--text', '修屋顶', '--date', '2026-11-20', '--due', '2026-12-20']);
    session = startPty(['concern', 'update', '1'], env(fs.db));
    await session.waitFor('Status');
    session.keys('Down'); // open → referred
    session.keys('Enter');
    await session.waitFor('Referred to (department)');
    session.type('镇民政办');
    session.keys('Enter');
    await session.waitFor(/Answer by.*2026-12-20/);
    session.keys('Enter'); // kept
    await session.waitFor('Villager told on (empty: not yet)');
    session.keys('Enter');
    await session.waitFor('Note');
    session.type('电话联系过');
    session.keys('Enter');
    expect(await session.exitCode()).toBe(0);
    expect(fs.json(['concern', 'list'])[0]).toMatchObject({ status: 'referred', referred_to: '镇民政办', due_on: '2026-12-20', feedback_on: null, note: '电话联系过' });

    // Again: the stored values are the defaults now; resolve and tell the villager.
    session.kill();
    session = startPty(['concern', 'update', '1'], env(fs.db));
    await session.waitFor(/Status[\s\S]*referred/);
    session.keys('Down'); // referred → resolved
    session.keys('Enter');
    await session.waitFor(/Answer by.*2026-12-20/);
    session.keys('Enter');
    await session.waitFor('Villager told on');
    session.type('2026-11-01');
    session.keys('Enter');
    await session.waitFor('is before the concern was raised (2026-11-20)');
    session.keys('BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace');
    session.type('today');
    session.keys('Enter');
    await session.waitFor(/Note.*电话联系过/);
    session.keys('Enter');
    expect(await session.exitCode()).toBe(0);
    expect(fs.json(['concern', 'list'])[0]).toMatchObject({ status: 'resolved', referred_to: '镇民政办', resolved_on: '2026-12-01', feedback_on: '2026-12-01', note: '电话联系过' });
  });
});
