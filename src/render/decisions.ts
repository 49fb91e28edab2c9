// How village decisions and their steps look.
import type { Decision, DecisionStepRecord } from '../domain/decision.js';
import { c } from './color.js';
import { label, t } from '../i18n/index.js';
import type { Column, Field, Listing } from './output.js';
import { recordStamps } from './output.js';

export function passedText(passed: boolean | null): string {
  return passed === null ? '' : passed ? t('msg.passed') : t('msg.failed');
}

type StepRow = DecisionStepRecord & { decision_id?: number; matter?: string };

/** Steps in order; with the decision's id and matter when they come from several decisions. */
export function stepListing(steps: StepRow[]): Listing<StepRow> {
  const withDecision = steps.some((s) => s.decision_id !== undefined);
  const decisionColumns: Column<StepRow>[] = withDecision
    ? [
        { key: 'decision_id', header: t('col.decision_id'), value: (s) => s.decision_id },
        { key: 'matter', header: t('col.matter'), value: (s) => s.matter, maxWidth: 30 },
      ]
    : [];
  return {
    title: t('title.steps'),
    columns: [
      ...decisionColumns,
      { key: 'step', header: t('col.step'), value: (s) => s.step, text: (s) => label('decision_step', s.step) },
      { key: 'date', header: t('col.date'), value: (s) => s.date },
      { key: 'meeting_id', header: t('col.meeting_id'), value: (s) => s.meeting_id },
      { key: 'expected', header: t('col.expected'), value: (s) => s.expected },
      { key: 'present', header: t('col.present'), value: (s) => s.present },
      { key: 'votes_for', header: t('col.votes_for'), value: (s) => s.votes_for },
      { key: 'passed', header: t('col.result'), value: (s) => s.passed, text: (s) => passedText(s.passed), paint: (s) => (s.passed === false ? c().red : undefined) },
      { key: 'combined', header: t('col.combined'), value: (s) => s.combined, text: (s) => (s.combined ? t('bool.true') : '') },
      { key: 'note', header: t('col.note'), value: (s) => s.note, maxWidth: 30 },
    ],
    rows: steps,
    json: (s) => s,
    empty: t('msg.no_steps'),
  };
}

const statusText = (d: Decision) => label('decision_status', d.status);
const stepsText = (d: Decision) => {
  const last = d.steps[d.steps.length - 1];
  return last ? `${d.steps.length}/6 ${label('decision_step', last.step)} ${last.date}` : '0/6';
};

export function decisionListing(decisions: Decision[]): Listing<Decision> {
  return {
    columns: [
      { key: 'id', header: t('col.id'), value: (d) => d.id },
      { key: 'date', header: t('col.date'), value: (d) => d.date },
      { key: 'matter', header: t('col.matter'), value: (d) => d.matter, maxWidth: 40 },
      { key: 'kind', header: t('col.kind'), value: (d) => d.kind, text: (d) => label('decision_kind', d.kind) },
      { key: 'status', header: t('col.status'), value: (d) => d.status, text: statusText, paint: (d) => (d.status === 'rejected' ? c().red : undefined) },
      { key: 'steps', header: t('col.steps_taken'), value: (d) => d.steps.map((s) => s.step), text: stepsText },
      { key: 'next_step', header: t('col.next_step'), value: (d) => d.next_step, text: (d) => (d.next_step ? label('decision_step', d.next_step) : '') },
    ],
    rows: decisions,
    json: (d) => d,
    empty: t('msg.no_decisions'),
  };
}

export function decisionFields(d: Decision): Field[] {
  return [
    { key: 'id', label: t('col.id'), value: d.id },
    { key: 'matter', label: t('col.matter'), value: d.matter },
    { key: 'kind', label: t('col.kind'), value: d.kind, text: label('decision_kind', d.kind) },
    { key: 'date', label: t('col.date'), value: d.date },
    { key: 'status', label: t('col.status'), value: d.status, text: statusText(d) },
    { key: 'next_step', label: t('col.next_step'), value: d.next_step, text: d.next_step ? label('decision_step', d.next_step) : '' },
    ...recordStamps(d),
  ];
}
