// Input the way people type it, at a terminal (issue 12): near names offered before adding a new
// person, "no" to "add?" asks again, and a one-line summary of what was saved on stderr.
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { hasTmux, startPty, type PtySession } from '../helpers/pty.js';

let session: PtySession | undefined;
afterEach(() => session?.kill());

const env = (db: string, lang = 'en') => ({ FS_DB: db, FS_TODAY: '2026-12-01', FS_LANG: lang, NO_COLOR: '1' });

/** Answers the visit questions after the person with their defaults, one concern typed. */
async function finishVisit(s: PtySession, concern: string): Promise<void> {
  for (const q of ['Date', 'Category', 'Topics asked', 'What did you hear?', 'Place']) {
    await s.waitFor(q);
    s.keys('Enter');
  }
  await s.waitFor('A concern raised');
  s.type(concern);
  s.keys('Enter');
  await s.waitFor(/A concern raised[\s\S]*A concern raised/);
  s.keys('Enter');
}

describe.skipIf(!hasTmux)('a name close to one on the roster', () => {
  it('offers 王秀英 for 王秀 and records the visit to her; the summary says what was saved', async () => {
    const fs = cli({ today: '2026-12-01' });
    fs.ok(['person', 'add', '--name', '王秀英', '--household', '王家', '--group', '一组']);
    fs.ok(['person', 'add', '--name', '张三']);
    session = startPty(['visit', 'add'], env(fs.db));
    await session.waitFor('Whom did you visit?');
    session.type('王秀');
    session.keys('Enter');
    await session.waitFor('did you mean 王秀英 (#1, 王家, 一组)?');
    session.keys('Enter'); // yes
    await finishVisit(session, 'repair the roof');
    expect(await session.exitCode()).toBe(0);
    expect(session.screen()).toMatch(/saved visit #1: 王秀英, 1 concern\(s\), answer due 12-31/);
    const [visit] = fs.json(['visit', 'list']);
    expect(visit).toMatchObject({ person: '王秀英', concerns: 1 });
    expect(fs.json(['person', 'list'])).toHaveLength(2);
  });

  it('no to the near name and no to adding asks for the name again; the second name is on the roster', async () => {
    const fs = cli({ today: '2026-12-01' });
    fs.ok(['person', 'add', '--name', '王秀英', '--household', '王家', '--group', '一组']);
    fs.ok(['person', 'add', '--name', '张三']);
    session = startPty(['visit', 'add'], env(fs.db, 'zh'));
    await session.waitFor('走访');
    session.type('王秀');
    session.keys('Enter');
    await session.waitFor('是否指 王秀英（#1、王家、一组）？');
    session.type('n');
    session.keys('Enter');
    await session.waitFor('是否添加');
    session.type('n');
    session.keys('Enter');
    // Asked again, pre-filled with what was typed: clear it and give another name.
    await session.waitFor(/是否添加[\s\S]*走访/);
    session.keys('C-a', 'C-k', 'BSpace', 'BSpace', 'BSpace', 'BSpace');
    session.type('张三');
    session.keys('Enter');
    for (const q of ['日期', '类别', '问及', '听到', '地点']) {
      await session.waitFor(q);
      session.keys('Enter');
    }
    await session.waitFor('诉求');
    session.keys('Enter');
    expect(await session.exitCode()).toBe(0);
    expect(session.screen()).toMatch(/已记录走访 #1：张三，0 条诉求/);
    expect(fs.json(['visit', 'list'])[0]).toMatchObject({ person: '张三' });
    expect(fs.json(['person', 'list'])).toHaveLength(2);
  });

  it('without a terminal the error lists the near names and nothing is written', () => {
    const fs = cli({ today: '2026-12-01' });
    fs.ok(['person', 'add', '--name', '王秀英', '--household', '王家', '--group', '一组']);
    fs.ok(['person', 'add', '--name', '王秀兰']);
    const r = fs.run(['visit', 'add', '--person', '王秀']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: no one named "王秀" on the roster; did you mean 王秀英 (#1, 王家, 一组), 王秀兰 (#2)?\n');
    expect(fs.run(['visit', 'list', '--person', '王秀英x']).stderr).toContain('did you mean 王秀英 (#1, 王家, 一组)?');
    expect(fs.json(['visit', 'list'])).toEqual([]);
  });
});
