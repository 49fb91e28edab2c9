// A person at a terminal: `fs visit add` asks its questions, from the first prompt to the saved row.
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { hasTmux, startPty, type PtySession } from '../helpers/pty.js';

let session: PtySession | undefined;
afterEach(() => session?.kill());

describe.skipIf(!hasTmux)('fs visit add on a terminal', () => {
  it('asks for the person, creates them, records the visit with topics and a concern', async () => {
    const fs = cli();
    session = startPty(['visit', 'add'], { FS_DB: fs.db, FS_TODAY: '2026-11-27', FS_LANG: 'en', NO_COLOR: '1' });
    await session.waitFor('Whom did you visit?');
    session.type('张三');
    session.keys('Enter');
    await session.waitFor('Add them?');
    session.keys('Enter'); // yes
    await session.waitFor('Household');
    session.type('张家');
    session.keys('Enter');
    await session.waitFor('Village group');
    session.type('二组');
    session.keys('Enter');
    await session.waitFor('Phone');
    session.keys('Enter');
    await session.waitFor('Tags');
    session.keys('Down', 'Down', 'Down', 'Down', 'Down', 'Space', 'Enter'); // poor
    await session.waitFor('Notes');
    session.keys('Enter');
    await session.waitFor('Date');
    session.keys('Enter'); // today
    await session.waitFor('Category');
    session.keys('Enter'); // default from tags: poor-household
    await session.waitFor('Topics asked');
    session.keys('Down', 'Down', 'Down', 'Space', 'Enter'); // hardship
    await session.waitFor('What did you hear?');
    session.type('roof leaks in the rain');
    session.keys('Enter');
    await session.waitFor('Place');
    session.keys('Enter');
    await session.waitFor('A concern raised');
    session.type('repair the roof');
    session.keys('Enter');
    await session.waitFor(/A concern raised[\s\S]*A concern raised/);
    session.keys('Enter');
    expect(await session.exitCode()).toBe(0);

    const [visit] = fs.json(['visit', 'list']);
    expect(visit).toMatchObject({ person: '张三', household: '张家', group: '二组', category: 'poor-household', topics: ['hardship'], notes: 'roof leaks in the rain', date: '2026-11-27', concerns: 1 });
    const [concern] = fs.json(['concern', 'list']);
    expect(concern).toMatchObject({ text: 'repair the roof', status: 'open', person: '张三' });
  });

  it('Ctrl-C at a prompt exits 130 and writes nothing', async () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '李四']);
    session = startPty(['visit', 'add'], { FS_DB: fs.db, FS_TODAY: '2026-11-27', FS_LANG: 'en', NO_COLOR: '1' });
    await session.waitFor('Whom did you visit?');
    session.type('李四');
    session.keys('Enter');
    await session.waitFor('Date');
    session.keys('C-c');
    expect(await session.exitCode()).toBe(130);
    expect(fs.json(['visit', 'list'])).toEqual([]);
  });
});
