// How plan items, milestones and progress notes look.
import type { Milestone, Plan, PlanStatus, ProgressNote } from '../domain/plan.js';
import { c } from './color.js';
import { label, t } from '../i18n/index.js';
import type { Field, Listing } from './output.js';
import { recordStamps } from './output.js';

export function statusText(status: PlanStatus, overdue: boolean): string {
  const s = label('plan_status', status);
  return overdue ? `${s} (${t('msg.overdue')})` : s;
}

const percentText = (n: number | null) => (n === null ? '' : `${n}%`);

/** The JSON of a plan item: stable key order, derived fields included. */
export function planJson(p: Plan): Record<string, unknown> {
  return {
    id: p.id,
    uid: p.uid,
    kind: p.kind,
    area: p.area,
    title: p.title,
    target: p.target,
    measures: p.measures,
    owner: p.owner,
    start_on: p.start_on,
    due_on: p.due_on,
    budget: p.budget,
    status: p.status,
    declared_status: p.declared_status,
    done_on: p.done_on,
    dropped_on: p.dropped_on,
    drop_reason: p.drop_reason,
    percent: p.percent,
    overdue: p.overdue,
    milestones_total: p.milestones_total,
    milestones_done: p.milestones_done,
    milestones_dropped: p.milestones_dropped,
    milestones_overdue: p.milestones_overdue,
    progress_notes: p.progress_notes,
    added_on: p.added_on,
    created_at: p.created_at,
    updated_at: p.updated_at,
  };
}

export function planListing(plans: Plan[]): Listing<Plan> {
  return {
    columns: [
      { key: 'id', header: t('col.id'), value: (p) => p.id },
      { key: 'kind', header: t('col.plan_kind'), value: (p) => p.kind, text: (p) => label('plan_kind', p.kind) },
      { key: 'area', header: t('col.plan_area'), value: (p) => p.area, text: (p) => label('plan_area', p.area) },
      { key: 'title', header: t('col.plan_title'), value: (p) => p.title, maxWidth: 36 },
      { key: 'owner', header: t('col.plan_owner'), value: (p) => p.owner },
      { key: 'due_on', header: t('col.plan_due'), value: (p) => p.due_on },
      {
        key: 'status',
        header: t('col.status'),
        value: (p) => p.status,
        text: (p) => statusText(p.status, p.overdue),
        paint: (p) => (p.overdue ? c().red : p.status === 'done' ? c().green : undefined),
      },
      { key: 'percent', header: t('col.plan_percent'), value: (p) => p.percent, text: (p) => percentText(p.percent) },
      {
        key: 'milestones',
        header: t('col.plan_milestones'),
        value: (p) => `${p.milestones_done}/${p.milestones_total - p.milestones_dropped}`,
        text: (p) => {
          const base = `${p.milestones_done}/${p.milestones_total - p.milestones_dropped}`;
          return p.milestones_overdue ? `${base} (${t('msg.plan_late', { n: p.milestones_overdue })})` : base;
        },
        paint: (p) => (p.milestones_overdue ? c().red : undefined),
      },
    ],
    rows: plans,
    json: planJson,
    empty: t('msg.no_plans'),
  };
}

export function planFields(p: Plan): Field[] {
  return [
    { key: 'id', label: t('col.id'), value: p.id },
    { key: 'kind', label: t('col.plan_kind'), value: p.kind, text: label('plan_kind', p.kind) },
    { key: 'area', label: t('col.plan_area'), value: p.area, text: label('plan_area', p.area) },
    { key: 'title', label: t('col.plan_title'), value: p.title },
    { key: 'target', label: t('col.plan_target'), value: p.target },
    { key: 'measures', label: t('col.plan_measures'), value: p.measures },
    { key: 'owner', label: t('col.plan_owner'), value: p.owner },
    { key: 'start_on', label: t('col.plan_start'), value: p.start_on },
    { key: 'due_on', label: t('col.plan_due'), value: p.due_on },
    { key: 'budget', label: t('col.plan_budget'), value: p.budget },
    { key: 'status', label: t('col.status'), value: p.status, text: statusText(p.status, p.overdue) },
    { key: 'declared_status', label: t('col.plan_declared'), value: p.declared_status, text: p.declared_status ? label('plan_status', p.declared_status) : t('msg.plan_derived') },
    { key: 'done_on', label: t('col.plan_done_on'), value: p.done_on },
    { key: 'dropped_on', label: t('col.plan_dropped_on'), value: p.dropped_on },
    { key: 'drop_reason', label: t('col.plan_drop_reason'), value: p.drop_reason },
    { key: 'percent', label: t('col.plan_percent'), value: p.percent, text: percentText(p.percent) },
    { key: 'overdue', label: t('col.plan_overdue'), value: p.overdue, text: t(`bool.${p.overdue}`) },
    ...recordStamps(p),
  ];
}

export function milestoneListing(milestones: Milestone[], withPlan = true): Listing<Milestone> {
  return {
    columns: [
      { key: 'id', header: t('col.id'), value: (m) => m.id },
      ...(withPlan
        ? [
            { key: 'plan_id', header: t('col.plan_id'), value: (m: Milestone) => m.plan_id },
            { key: 'plan', header: t('entity.plan'), value: (m: Milestone) => m.plan, maxWidth: 24 },
          ]
        : []),
      { key: 'title', header: t('col.milestone'), value: (m) => m.title, maxWidth: 36 },
      { key: 'due_on', header: t('col.plan_due'), value: (m) => m.due_on },
      { key: 'owner', header: t('col.plan_owner'), value: (m) => m.owner },
      {
        key: 'status',
        header: t('col.status'),
        value: (m) => m.status,
        text: (m) => statusText(m.status, m.overdue),
        paint: (m) => (m.overdue ? c().red : m.status === 'done' ? c().green : undefined),
      },
      { key: 'done_on', header: t('col.plan_done_on'), value: (m) => m.done_on },
      // A dropped milestone shows its reason where a done one shows its note.
      { key: 'note', header: t('col.note'), value: (m) => m.note, text: (m) => m.note ?? m.drop_reason ?? '', maxWidth: 30 },
    ],
    rows: milestones,
    json: (m) => m,
    empty: t('msg.no_milestones'),
  };
}

export function progressListing(notes: ProgressNote[], withPlan = true): Listing<ProgressNote> {
  return {
    columns: [
      { key: 'id', header: t('col.id'), value: (g) => g.id },
      ...(withPlan ? [{ key: 'plan_id', header: t('col.plan_id'), value: (g: ProgressNote) => g.plan_id }] : []),
      { key: 'date', header: t('col.date'), value: (g) => g.date },
      { key: 'percent', header: t('col.plan_percent'), value: (g) => g.percent, text: (g) => percentText(g.percent) },
      { key: 'note', header: t('col.note'), value: (g) => g.note, maxWidth: 50 },
    ],
    rows: notes,
    json: (g) => g,
    empty: t('msg.no_progress'),
  };
}
