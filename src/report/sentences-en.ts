// English sentences from figures: plurals right, zeros left out or said once. Pure.
import type { IsoDate } from '../time/dates.js';
import type { PeriodUnit } from '../time/periods.js';
import type { DueGroup, Sentences, SummaryFigures } from './sentences.js';

const PERIOD: Record<PeriodUnit, string> = { day: 'today', week: 'this week', month: 'this month', quarter: 'this quarter', year: 'this year', range: 'in this period' };
const NEXT: Record<PeriodUnit, string> = { day: 'Tomorrow', week: 'Next week', month: 'Next month', quarter: 'Next quarter', year: 'Next year', range: 'Next' };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const date = (iso: IsoDate) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const dayMonth = (iso: IsoDate) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]}`;
/** "1 visit", "2 visits" */
const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const list = (xs: string[]) => (xs.length <= 2 ? xs.join(' and ') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
const quoted = (titles: string[]) => list(titles.map((x) => `“${x}”`));
const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;

function presenceEn(x: NonNullable<SummaryFigures['presence']>, p: string): string {
  const counted = x.daysCounted > x.daysInVillage ? ` (${x.daysCounted} counted as presence with business and training)` : '';
  const leave = x.leaveDays ? `, with ${n(x.leaveDays, 'day')} of leave` : '';
  const target = x.target === null ? '' : x.needed > 0 ? `; ${n(x.needed, 'day')} short of the ${x.target} required` : `, meeting the ${x.target} required`;
  return `${cap(p)} we spent ${n(x.daysInVillage, 'day')} in the village${counted}${leave}${target}.`;
}

function summary(f: SummaryFigures, unit: PeriodUnit): string[] {
  const p = PERIOD[unit];
  const zeroAll = !f.visits && !f.concernsRaised && !f.concernsResolved && !f.casesRegistered && !f.casesResolved && !f.casesClosed && !f.casesEscalated && !f.meetingsHeld && !f.helpEntries && !f.milestonesDone && !f.decisionsStarted;
  const here = f.presence ? [presenceEn(f.presence, p)] : [];
  if (zeroAll) return [...here, `Nothing new was recorded ${p}: no visits, concerns, disputes, help entries, meetings or plan progress (zero report).`];
  const out: string[] = [...here];
  // The annual review names every category visited; shorter periods the households in hardship.
  const cats = unit === 'year' && f.visitsByCategory?.length ? `: ${list(f.visitsByCategory.map((c) => `${c.visits} to ${c.label}`))}` : f.poorVisits ? `, ${f.poorVisits} of them to households in hardship` : '';
  if (f.visits) out.push(`${cap(p)} we made ${n(f.visits, 'visit')}${f.households ? ` to ${n(f.households, 'household')}` : ''}${cats}.`);
  else out.push(`No home visits were made ${p}.`);
  if (f.concernsRaised || f.concernsResolved) {
    const parts = [f.concernsResolved ? `${f.concernsResolved} resolved` : '', f.concernsReferred ? `${f.concernsReferred} referred to a department` : ''].filter(Boolean);
    out.push(f.concernsRaised ? `${cap(n(f.concernsRaised, 'concern'))} ${f.concernsRaised === 1 ? 'was' : 'were'} raised${parts.length ? `; ${list(parts)}` : ''}.` : `${cap(n(f.concernsResolved, 'concern'))} ${f.concernsResolved === 1 ? 'was' : 'were'} resolved.`);
  }
  if (f.casesRegistered || f.casesResolved || f.casesClosed || f.casesEscalated) {
    const parts = [f.casesResolved ? `${f.casesResolved} settled by agreement` : '', f.casesClosed ? `${f.casesClosed} closed after a return visit` : '', f.casesEscalated ? `${f.casesEscalated} escalated` : ''].filter(Boolean);
    out.push(`${f.casesRegistered ? `${cap(n(f.casesRegistered, 'dispute'))} ${f.casesRegistered === 1 ? 'was' : 'were'} registered` : 'No new disputes were registered'}${parts.length ? `; ${list(parts)}` : ''}.`);
  } else out.push(`No new disputes arose ${p} (zero report).`);
  const more = [f.meetingsHeld ? n(f.meetingsHeld, 'meeting') + ' held' : '', f.decisionsStarted ? n(f.decisionsStarted, 'village decision') + ' started' : '', f.helpEntries ? n(f.helpEntries, 'help entry', 'help entries') + (unit === 'year' && f.peopleHelped ? ` for ${n(f.peopleHelped, 'paired villager')}` : ' for paired villagers') : '',
    unit === 'year' && f.practicalTotal ? `${f.practicalDone ?? 0} of ${n(f.practicalTotal, 'practical thing')} done` : '',
    unit === 'year' && f.meetingsRequired ? `${f.meetingsRequiredHeld ?? 0} of ${n(f.meetingsRequired, 'required meeting')} held` : '', f.milestonesDone ? n(f.milestonesDone, 'plan milestone') + ' done' : ''].filter(Boolean);
  if (more.length) out.push(`${cap(list(more))}.`);
  return out;
}

const PROBLEM: Record<string, [string, string]> = {
  'concern-due': ['concern overdue', 'concerns overdue'],
  'concern-feedback': ['concern resolved but the villager not yet told', 'concerns resolved but the villagers not yet told'],
  'dispute-mediation': ['dispute past its mediation deadline', 'disputes past their mediation deadline'],
  'dispute-revisit': ['return visit overdue', 'return visits overdue'],
  'pair-contact': ['paired villager overdue for a contact', 'paired villagers overdue for a contact'],
  'plan-milestone': ['plan milestone overdue', 'plan milestones overdue'],
};
const PLAN: Record<string, string> = {
  'concern-due': 'answer',
  'concern-feedback': 'tell the villagers the result of',
  'dispute-mediation': 'mediate',
  'dispute-revisit': 'make the return visits of',
  'pair-contact': 'contact',
  'plan-milestone': 'finish',
};
const THINGS: Record<string, [string, string]> = {
  'concern-due': ['concern', 'concerns'],
  'concern-feedback': ['concern', 'concerns'],
  'dispute-mediation': ['dispute', 'disputes'],
  'dispute-revisit': ['agreement', 'agreements'],
  'pair-contact': ['paired villager', 'paired villagers'],
  'plan-milestone': ['milestone', 'milestones'],
};

export const en: Sentences = {
  periodWord: (u) => PERIOD[u],
  date,
  summary,
  visitsLead(f, u) {
    if (!f.visits) return [`No home visits were made ${PERIOD[u]}.`];
    const out = [`${cap(PERIOD[u])} we made ${n(f.visits, 'visit')}, reaching ${n(f.people, 'person', 'people')} in ${n(f.households, 'household')}.`];
    const gaps = [f.uncoveredCategories.length ? `${list(f.uncoveredCategories)} ${f.uncoveredCategories.length === 1 ? 'was' : 'were'} not visited` : '', f.uncoveredTopics.length ? `${list(f.uncoveredTopics)} ${f.uncoveredTopics.length === 1 ? 'was' : 'were'} not asked about` : ''].filter(Boolean);
    out.push(gaps.length ? `Of the five must visits and five must asks, ${gaps.join('; ')}.` : 'Every must-visit group and must-ask topic was covered.');
    return out;
  },
  concernsLead(f, u) {
    const out: string[] = [];
    if (f.raised || f.resolved) out.push(`${cap(PERIOD[u])} ${n(f.raised, 'concern')} ${f.raised === 1 ? 'was' : 'were'} raised and ${f.resolved} resolved${f.referred ? `; ${f.referred} referred to a department` : ''}.`);
    else out.push(`No new concerns were raised ${PERIOD[u]}.`);
    const stock = [f.open ? `${f.open} open` : '', f.overdue ? `${f.overdue} of them overdue` : '', f.awaiting ? `${f.awaiting} resolved and awaiting feedback to the villager` : ''].filter(Boolean);
    if (stock.length) out.push(`At the end of the period: ${stock.join(', ')}.`);
    return out;
  },
  meetingsLead(f, u) {
    const out = [f.held ? `${cap(n(f.held, 'meeting'))} ${f.held === 1 ? 'was' : 'were'} held ${PERIOD[u]}${f.rate === null ? '' : `, with ${pct(f.rate)} attendance on average`}.` : `No meetings were held ${PERIOD[u]}.`];
    out.push(f.gaps.length ? `Required but not held: ${list(f.gaps)}.` : 'Every required meeting was held.');
    return out;
  },
  meetingLine(m, typeLabel) {
    const att = m.expected !== null && m.present !== null ? `${m.present} of ${m.expected} present` : m.present !== null ? `${m.present} present` : '';
    return `${dayMonth(m.date)}: ${typeLabel}${m.topic ? `, ${m.topic}` : ''}${att ? `; ${att}` : ''}${m.absentees ? `; absent: ${m.absentees}` : ''}.`;
  },
  decisionsLead(f, u) {
    if (!f.started && !f.stepsTaken && !f.stuck) return [`No village decisions were under way ${PERIOD[u]}.`];
    const parts = [f.started ? `${n(f.started, 'village decision')} started` : '', f.stepsTaken ? `${n(f.stepsTaken, 'step')} taken` : '', f.completed ? `${f.completed} completed` : '', f.stuck ? `${f.stuck} stuck for more than 30 days` : ''].filter(Boolean);
    return [`${cap(PERIOD[u])}: ${list(parts)}.`];
  },
  pairsLead(f, u) {
    const parts = [f.entries ? n(f.entries, 'help entry', 'help entries') : 'no help entries', f.started ? `${f.started} started` : '', f.ended ? `${f.ended} ended` : '', f.overdue ? `${f.overdue} overdue for a contact` : ''].filter(Boolean);
    return [`${cap(n(f.active, 'pairing'))} active; ${PERIOD[u]} ${list(parts)}.`];
  },
  casesLead(f, u) {
    if (!f.touched && !f.open) return [`No new disputes arose ${PERIOD[u]} (zero report).`];
    const parts = [f.registered ? `${f.registered} registered` : 'none registered', f.touched ? `${f.touched} handled` : '', f.resolved ? `${f.resolved} settled by agreement` : '', f.closed ? `${f.closed} closed` : '', f.escalated ? `${f.escalated} escalated` : ''].filter(Boolean);
    return [`Disputes ${PERIOD[u]}: ${list(parts)}.${f.open ? ` ${cap(n(f.open, 'case'))} open at the end${f.overdue ? `, ${f.overdue} overdue` : ''}.` : ''}`];
  },
  planLead(f, u) {
    if (!f.done && !f.due && !f.notes && !f.overdue) return [`No plan milestones fell due and no progress was noted ${PERIOD[u]}.`];
    const parts = [f.due ? `${n(f.due, 'milestone')} due` : '', f.done ? `${f.done} done` : '', f.overdue ? `${f.overdue} overdue` : '', f.notes ? `${n(f.notes, 'progress note')}${f.lastPercent === null ? '' : ` (latest ${f.lastPercent}%)`}` : ''].filter(Boolean);
    return [`Development plan ${PERIOD[u]}: ${list(parts)}.`];
  },
  problems(groups, extra) {
    const out = groups.map((g) => {
      const [one, many] = PROBLEM[g.kind] ?? ['item overdue', 'items overdue'];
      return `${g.count} ${g.count === 1 ? one : many}${g.titles.length ? ` (${quoted(g.titles)}${g.count > g.titles.length ? ' and others' : ''})` : ''}, the longest by ${n(g.worstDays, 'day')}.`;
    });
    out.push(...extra);
    return out.length ? out : ['Everything is on schedule: nothing is overdue.'];
  },
  problemExtras(f) {
    const out: string[] = [];
    if (f.uncoveredCategories.length) out.push(`Must-visit groups not visited: ${list(f.uncoveredCategories)}.`);
    if (f.uncoveredTopics.length) out.push(`Must-ask topics not asked: ${list(f.uncoveredTopics)}.`);
    if (f.staleHouseholds) out.push(`${cap(n(f.staleHouseholds, 'household'))} not visited lately.`);
    if (f.missingMeetings.length) out.push(`Required meetings not held: ${list(f.missingMeetings)}.`);
    if (f.stuckDecisions.length) out.push(`${cap(n(f.stuckDecisions.length, 'village decision'))} stuck for more than 30 days (${quoted(f.stuckDecisions.slice(0, 3))}${f.stuckDecisions.length > 3 ? ' and others' : ''}).`);
    return out;
  },
  plans(groups, overdue, next) {
    const out = groups.map((g) => {
      const [one, many] = THINGS[g.kind] ?? ['item', 'items'];
      return `${NEXT[next]}: ${PLAN[g.kind] ?? 'do'} ${g.count} ${g.count === 1 ? one : many}${g.titles.length ? ` (${quoted(g.titles)}${g.count > g.titles.length ? ' and others' : ''})` : ''}, the first due on ${dayMonth(g.firstDue)}.`;
    });
    if (overdue) out.unshift(`Clear the ${n(overdue, 'overdue item')} first, each with a person responsible and a date.`);
    out.push('Keep up the five must visits and five must asks, hold the required meetings, and screen for disputes.');
    return out;
  },
  words: { summary: 'Summary', problems: 'Problems', plans: 'Plans for the next period', annex: 'Annexed tables', reporter: 'Reporter: ', submitted: 'Date: ' },
};
