// Each command runs from the core and its own bundle (dist/fs-<command>.cjs), both through the
// code caches the build wrote: a run loads one command bundle, never another (bin/fs.js refuses a
// second, whose modules would be second copies of the first's).
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/index.js';
import { cli } from '../helpers/cli.js';
import { appendToBundle, install } from '../helpers/install.js';

describe('the bundles a run loads', () => {
  const { run } = cli();

  it.each(COMMANDS.map((c) => c.name))('fs %s: the core and its own bundle, both cached', (name) => {
    const r = run([name, '--help'], { env: { FS_DEBUG: '1' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('fs: code cache'))).toEqual([`fs: code cache used: fs.cjs`, `fs: code cache used: fs-${name}.cjs`]);
  });

  it('fs --help and a mistyped command: the core alone', () => {
    for (const args of [['--help'], ['vist']]) {
      const r = run(args, { env: { FS_DEBUG: '1' } });
      expect(r.stderr.split('\n').filter((l) => l.startsWith('fs: code cache'))).toEqual(['fs: code cache used: fs.cjs']);
    }
  });

  it('a second command bundle in one run is refused, not loaded beside the first', () => {
    const i = install();
    // A core that, after running `fs person list`, asks for visit's bundle as well.
    appendToBundle(i.bundle, "setTimeout(() => __fsCommand(() => ({}))('fs-visit'), 50);");
    const r = i.run(['person', 'list'], { FS_DEBUG: '1' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('fs: fs-visit.cjs asked for after fs-person.cjs: a run has one command');
    expect(r.stderr).not.toContain('code cache used: fs-visit.cjs');
  });
});
