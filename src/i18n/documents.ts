// The work reports as documents (周报, 月报, 季报, 年度工作总结): titles, parts, table headings and
// the words sentences are built from. Sentences themselves are pure functions in src/report/sentences-*.ts.
import type { Entries } from './index.js';

export const documents = {
  'report.col.step': ['Step', '环节'],
} satisfies Entries;
