// One ledger for the report tests, recorded through every domain's CLI flags with today pinned to
// Friday 2026-11-27 (ISO week 2026-W48): last week is 2026-W47 (11-16..11-22), this quarter 2026-Q4.
// Free text carries names, household labels, phone numbers, pipes and line breaks on purpose.
import { cli } from '../helpers/cli.js';

export const TODAY = '2026-11-27';

/** Everything a redacted report must not show. */
export const SECRETS = {
  villagers: ['王秀英', '王秀', '张三', '李四', '赵六'],
  households: ['王大山家', '王二家', '张家大院', '李家'],
  // Helpers, the chair, owners and a mediation participant: names that are not on the roster.
  others: ['刘帮扶', '孙帮扶', '李明', '陈负责', '周农', '吴工', '调解主任'],
  phones: ['13812345678', '139 8765 4321', '13987654321', '0851-88776655', '88776655'],
};

export type Cli = ReturnType<typeof cli>;

export function reportCli(): Cli {
  return cli({ today: TODAY });
}

export function seedReportLedger(fs: Cli): void {
  const ok = (...args: string[]) => fs.ok(args);
  ok('config', 'set', 'village', '青山村');
  ok('config', 'set', 'secretary', '李书记');
  ok('person', 'add', '--name', '王秀英', '--household', '王大山家', '--group', '一组', '--tag', 'poor', '--phone', '13812345678'); // 1
  ok('person', 'add', '--name', '王秀', '--household', '王二家', '--tag', 'party-member', '--phone', '139 8765 4321'); // 2
  ok('person', 'add', '--name', '张三', '--household', '张家大院', '--phone', '0851-88776655'); // 3
  ok('person', 'add', '--name', '李四', '--household', '李家', '--tag', 'party-member'); // 4
  // Visits: two last week (with concerns 1 and 2), one in October, one on a leap day.
  ok('visit', 'add', '--date', '2026-11-17', '--person', '王秀英', '--topic', 'hardship', '--topic', 'opinion',
    '--notes', '王秀英 says the roof | leaks;\ncall 13812345678 or ask 王秀',
    '--concern', 'repair the roof of 王大山家 before winter', '--concern', 'call 139 8765 4321 about the school bus');
  ok('visit', 'add', '--date', '2026-11-18', '--person', '张三', '--topic', 'development', '--notes', 'line1\nline2 | with 王秀 and 李四');
  ok('visit', 'add', '--date', '2026-10-05', '--person', '李四', '--topic', 'team');
  ok('visit', 'add', '--date', '2024-02-29', '--person', '王秀', '--topic', 'opinion');
  ok('concern', 'update', '1', '--status', 'referred', '--referred-to', 'township', '--due', '2026-11-20');
  // Resolving stamps today: resolve concern 2 on Saturday of last week.
  fs.ok(['concern', 'update', '2', '--status', 'resolved'], { env: { FS_TODAY: '2026-11-21' } });
  // Disputes: one registered, mediated and resolved last week; a petition from October, overdue.
  ok('dispute', 'add', '--title', 'boundary wall | 张三 and 赵六', '--category', 'neighbor', '--party', '张三', '--party', '赵六', '--source', 'visit', '--date', '2026-11-19');
  ok('dispute', 'log', '1', '--date', '2026-11-20', '--note', 'met both', '--with', '调解主任');
  ok('dispute', 'resolve', '1', '--date', '2026-11-21', '--agreement', 'wall moved 30 cm');
  ok('dispute', 'add', '--title', 'unpaid wages of 李四', '--category', 'labor', '--party', '李四', '--source', 'petition', '--channel', 'hotline', '--date', '2026-10-02');
  // Pairings: one with a help entry last week, one never contacted (overdue since 2026-10-31).
  ok('pair', 'add', '--person', '王秀英', '--helper', '刘帮扶', '--needs', 'income', '--measures', 'co-op', '--date', '2026-09-01', '--cadence', '14');
  ok('pair', 'log', '1', '--date', '2026-11-20', '--action', 'took 王秀英 to the co-op', '--result', 'hired; reach her on 0851-88776655');
  ok('pair', 'add', '--person', '李四', '--helper', '孙帮扶', '--needs', 'work', '--measures', 'training', '--date', '2026-10-01', '--cadence', '30');
  // Meetings: a theme day last week with attendance; a branch committee in October. October misses
  // its party group meeting, theme day and finance disclosure (monthly by default).
  ok('meeting', 'add', '--type', 'theme-day', '--date', '2026-11-16', '--topic', 'study with 王秀英 \\| a\\b \\', '--attendee', '王秀', '--absent', '李四:ill', '--chair', '李明');
  ok('meeting', 'add', '--type', 'branch-committee', '--date', '2026-10-15', '--expected', '5', '--present', '5');
  // Decisions: one started last week with its first step; one stuck since September.
  ok('decision', 'add', '--matter', 'lease land to the co-op of 王秀英', '--date', '2026-11-16');
  ok('decision', 'step', '1', '--step', 'proposal', '--date', '2026-11-17');
  ok('decision', 'add', '--matter', 'old road past 张家大院 and 李家', '--date', '2026-09-01');
  // Plan: a goal with a milestone done last week and one overdue; a practical thing of the year.
  ok('plan', 'add', '--title', 'tea co-op', '--area', 'industry', '--owner', '陈负责', '--start', '2026-01-01', '--due', '2026-12-31');
  ok('plan', 'milestone', 'add', '1', '--title', 'seedlings', '--due', '2026-11-20', '--owner', '周农');
  ok('plan', 'milestone', 'add', '1', '--title', 'harvest', '--due', '2026-11-18');
  ok('plan', 'milestone', 'done', '1', '--date', '2026-11-19');
  ok('plan', 'progress', '1', '--date', '2026-11-19', '--note', 'seedlings delivered to 王二家', '--percent', '40');
  ok('plan', 'add', '--kind', 'practical', '--title', 'street lights', '--area', 'public-welfare', '--owner', '吴工', '--start', '2026-03-01', '--due', '2026-12-15');
}
