// Sentences from figures: small pure functions, one set per language (sentences-zh.ts,
// sentences-en.ts), tested as tables of cases. A zero is left out, or said once.
import type { IsoDate } from '../time/dates.js';
import type { PeriodUnit } from '../time/periods.js';
import { en } from './sentences-en.js';
import { zh } from './sentences-zh.js';

/** The figures the 总体情况 paragraph speaks of, for the whole period. */
export interface SummaryFigures {
  visits: number;
  households: number;
  /** Visits to households in hardship (category poor-household). */
  poorVisits: number;
  concernsRaised: number;
  concernsResolved: number;
  concernsReferred: number;
  casesRegistered: number;
  /** Agreements reached in the period. */
  casesResolved: number;
  casesClosed: number;
  casesEscalated: number;
  meetingsHeld: number;
  helpEntries: number;
  milestonesDone: number;
  decisionsStarted: number;
  /** People in active pairings (the annual review counts people helped, not only help entries). */
  peopleHelped?: number;
  /** The period's practical things (实事): done of all. */
  practicalDone?: number;
  practicalTotal?: number;
  /** Required meetings of the period's intervals that were not held. */
  meetingGaps?: number;
  /** Required meetings due in the period (intervals judged), and how many of them were held. */
  meetingsRequired?: number;
  meetingsRequiredHeld?: number;
  /** Visits by category, every category with visits, in DOMAIN.md order (the annual review names them all). */
  visitsByCategory?: { category: string; label: string; visits: number }[];
  /** Presence in the village (驻村考勤), when the ledger keeps it; the target only for a month or a year. */
  presence?: { daysInVillage: number; daysCounted: number; leaveDays: number; target: number | null; needed: number } | null;
}

export interface MeetingLine {
  date: IsoDate;
  type: string;
  topic: string | null;
  expected: number | null;
  present: number | null;
  absentees: string | null;
}

/** A group of due items of one kind, as 存在的问题 or 下步工作打算 names them. */
export interface DueGroup {
  /** The agenda's reason key (concern-due, dispute-revisit, ...). */
  kind: string;
  count: number;
  /** Up to three titles, the most urgent first. */
  titles: string[];
  /** The most overdue item's days overdue (problems), or the earliest due day (plans). */
  worstDays: number;
  firstDue: IsoDate;
}

export interface Sentences {
  /** "本月" / "this month" */
  periodWord(unit: PeriodUnit): string;
  /** "2026年11月23日" / "23 November 2026" */
  date(iso: IsoDate): string;
  /** The 总体情况 paragraph; the zero report in one sentence. */
  summary(f: SummaryFigures, unit: PeriodUnit): string[];
  visitsLead(f: { visits: number; people: number; households: number; uncoveredCategories: string[]; uncoveredTopics: string[] }, unit: PeriodUnit): string[];
  concernsLead(f: { raised: number; resolved: number; referred: number; open: number; overdue: number; awaiting: number }, unit: PeriodUnit): string[];
  meetingsLead(f: { held: number; rate: number | null; gaps: string[] }, unit: PeriodUnit): string[];
  meetingLine(m: MeetingLine, typeLabel: string): string;
  decisionsLead(f: { started: number; completed: number; stepsTaken: number; stuck: number }, unit: PeriodUnit): string[];
  pairsLead(f: { active: number; entries: number; started: number; ended: number; overdue: number }, unit: PeriodUnit): string[];
  casesLead(f: { registered: number; touched: number; resolved: number; closed: number; escalated: number; open: number; overdue: number }, unit: PeriodUnit): string[];
  planLead(f: { done: number; due: number; overdue: number; notes: number; lastPercent: number | null }, unit: PeriodUnit): string[];
  /** One sentence per group of problems; none → one sentence that says so. */
  problems(groups: DueGroup[], extra: string[]): string[];
  /** Uncovered must-visit groups, must-ask topics, stale households, missing meetings, stuck decisions. */
  problemExtras(f: { uncoveredCategories: string[]; uncoveredTopics: string[]; staleHouseholds: number; missingMeetings: string[]; stuckDecisions: string[] }): string[];
  /** 下步工作打算: one sentence per group falling due in the next period. */
  plans(groups: DueGroup[], overdue: number, next: PeriodUnit): string[];
  /** The part names. */
  words: Record<'summary' | 'problems' | 'plans' | 'annex' | 'reporter' | 'submitted', string>;
}

export function sentencesFor(lang: 'en' | 'zh'): Sentences {
  return lang === 'zh' ? zh : en;
}
