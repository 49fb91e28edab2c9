// The records behind each 台账 sheet, as src/db/ledger.ts reads them (children folded into JSON text).
import type { IsoDate } from '../time/dates.js';

export interface VisitLedgerRow {
  date: IsoDate;
  person: string;
  household: string | null;
  group: string | null;
  category: string;
  topics: number;
  notes: string | null;
  place: string | null;
  concerns: string | null;
}

export interface ConcernLedgerRow {
  raised_on: IsoDate;
  person: string | null;
  text: string;
  status: string;
  referred_to: string | null;
  due_on: IsoDate | null;
  resolved_on: IsoDate | null;
  feedback_on: IsoDate | null;
}

export interface DisputeLedgerRow {
  registered_on: IsoDate;
  title: string;
  category: string;
  source: string;
  channel: string | null;
  parties: string | null;
  description: string | null;
  /** JSON array of {date, kind, note, participants, performed, satisfied, escalated_to} */
  events: string;
  agreement: string | null;
  agreed_on: IsoDate | null;
  perform_by: IsoDate | null;
  status: string;
  risk: string | null;
  flags: string;
}

export interface PairLedgerRow {
  helper: string;
  person: string;
  needs: string;
  measures: string | null;
  started_on: IsoDate;
  ended_on: IsoDate | null;
  cadence_days: number;
  last_contact: IsoDate | null;
  /** JSON array of {date, action, result} in the range */
  logs: string;
}

export interface MeetingLedgerRow {
  date: IsoDate;
  type: string;
  topic: string | null;
  expected: number | null;
  present: number | null;
  /** JSON array of {name, reason} for those absent */
  absent: string;
  decisions: string;
}

export interface DecisionLedgerRow {
  matter: string;
  kind: string;
  status: string;
  /** JSON array of {step, date, expected, present, votes_for, passed, note} */
  steps: string;
}

export interface PlanLedgerRow {
  title: string;
  area: string;
  kind: string;
  target: string | null;
  measures: string | null;
  owner: string | null;
  due_on: IsoDate | null;
  status: string | null;
  done_on: IsoDate | null;
  dropped_on: IsoDate | null;
  percent: number | null;
  progress_note: string | null;
  /** JSON array of {title, due_on, status, done_on} */
  milestones: string;
}
