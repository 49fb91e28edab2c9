// Splitting one aggregate query into a report's intervals.
import type { IsoDate } from '../time/dates.js';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A SQL expression giving the index of the interval `column` falls in, for touching intervals in
 * order that end on `ends` (their last days): GROUP BY it, and one scan serves every interval.
 */
export function bucketOf(column: string, ends: readonly IsoDate[]): string {
  // The ends are interpolated into SQL: only ISO dates are accepted.
  if (!ends.every((e) => ISO.test(e))) throw new Error('interval ends must be ISO dates');
  if (ends.length <= 1) return '0';
  return `CASE ${ends
    .slice(0, -1)
    .map((end, i) => `WHEN ${column} <= '${end}' THEN ${i}`)
    .join(' ')} ELSE ${ends.length - 1} END`;
}
