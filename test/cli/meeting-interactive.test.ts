// A secretary at a terminal: `fs meeting add` offers the roster's party members as a checklist for
// a branch meeting, asks why each unticked one was absent, and saves the derived counts.
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { hasTmux, startPty, type PtySession } from '../helpers/pty.js';

let session: PtySession | undefined;
afterEach(() => session?.kill());

describe.skipIf(!hasTmux)('fs meeting add on a terminal', () => {
  it('ticks who came among the party members and records the absent with reasons', async () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '王秀英', '--tag', 'party-member']);
    fs.ok(['person', 'add', '--name', '李四', '--tag', 'party-member']);
    fs.ok(['person', 'add', '--name', '赵六', '--tag', 'party-member']);
    fs.ok(['person', 'add', '--name', '孙七', '--tag', 'poor']); // not a party member: not offered
    session = startPty(['meeting', 'add'], { FS_DB: fs.db, FS_TODAY: '2026-11-27', FS_LANG: 'en', NO_COLOR: '1' });
    await session.waitFor('Type of meeting');
    session.keys('Down', 'Down', 'Down', 'Down', 'Enter'); // theme-day
    await session.waitFor('Date');
    session.keys('Enter'); // today
    await session.waitFor('Topic');
    session.type('study the party rules');
    session.keys('Enter');
    await session.waitFor('Place');
    session.keys('Enter');
    await session.waitFor('Record who came by name (3 on the roster: party member)?');
    session.keys('Enter'); // yes
    const list = await session.waitFor('Who came?');
    expect(list).not.toContain('孙七');
    session.keys('Space', 'Down', 'Down', 'Space', 'Enter'); // 王秀英 and 赵六
    await session.waitFor('Why was 李四 absent?');
    session.type('working in town');
    session.keys('Enter');
    await session.waitFor('Chair');
    session.type('李明');
    session.keys('Enter');
    await session.waitFor('Recorder');
    session.keys('Enter');
    await session.waitFor('Something decided');
    session.type('plant tea on the east slope');
    session.keys('Enter');
    await session.waitFor(/Something decided[\s\S]*Something decided/);
    session.keys('Enter');
    await session.waitFor('Minutes');
    session.keys('Enter');
    expect(await session.exitCode()).toBe(0);

    const [m] = fs.json(['meeting', 'list']);
    expect(m).toMatchObject({
      type: 'theme-day', date: '2026-11-27', topic: 'study the party rules', chair: '李明', expected: 3, present: 2,
      attendees: [{ person_id: 1, name: '王秀英' }, { person_id: 3, name: '赵六' }],
      absentees: [{ person_id: 2, name: '李四', reason: 'working in town' }],
      decisions: ['plant tea on the east slope'],
    });
  });
});
