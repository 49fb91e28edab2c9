// The writing commands the model test runs: each one's argv, built from the live records (ids
// by table) and a few random numbers. A command given an id that does not exist is refused: the
// model checks that the refusal left the database byte-identical.
export const TODAY = '2026-11-27';

const NAMES = ['王秀英', '张建国', '李四', '赵六', 'Ann'];
const TEXTS = ['甲', '乙', 'roof leaks', '修路'];
const at = <T>(xs: readonly T[], n: number): T => xs[n % xs.length]!;
export type Ids = (table: string) => number[];
/** An id of a live record of `table`, or 999 (not found: a refusal to check) when there is none. */
const pick = (ids: Ids, table: string, n: number) => String(ids(table).length ? at(ids(table), n) : 999);

/** Every writing command, each as argv built from the live records and a few random numbers. */
export const TEMPLATES: Record<string, (ids: Ids, r: number[]) => string[]> = {
  'person add': (_, r) => ['person', 'add', '--name', at(NAMES, r[0]!), ...(r[1]! % 2 ? ['--tag', 'party-member'] : []), ...(r[2]! % 3 === 0 ? ['--household', at(['王家', '张家'], r[2]!)] : [])],
  'person edit': (ids, r) => ['person', 'edit', pick(ids, 'people', r[0]!), ...at([['--phone', `1380000000${r[1]! % 10}`], ['--add-tag', 'poor'], ['--name', at(NAMES, r[1]!)], ['--notes', at(TEXTS, r[1]!)]], r[2]!)],
  'person rm': (ids, r) => ['person', 'rm', pick(ids, 'people', r[0]!), '--yes'],
  'visit add': (ids, r) => [
    'visit', 'add', '--person', r[2]! % 5 === 0 ? `新人${r[0]}` : pick(ids, 'people', r[0]!), ...(r[2]! % 5 === 0 ? ['--new-person'] : []),
    '--date', at(['2026-11-01', '2026-11-20', TODAY], r[1]!), '--topic', at(['team', 'hardship', 'opinion'], r[1]!),
    ...Array.from({ length: r[2]! % 3 }, (_, i) => ['--concern', at(TEXTS, r[0]! + i)]).flat(),
  ],
  'visit edit': (ids, r) => ['visit', 'edit', pick(ids, 'visits', r[0]!), ...at([['--notes', at(TEXTS, r[1]!)], ['--topic', 'development'], ['--date', '2026-11-02']], r[2]!)],
  'visit rm': (ids, r) => ['visit', 'rm', pick(ids, 'visits', r[0]!), '--yes'],
  'concern update': (ids, r) => [
    'concern', 'update', pick(ids, 'concerns', r[0]!),
    ...at([['--status', 'referred', '--referred-to', '乡民政办'], ['--status', 'resolved', '--feedback-on', '2026-11-26'], ['--due', '2026-12-15'], ['--note', at(TEXTS, r[1]!)]], r[2]!),
  ],
  'dispute add': (_, r) => ['dispute', 'add', '--title', at(TEXTS, r[0]!), '--category', 'neighbor', '--source', 'screening', '--party', at(NAMES, r[1]!), '--party', at(NAMES, r[2]! + 1), '--date', '2026-11-01'],
  'dispute log': (ids, r) => ['dispute', 'log', pick(ids, 'disputes', r[0]!), '--date', '2026-11-03', '--note', at(TEXTS, r[1]!)],
  'dispute resolve': (ids, r) => ['dispute', 'resolve', pick(ids, 'disputes', r[0]!), '--date', '2026-11-10', '--agreement', 'wall moved', '--responsibility', 'both', '--perform-by', '2026-11-20'],
  'dispute revisit': (ids, r) => ['dispute', 'revisit', pick(ids, 'disputes', r[0]!), '--date', '2026-11-25', '--performed', 'yes', '--satisfied', at(['yes', 'no'], r[1]!)],
  'dispute escalate': (ids, r) => ['dispute', 'escalate', pick(ids, 'disputes', r[0]!), '--to', 'court', '--date', '2026-11-12'],
  'dispute withdraw': (ids, r) => ['dispute', 'withdraw', pick(ids, 'disputes', r[0]!), '--date', '2026-11-12'],
  'pair add': (ids, r) => ['pair', 'add', '--person', pick(ids, 'people', r[0]!), '--needs', at(TEXTS, r[1]!), '--measures', 'co-op job', '--helper', at(['李明', '张红'], r[2]!), '--date', '2026-10-01'],
  'pair log': (ids, r) => ['pair', 'log', pick(ids, 'pairs', r[0]!), '--date', '2026-11-20', '--action', at(TEXTS, r[1]!), '--result', 'ok'],
  'pair edit': (ids, r) => ['pair', 'edit', pick(ids, 'pairs', r[0]!), '--cadence', String(7 + (r[1]! % 20))],
  'pair end': (ids, r) => ['pair', 'end', pick(ids, 'pairs', r[0]!), '--date', '2026-11-26', '--outcome', 'done'],
  'meeting add': (ids, r) => ['meeting', 'add', '--type', at(['theme-day', 'party-group'], r[0]!), '--date', '2026-11-05', '--topic', 'study', '--attendee', pick(ids, 'people', r[1]!), '--absent', `${at(['孙七', '周八'], r[2]!)}:ill`],
  'meeting edit': (ids, r) => ['meeting', 'edit', pick(ids, 'meetings', r[0]!), ...at([['--topic', at(TEXTS, r[1]!)], ['--attendee', pick(ids, 'people', r[1]!), '--attendee', '张三']], r[2]!)],
  'meeting rm': (ids, r) => ['meeting', 'rm', pick(ids, 'meetings', r[0]!), '--yes'],
  'decision add': (_, r) => ['decision', 'add', '--matter', at(TEXTS, r[0]!), '--kind', 'land-forest-transfer', '--date', '2026-09-01'],
  'decision step': (ids, r) => ['decision', 'step', pick(ids, 'decisions', r[0]!), '--step', at(['proposal', 'consultation'], r[1]!), '--date', '2026-09-02', ...(r[2]! % 2 ? ['--combined'] : [])],
  'plan add': (_, r) => ['plan', 'add', '--title', at(TEXTS, r[0]!), '--area', at(['industry', 'public-welfare'], r[1]!), '--due', '2026-12-31'],
  'plan edit': (ids, r) => ['plan', 'edit', pick(ids, 'plans', r[0]!), ...at([['--owner', at(NAMES, r[1]!)], ['--reopen']], r[2]!)],
  'plan done': (ids, r) => ['plan', 'done', pick(ids, 'plans', r[0]!), '--date', '2026-11-20'],
  'plan drop': (ids, r) => ['plan', 'drop', pick(ids, 'plans', r[0]!), '--reason', 'no budget'],
  'plan progress': (ids, r) => ['plan', 'progress', pick(ids, 'plans', r[0]!), '--date', '2026-11-20', '--note', at(TEXTS, r[1]!), '--percent', String(r[2]! % 101)],
  'plan milestone add': (ids, r) => ['plan', 'milestone', 'add', pick(ids, 'plans', r[0]!), '--title', at(TEXTS, r[1]!), '--due', '2026-12-01'],
  'plan milestone done': (ids, r) => ['plan', 'milestone', 'done', pick(ids, 'plan_milestones', r[0]!), '--date', '2026-11-20'],
  'plan milestone drop': (ids, r) => ['plan', 'milestone', 'drop', pick(ids, 'plan_milestones', r[0]!), '--reason', 'not needed'],
  'concern add': (ids, r) => ['concern', 'add', '--person', pick(ids, 'people', r[0]!), '--text', at(TEXTS, r[1]!), '--date', '2026-11-20'],
  'dispute edit': (ids, r) => ['dispute', 'edit', pick(ids, 'disputes', r[0]!), ...at([['--title', at(TEXTS, r[1]!)], ['--risk', 'high'], ['--party', at(NAMES, r[1]!)]], r[2]!)],
  'presence add': (_, r) => ['presence', 'add', '--date', at(['2026-11-20', '2026-11-23', TODAY], r[0]!), '--status', at(['in-village', 'business', 'absent'], r[1]!)],
  'presence holiday add': (_, r) => ['presence', 'holiday', 'add', at(['2026-11-21', '2026-11-22'], r[0]!), ...(r[1]! % 2 ? ['--workday'] : [])],
  'config set': (_, r) => ['config', 'set', ...at([['village', at(['柳树村', '杨树村'], r[0]!)], ['concern.due_days', String(10 + (r[0]! % 30))], ['secretary', at(NAMES, r[0]!)]], r[1]!)],
};
