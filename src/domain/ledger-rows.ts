// Ledger records → the cells of their sheet, in column order (src/domain/ledger.ts), in the user's
// language: keys become labels, children become one readable line each. Pure.
import { joinList, label, t, type MessageKey } from '../i18n/index.js';
import type { ConcernLedgerRow, DecisionLedgerRow, DisputeLedgerRow, MeetingLedgerRow, PairLedgerRow, PlanLedgerRow, VisitLedgerRow } from './ledger-records.js';
import type { IsoDate } from '../time/dates.js';
import { isOverdue as concernOverdue } from './concerns.js';
import type { DecisionStep } from './decision.js';
import type { LedgerRow } from './ledger.js';
import { nextContactDue } from './pair.js';
import { deriveStatus, type PlanStatus } from './plan.js';
import type { PresenceDay } from './presence.js';
import type { ReportModel } from './report.js';
import { maskToTopics } from './visits.js';

const json = <T>(s: string | null): T[] => (s ? (JSON.parse(s) as T[]) : []);
const yesNo = (b: boolean) => t(b ? 'prompt.yes' : 'prompt.no');
const lines = (items: string[]) => items.join('\n');
const clause = (parts: Array<string | null | undefined>) => parts.filter((p) => p !== null && p !== undefined && p !== '').join(t('ledger.sep'));

export function visitCells(v: VisitLedgerRow): LedgerRow {
  const topics = joinList(maskToTopics(v.topics).map((k) => label('visit_topic', k)));
  return [v.date, v.person, v.household, v.group, label('visit_category', v.category), topics, v.notes, v.place, v.concerns];
}

export function concernCells(c: ConcernLedgerRow, today: IsoDate): LedgerRow {
  const overdue = concernOverdue({ status: c.status as 'open', due_on: c.due_on }, today);
  return [c.raised_on, c.person, c.text, label('concern_status', c.status), c.referred_to, c.due_on, c.resolved_on, c.feedback_on, yesNo(overdue)];
}

interface DisputeEventCell {
  date: IsoDate;
  kind: string;
  note: string | null;
  participants: string[];
  performed: number | null;
  satisfied: number | null;
  escalated_to: string | null;
}

export function disputeCells(d: DisputeLedgerRow): LedgerRow {
  const events = json<DisputeEventCell>(d.events);
  const line = (e: DisputeEventCell) => `${e.date} ${label('dispute_event', e.kind)}${e.note || e.participants.length || e.escalated_to ? t('ledger.colon') : ''}${clause([e.escalated_to, e.note, e.participants.length ? joinList(e.participants) : null])}`;
  const mediation = lines(events.filter((e) => e.kind === 'step' || e.kind === 'escalation' || e.kind === 'withdrawal').map(line));
  const revisit = lines(
    events
      .filter((e) => e.kind === 'revisit')
      .map((e) => `${e.date}${t('ledger.colon')}${clause([
        e.performed === null ? null : t(e.performed ? 'ledger.performed' : 'ledger.not_performed'),
        e.satisfied === null ? null : t(e.satisfied ? 'ledger.satisfied' : 'ledger.not_satisfied'),
        e.note,
      ])}`),
  );
  const agreement = d.agreement ? clause([d.agreed_on, d.agreement, d.perform_by ? t('ledger.perform_by', { date: d.perform_by }) : null]) : null;
  const source = d.channel ? t('ledger.paren', { text: label('dispute_source', d.source), note: label('petition_channel', d.channel) }) : label('dispute_source', d.source);
  const risk = [d.risk ? label('dispute_risk', d.risk) : null, ...json<string>(d.flags).map((f) => label('dispute_flag', f))].filter(Boolean) as string[];
  return [d.registered_on, d.title, label('dispute_category', d.category), source, d.parties, d.description, mediation || null, agreement, revisit || null, label('dispute_status', d.status), risk.length ? joinList(risk) : null];
}

export function pairCells(p: PairLedgerRow): LedgerRow {
  const logs = json<{ date: IsoDate; action: string; result: string | null }>(p.logs).map((l) => `${l.date}${t('ledger.colon')}${l.action}${l.result ? ` → ${l.result}` : ''}`);
  const next = nextContactDue({ started_on: p.started_on, last_contact: p.last_contact, cadence_days: p.cadence_days, ended_on: p.ended_on });
  return [p.helper, p.person, p.needs, p.measures, logs.length ? lines(logs) : null, p.cadence_days, next];
}

