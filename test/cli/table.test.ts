// Terminal tables fit the terminal (issue 12): run on a real pseudo-terminal of 80 and 120 columns.
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { hasTmux, startPty, type PtySession } from '../helpers/pty.js';

let session: PtySession | undefined;
afterEach(() => session?.kill());

const NOTE = '屋顶漏雨，王大妈担心冬天，希望雪前修好。The roof leaks near the east wall; she asks for tiles 👍 before snow.';

describe.skipIf(!hasTmux)('tables on a terminal', () => {
  const fs = cli({ today: '2026-12-01' });
  fs.ok(['person', 'add', '--name', '王秀英', '--household', '王家', '--group', '一组', '--tag', 'poor']);
  fs.ok(['visit', 'add', '--person', '王秀英', '--date', '2026-11-30', '--topic', 'hardship', '--topic', 'opinion', '--notes', NOTE]);
  fs.ok(['visit', 'add', '--person', '王秀英', '--date', '2026-12-01', '--notes', 'short']);

  it.each([80, 120])('visit list and visit show at %i columns: every line fits, the note is all there', async (width) => {
    for (const args of [['visit', 'list'], ['visit', 'show', '1']]) {
      session = startPty(args, { FS_DB: fs.db, FS_TODAY: '2026-12-01', FS_LANG: 'zh', NO_COLOR: '1' }, { width, height: 60 });
      expect(await session.exitCode()).toBe(0);
      const lines = session.screen().split('\n').filter((l) => /^[┌│├└]/.test(l));
      session.kill();
      expect(lines.length).toBeGreaterThan(4);
      for (const line of lines) {
        expect(stringWidth(line)).toBeLessThanOrEqual(width);
        // Each drawn line closes its border: nothing spilled over the terminal's edge.
        expect(line.trimEnd()).toMatch(/[┐│┤┘]$/);
      }
      // The wrapped note, read back cell by cell, is the whole note: no character cut or lost.
      const noteColumn = args[1] === 'list' ? -1 : 1;
      const cells = lines
        .filter((l) => l.startsWith('│'))
        .map((l) => l.split('│').slice(1, -1))
        .map((c) => c.at(noteColumn)!.trim());
      expect(cells.join('').replace(/ /g, '')).toContain(NOTE.replace(/ /g, ''));
    }
  });

  it.each(['en', 'zh'])('visit list at 80 columns (%s): names, households and dates whole, the optional columns left out and named', async (lang) => {
    session = startPty(['visit', 'list'], { FS_DB: fs.db, FS_TODAY: '2026-12-01', FS_LANG: lang, NO_COLOR: '1' }, { width: 80, height: 60 });
    expect(await session.exitCode()).toBe(0);
    const screen = session.screen();
    const rows = screen.split('\n').filter((l) => l.startsWith('│')).map((l) => l.split('│').slice(1, -1).map((c) => c.trim()));
    const first = rows.find((r) => r[0] === '2')!;
    expect(first.slice(0, 5)).toEqual(['2', '2026-12-01', '王秀英', '王家', '一组']);
    // The rightmost optional columns go first: the concerns' count, then the topics if need be.
    expect(screen).toMatch(lang === 'zh' ? /（此宽度下未显示：(问及事项、)?诉求；/ : /\(not shown at this width: (Topics asked, )?Concerns;/);
    // At 120 columns every column is there and nothing is named.
    session.kill();
    session = startPty(['visit', 'list'], { FS_DB: fs.db, FS_TODAY: '2026-12-01', FS_LANG: lang, NO_COLOR: '1' }, { width: 120, height: 60 });
    expect(await session.exitCode()).toBe(0);
    expect(session.screen()).not.toMatch(/not shown at this width|此宽度下未显示/);
  });

  it('a wider terminal gives wider columns (fewer lines)', async () => {
    const heights: number[] = [];
    for (const width of [80, 120]) {
      session = startPty(['visit', 'list'], { FS_DB: fs.db, FS_TODAY: '2026-12-01', FS_LANG: 'en', NO_COLOR: '1' }, { width, height: 60 });
      expect(await session.exitCode()).toBe(0);
      heights.push(session.screen().split('\n').filter((l) => l.startsWith('│')).length);
      session.kill();
    }
    expect(heights[1]).toBeLessThan(heights[0]!);
  });

  it.each(['en', 'zh'])('fs history at 80 columns (%s): headers whole, fields by name, a line says what was left out', async (lang) => {
    fs.ok(['person', 'edit', '1', '--phone', '13812345678']);
    fs.ok(['undo', '--yes']);
    session = startPty(['history'], { FS_DB: fs.db, FS_TODAY: '2026-12-01', FS_LANG: lang, NO_COLOR: '1' }, { width: 80, height: 80 });
    expect(await session.exitCode()).toBe(0);
    const screen = session.screen();
    const lines = screen.split('\n').filter((l) => /^[┌│├└]/.test(l));
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    const header = lines[1]!.split('│').slice(1, -1).map((c) => c.trim());
    if (lang === 'zh') {
      expect(header).toEqual(['修改号', '时间', '类型', 'ID', '操作', '修改内容', '修改组', '命令']);
      expect(screen).toContain('电话：∅ →');
      expect(screen).toContain('（此宽度下未显示：撤销于、整组撤销于；');
    } else {
      // Width that would save no line in the When and Command columns goes to What changed: its header is whole.
      expect(header).toEqual(['Change', 'When', 'Kind', 'ID', 'Action', 'What changed', 'Set', 'Command']);
      expect(screen).toContain('phone: ∅ →');
      expect(screen).toContain('(not shown at this width:');
    }
    expect(screen).not.toMatch(/village_group|household_id|added_on/);
    // Dates stay whole: never split over two lines of a cell.
    expect(screen).not.toMatch(/\b20\d\d-\d?\s*│/);
  });
});
