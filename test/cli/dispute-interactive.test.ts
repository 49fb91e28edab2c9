// A person at a terminal: `fs dispute add` asks for what the flags did not give, and the steps
// that follow ask too; a refused transition says so before asking anything.
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { hasTmux, startPty, type PtySession } from '../helpers/pty.js';

let session: PtySession | undefined;
afterEach(() => session?.kill());

const env = (db: string) => ({ FS_DB: db, FS_TODAY: '2026-11-27', FS_LANG: 'en', NO_COLOR: '1' });

describe.skipIf(!hasTmux)('fs dispute on a terminal', () => {
  it('add asks every question, then offers to mark the petitioner', async () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '王五', '--household', '王家']);
    session = startPty(['dispute', 'add'], env(fs.db));
    await session.waitFor('What is the dispute about?');
    session.type('boundary wall');
    session.keys('Enter');
    await session.waitFor('Category');
    session.keys('Down', 'Enter'); // neighbor
    await session.waitFor('How did it come to you?');
    session.keys('Down', 'Down', 'Down', 'Down', 'Enter'); // petition
    await session.waitFor('Petition channel');
    session.keys('Down', 'Enter'); // in-person
    await session.waitFor('A party (name or roster id)');
    session.type('王五');
    session.keys('Enter');
    await session.waitFor('Another party');
    session.type('李七');
    session.keys('Enter');
    await session.waitFor(/Another party[\s\S]*Another party/);
    session.keys('Enter');
    await session.waitFor('Risk');
    session.keys('Down', 'Down', 'Enter'); // medium
    await session.waitFor('Risk flags');
    session.keys('Space', 'Enter'); // criminal-risk
    await session.waitFor('Date');
    session.keys('Enter'); // today
    await session.waitFor('Facts and points in dispute');
    session.type('wall over the line');
    session.keys('Enter');
    await session.waitFor('as a key petition household');
    session.keys('Enter'); // yes
    expect(await session.exitCode()).toBe(0);

    const [d] = fs.json(['dispute', 'list']);
    expect(d).toMatchObject({
      title: 'boundary wall',
      category: 'neighbor',
      source: 'petition',
      channel: 'in-person',
      risk: 'medium',
      flags: ['criminal-risk'],
      registered_on: '2026-11-27',
      description: 'wall over the line',
      status: 'registered',
      parties: [{ person_id: 1, name: '王五', tags: ['petitioner'] }, { person_id: null, name: '李七' }],
    });
  });

  it('a step asks for what is missing; a refused one exits 2 before asking', async () => {
    const fs = cli();
    fs.ok(['dispute', 'add', '--title', 'x', '--category', 'other', '--party', '甲', '--source', 'screening', '--date', '2026-11-20']);
    session = startPty(['dispute', 'log', '1'], env(fs.db));
    await session.waitFor('Date of the step');
    session.keys('Enter');
    await session.waitFor('What was done?');
    session.type('talked to both');
    session.keys('Enter');
    await session.waitFor('Who took part?');
    session.type('chair, 老支书');
    session.keys('Enter');
    expect(await session.exitCode()).toBe(0);
    expect(fs.json(['dispute', 'show', '1']).timeline[1]).toMatchObject({ date: '2026-11-27', kind: 'step', note: 'talked to both', participants: ['chair', '老支书'] });

    session.kill();
    session = startPty(['dispute', 'revisit', '1'], env(fs.db));
    expect(await session.exitCode()).toBe(2);
    expect(session.screen()).toContain('cannot revisit case #1 (mediating); allowed now: log, resolve, escalate, withdraw');
  });

  it('Ctrl-C at a prompt exits 130 and writes nothing', async () => {
    const fs = cli();
    session = startPty(['dispute', 'add', '--title', 'x'], env(fs.db));
    await session.waitFor('What is the dispute about? (a short title) (x)'); // pre-filled from the flag
    session.keys('Enter');
    await session.waitFor('Category');
    session.keys('C-c');
    expect(await session.exitCode()).toBe(130);
    expect(fs.json(['dispute', 'list'])).toEqual([]);
  });
});
