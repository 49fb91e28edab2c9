// A helper at a terminal: `fs pair add` with no flags asks for everything, pre-filled from the settings.
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { hasTmux, startPty, type PtySession } from '../helpers/pty.js';

let session: PtySession | undefined;
afterEach(() => session?.kill());

describe.skipIf(!hasTmux)('fs pair add on a terminal', () => {
  it('asks whom (re-asking for a name not on the roster), the needs and measures, offers the secretary and the default cadence', async () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '王秀英', '--tag', 'poor']);
    fs.ok(['config', 'set', 'secretary', '李明']);
    session = startPty(['pair', 'add'], { FS_DB: fs.db, FS_TODAY: '2026-11-27', FS_LANG: 'en', NO_COLOR: '1' });
    await session.waitFor('Whom do you pair with?');
    session.type('赵无名');
    session.keys('Enter');
    await session.waitFor('no one named "赵无名" on the roster');
    session.keys('BSpace', 'BSpace', 'BSpace');
    session.type('王秀英');
    session.keys('Enter');
    await session.waitFor('What do they need?');
    session.type('no income since her husband fell ill');
    session.keys('Enter');
    await session.waitFor('What will be done?');
    session.type('co-op job');
    session.keys('Enter');
    await session.waitFor(/Helper.*李明/);
    session.keys('Enter'); // the secretary
    await session.waitFor(/Keep in touch every how many days\?.*30/);
    session.type('14');
    session.keys('Enter');
    await session.waitFor('Start date');
    session.keys('Enter'); // today
    expect(await session.exitCode()).toBe(0);

    const [pair] = fs.json(['pair', 'list']);
    expect(pair).toMatchObject({
      person: '王秀英',
      person_kind: 'villager',
      helper: '李明',
      needs: 'no income since her husband fell ill',
      measures: 'co-op job',
      cadence_days: 14,
      started_on: '2026-11-27',
      next_contact_due: '2026-12-11',
    });
  });
});
