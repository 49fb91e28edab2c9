// fs visit coverage: parse period → query → compute (pure) → render.
import { Command } from 'commander';
import { computeCoverage, type VisitCategory, type VisitTopic } from '../domain/visits.js';
import { getNumberSetting } from '../db/settings.js';
import { staleHouseholds, visitCountsByCategory, type StaleHousehold } from '../db/visits.js';
import { joinList, label, t } from '../i18n/index.js';
import { coverageListing, staleListing } from '../render/visits.js';
import { addDays, daysBetween } from '../time/dates.js';
import { parsePeriod } from '../time/periods.js';
import { action } from './shared/action.js';
import { addOutputOptions, emitDocument, parseWholeNumber, type OutputOptions } from './shared/options.js';

type Row = { kind: string; key: string; topic: string; value: string | number | null };

export function coverageCommand(): Command {
  return addOutputOptions(
    new Command('coverage')
      .description(t('cmd.visit.coverage'))
      .argument('[period]', t('opt.coverage_period'), 'this-month')
      .option('--stale-days <n>', t('opt.stale_days')),
  )
    .addHelpText('after', '\nExamples:\n  fs visit coverage\n  fs visit coverage 2026-Q3 --stale-days 60 --format json')
    .action(
      action(async (ctx, periodArg: string, o: OutputOptions & { staleDays?: string }) => {
        const period = parsePeriod(periodArg, ctx.today);
        const flagDays = o.staleDays === undefined ? undefined : parseWholeNumber(o.staleDays, t('what.stale_days'), 1);
        const db = await ctx.db();
        const days = flagDays ?? getNumberSetting(db, 'visit.stale_days');
        const cov = computeCoverage(visitCountsByCategory(db, period.from, period.to));
        const stale: StaleHousehold[] = staleHouseholds(db, ctx.today, days).map((h) => ({
          ...h,
          days_since: h.last_visit ? daysBetween(h.last_visit, ctx.today) : null,
        }));
        const grid = coverageListing(cov);
        const long: Row[] = [
          ...cov.rows.flatMap((r) => Object.entries(r.by_topic).map(([topic, n]) => ({ kind: 'count', key: r.category, topic, value: n }))),
          ...cov.rows.map((r) => ({ kind: 'category_total', key: r.category, topic: '', value: r.total })),
          ...cov.uncovered_categories.map((k) => ({ kind: 'uncovered_category', key: k, topic: '', value: null })),
          ...cov.uncovered_topics.map((k) => ({ kind: 'uncovered_topic', key: '', topic: k, value: null })),
          ...stale.map((h) => ({ kind: 'stale_household', key: h.household, topic: '', value: h.last_visit })),
        ];
        const uncovered = (list: string[], kind: string) => (list.length ? joinList(list.map((k) => label(kind, k))) : t('msg.all_covered'));
        emitDocument(
          {
            parts: [
              { kind: 'text', text: `${t('label.period')}: ${period.label} (${period.from} – ${period.to})` },
              { kind: 'listing', listing: grid },
              {
                kind: 'fields',
                title: t('title.uncovered'),
                fields: [
                  { key: 'uncovered_categories', label: t('label.uncovered_categories'), value: cov.uncovered_categories, text: uncovered(cov.uncovered_categories, 'visit_category') },
                  { key: 'uncovered_topics', label: t('label.uncovered_topics'), value: cov.uncovered_topics, text: uncovered(cov.uncovered_topics, 'visit_topic') },
                ],
              },
              { kind: 'listing', listing: staleListing(stale, days) },
            ],
            json: {
              period: { label: period.label, from: period.from, to: period.to },
              total: cov.total,
              grid: cov.rows.map((r) => ({ category: r.category, ...r.by_topic, total: r.total })),
              by_category: Object.fromEntries(cov.rows.map((r) => [r.category, r.total])) as Record<VisitCategory, number>,
              by_topic: cov.topic_totals as Record<VisitTopic, number>,
              uncovered_categories: cov.uncovered_categories,
              uncovered_topics: cov.uncovered_topics,
              stale_days: days,
              stale_households: stale,
            },
            primary: {
              columns: [
                { key: 'kind', header: 'kind', value: (r: Row) => r.kind },
                { key: 'category', header: 'category', value: (r: Row) => r.key },
                { key: 'topic', header: 'topic', value: (r: Row) => r.topic },
                { key: 'value', header: 'value', value: (r: Row) => r.value },
              ],
              rows: long,
            },
          },
          o,
          ctx,
        );
      }),
    );
}
