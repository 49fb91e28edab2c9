// The one place that decides what environment a test's child process (or the test process itself)
// sees: the suite must pass whatever the user has exported (FS_NO_INPUT=1, FS_LANG=zh, FS_DB, TZ,
// LANG, NO_COLOR, FORCE_COLOR...). Children get an allowlist plus pinned values, never a copy of
// process.env; the vitest setup file scrubs process.env for tests that run the code in-process.

/** Knobs of the suite itself (npm run test:stress, a model seed to replay): read by tests, not by fs. */
export const SUITE_KNOBS = ['FS_STRESS', 'FS_MODEL_SEED', 'FS_WRITE_MIGRATION'];

/** Names of variables that change what fs (or Node) does; none may leak from the user's shell. */
export function isHostileVar(name: string): boolean {
  if (SUITE_KNOBS.includes(name)) return false;
  return (
    name.startsWith('FS_') ||
    name.startsWith('LC_') ||
    ['LANG', 'LANGUAGE', 'TZ', 'NO_COLOR', 'FORCE_COLOR', 'NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'COLUMNS', 'LINES', 'TERM_PROGRAM'].includes(name)
  );
}

/** What every child gets: enough to run (PATH, HOME, TMPDIR) and a fixed locale, zone and colour. */
export const PINNED: Readonly<Record<string, string>> = { TZ: 'UTC', LANG: 'C.UTF-8', NO_COLOR: '1', FS_LANG: 'en' };

/**
 * The environment of a child process: the allowlist, the pinned values, then `overrides`
 * (a value of undefined removes the variable, e.g. { NO_COLOR: undefined } to test colours).
 */
export function childEnv(overrides: Record<string, string | undefined> = {}, from: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string | undefined> = { ...PINNED };
  for (const k of ['PATH', 'HOME', 'TMPDIR']) if (from[k] !== undefined) env[k] = from[k];
  Object.assign(env, overrides);
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Remove every hostile variable from `env` in place and pin the rest (the vitest setup file calls it). */
export function scrubEnv(env: NodeJS.ProcessEnv = process.env): void {
  for (const k of Object.keys(env)) if (isHostileVar(k)) delete env[k];
  Object.assign(env, PINNED);
}
