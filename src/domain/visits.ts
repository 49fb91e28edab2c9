// Visits under "five must visits, five must asks" (五必访五必问). Pure rules.
import { addDays, type IsoDate } from '../time/dates.js';
import type { PersonTag } from './people.js';

/** The five must-visit groups first, then the two outside the five. */
export const VISIT_CATEGORIES = [
  'party-cadre',
  'village-rep',
  'rich-expert',
  'poor-household',
  'ordinary-household',
  'petitioner-household',
  'other',
] as const;
export type VisitCategory = (typeof VISIT_CATEGORIES)[number];
export const MUST_VISIT_CATEGORIES: readonly VisitCategory[] = VISIT_CATEGORIES.slice(0, 5);

export const VISIT_TOPICS = ['team', 'opinion', 'development', 'hardship', 'disputes'] as const;
export type VisitTopic = (typeof VISIT_TOPICS)[number];

/**
 * visit.stale_days, the one rule every command and report uses: on day `asOf`, a household is
 * "not visited lately" when it has no visit from this day on. A visit exactly `days` ago still
 * counts; one a day earlier does not.
 */
export function recentVisitSince(asOf: IsoDate, days: number): IsoDate {
  return addDays(asOf, -days);
}

/** The bit of a topic in the stored set (its index in VISIT_TOPICS). */
export function topicBit(topic: VisitTopic): number {
  return 1 << VISIT_TOPICS.indexOf(topic);
}

export function topicsToMask(topics: readonly VisitTopic[]): number {
  return topics.reduce((mask, k) => mask | topicBit(k), 0);
}

/** The topics of a stored set, in DOMAIN.md order. */
export function maskToTopics(mask: number): VisitTopic[] {
  return VISIT_TOPICS.filter((k) => (mask & topicBit(k)) !== 0);
}

export interface Visit {
  id: number;
  uid: string;
  date: IsoDate;
  person_id: number;
  person: string;
  household: string | null;
  group: string | null;
  category: VisitCategory;
  topics: VisitTopic[];
  notes: string | null;
  place: string | null;
  concerns: number;
  created_at: string;
  updated_at: string;
}

/** A visit as a listing shows it (every format but JSON): no uid, place, person id or timestamps. */
export type VisitLine = Pick<Visit, 'id' | 'date' | 'person' | 'household' | 'group' | 'category' | 'concerns' | 'notes'> & { topics: readonly VisitTopic[] };

/** The category a visit to someone falls in by default, from their tags: the five groups in DOMAIN.md order. */
export function categoryForTags(tags: readonly PersonTag[]): VisitCategory {
  if (tags.includes('party-member') || tags.includes('cadre') || tags.includes('reserve-cadre')) return 'party-cadre';
  if (tags.includes('village-rep')) return 'village-rep';
  if (tags.includes('rich-expert')) return 'rich-expert';
  if (tags.includes('poor')) return 'poor-household';
  if (tags.includes('petitioner')) return 'petitioner-household';
  return 'ordinary-household';
}

/** Visits of one category in a period: how many, and how many asked each topic. */
export interface CategoryCount {
  category: VisitCategory;
  visits: number;
  by_topic: Record<VisitTopic, number>;
}

export interface CoverageRow {
  category: VisitCategory;
  by_topic: Record<VisitTopic, number>;
  total: number;
}

export interface Coverage {
  rows: CoverageRow[];
  topic_totals: Record<VisitTopic, number>;
  total: number;
  uncovered_categories: VisitCategory[];
  uncovered_topics: VisitTopic[];
}

export const zeroTopics = (): Record<VisitTopic, number> =>
  Object.fromEntries(VISIT_TOPICS.map((k) => [k, 0])) as Record<VisitTopic, number>;

/**
 * The 5x5 grid from per-category counts. The two categories outside the five appear only when
 * they had visits. Uncovered means no visit at all for a category, and no visit that asked about
 * it for a topic.
 */
export function computeCoverage(counts: CategoryCount[]): Coverage {
  const byCategory = new Map(counts.map((c) => [c.category, c]));
  const rows: CoverageRow[] = VISIT_CATEGORIES.filter((c) => MUST_VISIT_CATEGORIES.includes(c) || (byCategory.get(c)?.visits ?? 0) > 0).map(
    (category) => ({ category, by_topic: { ...(byCategory.get(category)?.by_topic ?? zeroTopics()) }, total: byCategory.get(category)?.visits ?? 0 }),
  );
  const topicTotals = zeroTopics();
  let total = 0;
  for (const c of counts) {
    total += c.visits;
    for (const k of VISIT_TOPICS) topicTotals[k] += c.by_topic[k];
  }
  return {
    rows,
    topic_totals: topicTotals,
    total,
    uncovered_categories: MUST_VISIT_CATEGORIES.filter((c) => (byCategory.get(c)?.visits ?? 0) === 0),
    uncovered_topics: VISIT_TOPICS.filter((k) => topicTotals[k] === 0),
  };
}
