// Small faults found at a terminal (issue 11, item 9): a vote below quorum is settled right after
// the counts; a dispute found in a visit asks which visit.
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { hasTmux, startPty, type PtySession } from '../helpers/pty.js';

let session: PtySession | undefined;
afterEach(() => session?.kill());

const env = (db: string) => ({ FS_DB: db, FS_TODAY: '2026-11-27', FS_LANG: 'en', NO_COLOR: '1' });

describe.skipIf(!hasTmux)('on a terminal', () => {
  it('meeting add: a vote below quorum is caught right after the counts, and the meeting is kept without the vote', async () => {
    const fs = cli();
    for (const name of ['王秀英', '李四', '赵六']) fs.ok(['person', 'add', '--name', name, '--tag', 'party-member']);
    session = startPty(['meeting', 'add'], env(fs.db));
    await session.waitFor('Type of meeting');
    session.keys('Enter'); // branch-general
    await session.waitFor('Date');
    session.keys('Enter');
    await session.waitFor('Topic');
    session.type('admit a member');
    session.keys('Enter');
    await session.waitFor('Place');
    session.keys('Enter');
    await session.waitFor('Record who came by name');
    session.keys('Enter');
    await session.waitFor('Who came?');
    session.keys('Space', 'Enter'); // only 王秀英
    await session.waitFor('Why was 李四 absent?');
    session.keys('Enter');
    await session.waitFor('Why was 赵六 absent?');
    session.keys('Enter');
    await session.waitFor('Was there a vote?');
    session.type('y');
    session.keys('Enter');
    // Before the chair, the decisions and the minutes are typed: nothing is thrown away.
    const screen = await session.waitFor('the vote cannot be recorded as valid');
    expect(screen).not.toContain('Chair');
    session.keys('Enter'); // record the meeting without the vote
    await session.waitFor('Chair');
    session.type('李明');
    session.keys('Enter');
    await session.waitFor('Recorder');
    session.keys('Enter');
    await session.waitFor('Something decided');
    session.keys('Enter');
    await session.waitFor('Minutes');
    session.keys('Enter');
    const code = await session.exitCode();
    expect(code, session.screen()).toBe(0);
    const [m] = fs.json(['meeting', 'list']);
    expect(m).toMatchObject({ type: 'branch-general', topic: 'admit a member', chair: '李明', expected: 3, present: 1, vote: false, forced: false });
  });

  it('meeting add: or the vote is recorded anyway, flagged as forced', async () => {
    const fs = cli();
    for (const name of ['王秀英', '李四', '赵六']) fs.ok(['person', 'add', '--name', name, '--tag', 'party-member']);
    session = startPty(['meeting', 'add'], env(fs.db));
    await session.waitFor('Type of meeting');
    session.keys('Enter'); // branch-general
    await session.waitFor('Date');
    session.keys('Enter');
    await session.waitFor('Topic');
    session.type('admit a member');
    session.keys('Enter');
    await session.waitFor('Place');
    session.keys('Enter');
    await session.waitFor('Record who came by name');
    session.keys('Enter');
    await session.waitFor('Who came?');
    session.keys('Space', 'Enter'); // only 王秀英
    await session.waitFor('Why was 李四 absent?');
    session.keys('Enter');
    await session.waitFor('Why was 赵六 absent?');
    session.keys('Enter');
    await session.waitFor('Was there a vote?');
    session.type('y');
    session.keys('Enter');
    // Before the chair, the decisions and the minutes are typed: nothing is thrown away.
    const screen = await session.waitFor('the vote cannot be recorded as valid');
    expect(screen).not.toContain('Chair');
    session.keys('Down', 'Enter'); // record the vote anyway, flagged as forced
    await session.waitFor('Chair');
    session.type('李明');
    session.keys('Enter');
    await session.waitFor('Recorder');
    session.keys('Enter');
    await session.waitFor('Something decided');
    session.keys('Enter');
    await session.waitFor('Minutes');
    session.keys('Enter');
    const code = await session.exitCode();
    expect(code, session.screen()).toBe(0);
    const [m] = fs.json(['meeting', 'list']);
    expect(m).toMatchObject({ type: 'branch-general', topic: 'admit a member', chair: '李明', expected: 3, present: 1, vote: true, forced: true });
  });

  it('dispute add with source "visit" asks which visit (an id that is no visit is refused in place)', async () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '王五', '--household', '王家']);
    fs.ok(['visit', 'add', '--person', '1', '--date', '2026-11-20', '--topic', 'disputes']);
    session = startPty(['dispute', 'add'], env(fs.db));
    await session.waitFor('What is the dispute about?');
    session.type('boundary wall');
    session.keys('Enter');
    await session.waitFor('Category');
    session.keys('Down', 'Enter'); // neighbor
    await session.waitFor('How did it come to you?');
    session.keys('Down', 'Enter'); // visit
    await session.waitFor('Found in which visit?');
    session.type('9');
    session.keys('Enter');
    await session.waitFor('there is no visit #9');
    session.keys('BSpace');
    session.type('1');
    session.keys('Enter');
    await session.waitFor('A party (name or roster id)');
    session.type('王五');
    session.keys('Enter');
    await session.waitFor('Another party');
    session.keys('Enter');
    await session.waitFor('Risk');
    session.keys('Enter');
    await session.waitFor('Risk flags');
    session.keys('Enter');
    await session.waitFor(/Date \(?2026-11-20/); // the visit's day
    session.keys('Enter');
    await session.waitFor('Facts and points in dispute');
    session.keys('Enter');
    expect(await session.exitCode()).toBe(0);
    expect(fs.json(['dispute', 'show', '1'])).toMatchObject({ source: 'visit', visit_id: 1, registered_on: '2026-11-20' });
  });
});
