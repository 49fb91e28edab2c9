// What an adversarial run typed into names and settings, and where it came out: CSV cells that a
// spreadsheet runs as formulas, and terminal escapes (title change, screen clear, bidi overrides,
// zero-width characters) in reports, prompts, notices and `config get`.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv.js';
import { BIN, cli } from '../helpers/cli.js';

const FORMULAS = ['\x01=cmd|/c calc', '\u0085@SUM(1+1)', '\u200b+1+1', '\u202e-2+3'];
// ESC, BEL, CSI (C1), bidi overrides and isolates, zero-width characters, Unicode line separators.
const EVIL = '村\x1b]0;PWNED\x07\x1b[2J\u009b31m\u202eevil\u2066\u200b\ufeff\u2028x';
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u2028\u2029]/;

describe('CSV cells are defused after controls are stripped', () => {
  const fs = cli({ today: '2026-11-27' });
  FORMULAS.forEach((name, i) => {
    fs.ok(['person', 'add', '--name', name]);
    fs.ok(['visit', 'add', '--person', String(i + 1), '--date', '2026-11-20', '--concern', name]);
    fs.ok(['pair', 'add', '--person', String(i + 1), '--helper', name, '--needs', name, '--date', '2026-11-01']);
  });
  const cells = (args: string[]) => parseCsv(fs.ok([...args, '--format', 'csv'])).flat();
  const spreadsheetRuns = (cell: string) => /^[=+\-@\t\r]/.test(cell);

  it.each([
    ['person list', ['person', 'list']],
    ['concern list', ['concern', 'list']],
    ['pair list', ['pair', 'list']],
    ['report', ['report', '2026-11', '--by', 'week']],
  ])('%s: no cell starts as a formula, and each hostile value is there, quoted', (_n, args) => {
    const all = cells(args);
    for (const c of all) expect(spreadsheetRuns(c), JSON.stringify(c)).toBe(false);
    for (const c of all) expect(UNSAFE.test(c), JSON.stringify(c)).toBe(false);
    // The report's CSV holds the helpers (keys of pairs per helper); the lists hold every name.
    expect(all).toContain("'=cmd|/c calc");
    expect(all).toContain("'@SUM(1+1)");
  });
});

describe('terminal escapes never reach the terminal', () => {
  const fs = cli({ today: '2026-11-27' });
  fs.ok(['config', 'set', 'village', EVIL]);
  fs.ok(['person', 'add', '--name', `张三${EVIL}`]);

  it('report headings and paragraphs in table format', () => {
    const out = fs.ok(['report', '2026-11', '--format', 'table']);
    expect(out).toContain('PWNED'); // the text is shown ...
    expect(UNSAFE.test(out)).toBe(false); // ... the sequences are not
  });

  it('md and every human format', () => {
    for (const f of ['md', 'table']) {
      for (const args of [['person', 'list'], ['person', 'show', '1'], ['config', 'list'], ['report', '2026-11']]) {
        const out = fs.ok([...args, '--format', f]);
        expect(UNSAFE.test(out), `${args.join(' ')} ${f}`).toBe(false);
      }
    }
  });

  it('stderr: config set, undo and meeting add echo stored text without its controls', () => {
    const echoes = [
      fs.run(['config', 'set', 'secretary', EVIL]),
      fs.run(['meeting', 'add', '--type', 'theme-day', '--date', '2026-11-20', '--attendee', `李四${EVIL}`, '--topic', EVIL]),
      fs.run(['undo', '--yes']),
      fs.run(['undo', '--yes']),
      fs.run(['visit', 'add', '--person', `nobody${EVIL}`]),
      fs.run(['report', `x${EVIL}`]),
      fs.run([`--bogus${EVIL}`]),
    ];
    for (const r of echoes) expect(UNSAFE.test(r.stderr), JSON.stringify(r.stderr)).toBe(false);
    expect(echoes.some((r) => r.stderr.includes('PWNED'))).toBe(true);
  });

  // `script` gives the command a real terminal and passes its raw bytes back.
  const hasScript = spawnSync('script', ['-qec', 'true', '/dev/null']).status === 0;
  const onTerminal = (args: string, input = '') =>
    spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${args}`, '/dev/null'], {
      encoding: 'utf8',
      input,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, FS_DB: fs.db, FS_TODAY: '2026-11-27', FS_LANG: 'en', NO_COLOR: '1', TERM: 'dumb' },
      timeout: 30_000,
    }).stdout;

  it.skipIf(!hasScript)('config get on a terminal: the value without its sequences (piped, the bytes as stored)', () => {
    const out = onTerminal('config get village');
    expect(out).toContain('PWNED');
    expect(UNSAFE.test(out.replace(/\r\n/g, '\n'))).toBe(false);
    expect(fs.ok(['config', 'get', 'village'])).toBe(`${EVIL}\n`);
  });

  it.skipIf(!hasScript)('person rm asks about the stored name without its sequences', () => {
    const out = onTerminal('person rm 1', 'n\n');
    expect(out).toContain('张三');
    // The prompt library's own colours and cursor moves are CSI sequences; what it echoes of the name is not.
    const withoutOwn = out.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
    expect(withoutOwn).toContain('PWNED');
    expect(UNSAFE.test(withoutOwn), JSON.stringify(withoutOwn)).toBe(false);
  });
});

describe('Markdown renders user text as text', () => {
  const fs = cli({ today: '2026-11-27' });
  fs.ok(['person', 'add', '--name', '<img src=x onerror=alert(1)>']);
  fs.ok(['visit', 'add', '--person', '1', '--date', '2026-11-20', '--notes', '[click](javascript:alert(1)) ![i](http://x/y.png) <script>x</script> \\[z\\](javascript:1)']);
  fs.ok(['config', 'set', 'village', '<b onmouseover=alert(1)>村</b>']);

  it.each([
    ['person list', ['person', 'list', '--format', 'md']],
    ['visit list', ['visit', 'list', '--format', 'md']],
    ['report', ['report', '2026-11', '--format', 'md', '--detail-limit', '0']],
  ])('%s: no raw HTML tag, no link or image', (_n, args) => {
    const md = fs.ok(args);
    expect(md).not.toMatch(/<(img|script|b)\b/i);
    // Every [ is escaped, so no [text](url) or ![alt](url) is left.
    expect(md).not.toMatch(/(^|[^\\])\[[^\]]*\]\(/);
  });
});
