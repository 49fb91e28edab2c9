// fs dispute edit: correct a case's intake (title, category, source, risk, flags, description,
// the visit it was found in) and its parties. Its state and dates change only by steps.
import { checkIntake, DISPUTE_CATEGORIES, DISPUTE_SOURCES, PETITION_CHANNELS, RISK_FLAGS, RISK_LEVELS, type Dispute } from '../domain/dispute.js';
import { manyOf, oneOf } from '../domain/keys.js';
import { personRef } from '../domain/people.js';
import { editDispute, getDispute, listPartyRows, type IntakeChanges, type PartyInput, type PartyRow } from '../db/dispute.js';
import type { Db } from '../db/open.js';
import { write } from '../db/store.js';
import { getVisit } from '../db/visits.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { askDispute } from '../prompts/dispute.js';
import { intakeError, visitChecker } from './dispute-add.js';
import { disputeRecord } from './dispute-view.js';
import type { Context } from './shared/context.js';
import { emitRecord, parseId, type OutputOptions } from './shared/options.js';
import { resolvePerson } from './shared/person.js';

export interface EditFlags extends OutputOptions {
  title?: string;
  category?: string;
  source?: string;
  channel?: string;
  risk?: string;
  addFlag?: string[];
  removeFlag?: string[];
  description?: string;
  visit?: string;
  party?: string[];
  removeParty?: string[];
}

const EDIT_FLAGS = '--title, --category, --source, --channel, --risk, --add-flag, --remove-flag, --description, --visit, --party, --remove-party';

function text(v: string | undefined, flag: string): string | undefined {
  if (v !== undefined && v.trim() === '') throw new UsageError('dispute.err.flag_empty', { flag });
  return v?.trim();
}

/** The intake changes the flags ask for, checked before anything is opened. */
function changesFromFlags(o: EditFlags, current: Dispute): IntakeChanges {
  const c: IntakeChanges = {};
  if (o.title !== undefined) c.title = text(o.title, '--title');
  if (o.category !== undefined) c.category = oneOf(DISPUTE_CATEGORIES, o.category, t('dispute.what.category'));
  if (o.source !== undefined) c.source = oneOf(DISPUTE_SOURCES, o.source, t('dispute.what.source'));
  if (o.channel !== undefined) c.channel = oneOf(PETITION_CHANNELS, o.channel, t('dispute.what.channel'));
  if (o.risk !== undefined) c.risk = oneOf(RISK_LEVELS, o.risk, t('dispute.what.risk'));
  if (o.description !== undefined) c.description = text(o.description, '--description');
  if (o.visit !== undefined) c.visit_id = parseId(o.visit);
  if (o.addFlag || o.removeFlag) {
    const add = manyOf(RISK_FLAGS, o.addFlag ?? [], t('dispute.what.flag'));
    const remove = manyOf(RISK_FLAGS, o.removeFlag ?? [], t('dispute.what.flag'));
    c.flags = RISK_FLAGS.filter((k) => (current.flags.includes(k) || add.includes(k)) && !remove.includes(k));
  }
  return c;
}

/** Source and channel go together: leaving "petition" drops the channel, a visit only with source "visit". */
function settleIntake(c: IntakeChanges, current: Dispute): void {
  const source = c.source ?? current.source;
  if (source !== 'petition' && c.channel === undefined && current.channel !== null) c.channel = null;
  if (source !== 'visit' && c.visit_id === undefined && current.visit_id !== null) c.visit_id = null;
  const err = intakeError(checkIntake(source, (c.channel === undefined ? current.channel : c.channel) ?? undefined));
  if (err) throw err;
}

interface PartyPlan {
  add: PartyInput[];
  link: { partyId: number; personId: number }[];
  remove: number[];
}

/** --party: a roster person (linking a party typed with their name) or a new plain name. */
async function planParties(db: Db, ctx: Context, id: number, rows: PartyRow[], adds: string[], removes: string[]): Promise<PartyPlan> {
  const plan: PartyPlan = { add: [], link: [], remove: [] };
  const live = () => rows.filter((r) => !plan.remove.includes(r.id));
  for (const ref of removes) {
    const r = personRef(ref);
    const match = live().find((p) => ('id' in r ? p.person_id === r.id : p.shown === r.name || p.name === r.name));
    if (!match) throw new UsageError('err.party_not_in_case', { party: ref, id, parties: rows.map((p) => p.shown).join(', ') });
    plan.remove.push(match.id);
  }
  for (const ref of adds) {
    const person = await resolvePerson(db, ctx, ref, true);
    if (person) {
      if (live().some((p) => p.person_id === person.id) || plan.add.some((p) => 'person_id' in p && p.person_id === person.id)) continue;
      const typed = live().find((p) => p.person_id === null && (p.name === person.name || p.name === ref) && !plan.link.some((l) => l.partyId === p.id));
      if (typed) plan.link.push({ partyId: typed.id, personId: person.id });
      else plan.add.push({ person_id: person.id });
    } else if (!live().some((p) => p.shown === ref) && !plan.add.some((p) => 'name' in p && p.name === ref)) {
      plan.add.push({ name: ref });
    }
  }
  if (live().length + plan.add.length === 0) throw new UsageError('dispute.err.no_party');
  return plan;
}

export async function editDisputeCommand(ctx: Context, idArg: string, o: EditFlags): Promise<void> {
  const id = parseId(idArg);
  const adds = (o.party ?? []).map((p) => text(p, '--party')!);
  const removes = (o.removeParty ?? []).map((p) => text(p, '--remove-party')!);
  const db = await ctx.db();
  const current = getDispute(db, id);
  let changes = changesFromFlags(o, current);
  const flagged = Object.keys(changes).length > 0 || adds.length > 0 || removes.length > 0;
  if (!flagged && !ctx.interactive) throw new UsageError('err.nothing_to_change', { flags: EDIT_FLAGS });
  const rows = listPartyRows(db, id);
  if (!flagged) {
    // On a terminal without flags: every question pre-filled with the case as it is; parties can be added.
    const a = await askDispute(
      { ...current, date: current.registered_on, parties: rows.map((r) => r.shown), visit_id: current.visit_id },
      ctx.today,
      { askDate: false, checkVisit: visitChecker(db) },
    );
    changes = { title: a.title, category: a.category, source: a.source, channel: a.channel, risk: a.risk, flags: a.flags, description: a.description, visit_id: a.visit_id ?? null };
    adds.push(...a.parties.slice(rows.length));
  }
  if (changes.visit_id != null) {
    getVisit(db, changes.visit_id);
    if (o.source === undefined && flagged) changes.source ??= 'visit';
  }
  settleIntake(changes, current);
  const parties = await planParties(db, ctx, id, rows, adds, removes);
  write(db, () => editDispute(db, id, changes, parties));
  emitRecord(id, () => disputeRecord(db, id, ctx.today), o);
}
