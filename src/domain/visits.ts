// Visits under "five must visits, five must asks" (五必访五必问). Pure rules.
import type { IsoDate } from '../time/dates.js';
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

/** The category a visit to someone falls in by default, from their tags: the five groups in DOMAIN.md order. */
export function categoryForTags(tags: readonly PersonTag[]): VisitCategory {
  if (tags.includes('party-member') || tags.includes('cadre') || tags.includes('reserve-cadre')) return 'party-cadre';
  if (tags.includes('village-rep')) return 'village-rep';
  if (tags.includes('rich-expert')) return 'rich-expert';
  if (tags.includes('poor')) return 'poor-household';
  if (tags.includes('petitioner')) return 'petitioner-household';
  return 'ordinary-household';
}

export interface CoverageCell {
  category: VisitCategory;
  topic: VisitTopic | null;
  visits: number;
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

const zeroTopics = (): Record<VisitTopic, number> =>
  Object.fromEntries(VISIT_TOPICS.map((k) => [k, 0])) as Record<VisitTopic, number>;

/**
 * The 5x5 grid from per-category visit totals and per-(category, topic) counts. The two
 * categories outside the five appear only when they had visits. Uncovered means no visit at all
 * for a category, and no visit that asked about it for a topic.
 */
export function computeCoverage(categoryTotals: Map<VisitCategory, number>, cells: CoverageCell[]): Coverage {
  const rows: CoverageRow[] = VISIT_CATEGORIES.filter(
    (c) => MUST_VISIT_CATEGORIES.includes(c) || (categoryTotals.get(c) ?? 0) > 0,
  ).map((category) => ({ category, by_topic: zeroTopics(), total: categoryTotals.get(category) ?? 0 }));
  const topicTotals = zeroTopics();
  for (const cell of cells) {
    if (!cell.topic) continue;
    const row = rows.find((r) => r.category === cell.category);
    if (row) row.by_topic[cell.topic] += cell.visits;
    topicTotals[cell.topic] += cell.visits;
  }
  let total = 0;
  for (const v of categoryTotals.values()) total += v;
  return {
    rows,
    topic_totals: topicTotals,
    total,
    uncovered_categories: MUST_VISIT_CATEGORIES.filter((c) => (categoryTotals.get(c) ?? 0) === 0),
    uncovered_topics: VISIT_TOPICS.filter((k) => topicTotals[k] === 0),
  };
}