export function meetingCells(m: MeetingLedgerRow): LedgerRow {
  const absent = json<{ name: string; reason: string | null }>(m.absent).map((a) => (a.reason ? t('ledger.paren', { text: a.name, note: a.reason }) : a.name));
  const decisions = json<string>(m.decisions);
  return [m.date, label('meeting_type', m.type), m.topic, m.expected, m.present, absent.length ? joinList(absent) : null, decisions.length ? lines(decisions) : null];
}

interface StepCell {
  step: DecisionStep;
  date: IsoDate;
  expected: number | null;
  present: number | null;
  votes_for: number | null;
  passed: number | null;
  note: string | null;
}

export function decisionCells(d: DecisionLedgerRow, steps: readonly DecisionStep[]): LedgerRow {
  const taken = json<StepCell>(d.steps);
  const cells: LedgerRow = [d.matter, label('decision_kind', d.kind)];
  for (const step of steps) {
    const s = taken.filter((x) => x.step === step).pop();
    const vote = s && s.passed !== null ? t(s.passed ? 'ledger.vote_passed' : 'ledger.vote_failed', { for: s.votes_for ?? '-', present: s.present ?? '-', expected: s.expected ?? '-' }) : null;
    cells.push(s?.date ?? null, s ? clause([vote, s.note]) || t('ledger.step_done') : null);
  }
  const next = steps.find((s) => !taken.some((x) => x.step === s));
  const current = d.status === 'in-progress' && next ? t('ledger.next_step', { step: label('decision_step', next) }) : label('decision_status', d.status);
  cells.push(current);
  return cells;
}

export function planCells(p: PlanLedgerRow): LedgerRow {
  const milestones = json<{ title: string; due_on: IsoDate; status: PlanStatus; done_on: IsoDate | null }>(p.milestones);
  const status = deriveStatus({
    declared_status: p.status === 'done' || p.status === 'dropped' ? p.status : null,
    milestones_total: milestones.length,
    milestones_dropped: milestones.filter((m) => m.status === 'dropped').length,
    milestones_done: milestones.filter((m) => m.status === 'done').length,
    milestones_started: milestones.filter((m) => m.status === 'in-progress').length,
    progress_notes: p.progress_note ? 1 : 0,
    percent: p.percent,
  });
  const progress = clause([label('plan_status', status), p.percent === null ? null : `${p.percent}%`, p.progress_note]);
  const ms = milestones.map((m) => t('ledger.paren', { text: m.title, note: clause([m.due_on, label('plan_status', m.status), m.done_on]) }));
  return [p.title, label('plan_area', p.area), label('plan_kind', p.kind), p.target, p.measures, p.owner, p.due_on, progress, ms.length ? lines(ms) : null];
}

/** 汇总: the report's figures, one per row (section, figure, breakdown, value), labelled as in the report. */
export function* summaryCells(model: ReportModel): Generator<LedgerRow> {
  for (const s of model.sections) {
    const section = t(`report.section.${s.name}` as MessageKey);
    for (const [i, table] of s.tables.entries()) {
      const flat = i === 0 || table.name === 'state';
      for (const r of table.rows) {
        const value = Number.isNaN(r.total) ? null : table.ratio ? Math.round(r.total * 1000) / 10 : r.total;
        const figure = flat ? t(`report.${s.name}.${r.key}` as MessageKey) : t(`report.table.${table.name}` as MessageKey, { date: model.as_of });
        const breakdown = flat ? (table.state ? t('report.table.state', { date: model.as_of }) : null) : table.labelKind ? label(table.labelKind, r.key) : r.key;
        yield [section, table.ratio ? `${figure} (%)` : figure, breakdown, value];
      }
    }
  }
}

export function presenceCells(d: PresenceDay): LedgerRow {
  return [d.date, label('presence_status', d.status), d.leave_type ? label('leave_type', d.leave_type) : null, d.approved_by, d.note];
}
