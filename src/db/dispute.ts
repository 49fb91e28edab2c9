// Dispute queries: the case, its parties and its timeline.
import type {
  Dispute,
  DisputeCategory,
  DisputeChanges,
  DisputeEvent,
  DisputeParty,
  DisputeSource,
  DisputeStatus,
  EventInput,
  RiskFlag,
} from '../domain/dispute.js';
import type { DueDispute } from '../domain/due.js';
import { NotFoundError } from '../errors.js';
import { label, t } from '../i18n/index.js';
import { addDays, type IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import { insertRecord, softDelete, updateRecord, type Row } from './store.js';

/** A new case: the fields given at intake. */
export type DisputeInput = Pick<Dispute, 'title' | 'category' | 'source' | 'channel' | 'risk' | 'flags' | 'registered_on' | 'description' | 'visit_id'>;

/** A party: a roster person, or a plain name. */
export type PartyInput = { person_id: number } | { name: string };

const SELECT_DISPUTE = `
  SELECT d.id, d.uid, d.title, d.category, d.source, d.channel, d.risk, d.flags, d.registered_on, d.description,
         d.visit_id, v.date AS visit_date, vp.name AS visit_person,
         d.status, d.status_on, d.agreed_on, d.agreement, d.responsibility, d.perform_by, d.court_confirmation,
         d.revisit_due, d.escalated_to,
         (SELECT json_group_array(json_object('person_id', x.person_id, 'name', x.name, 'tags', json(x.tags)))
            FROM (SELECT dp.person_id, coalesce(p.name, dp.name) AS name, coalesce(p.tags, '[]') AS tags
                    FROM dispute_parties dp LEFT JOIN people p ON p.id = dp.person_id
                   WHERE dp.dispute_id = d.id AND dp.deleted_at IS NULL ORDER BY dp.position) x) AS parties,
         d.created_at, d.updated_at
  FROM disputes d
  LEFT JOIN visits v ON v.id = d.visit_id
  LEFT JOIN people vp ON vp.id = v.person_id`;

function toDispute(row: Row): Dispute {
  return {
    ...(row as unknown as Dispute),
    flags: JSON.parse(row.flags as string) as RiskFlag[],
    court_confirmation: row.court_confirmation === 1,
    parties: JSON.parse(row.parties as string) as DisputeParty[],
  };
}

/** A new case with its parties and its registration event. Call inside a write transaction. */
export function insertDispute(db: Db, input: DisputeInput, parties: PartyInput[]): number {
  const { flags, ...fields } = input;
  const id = insertRecord(db, 'disputes', 'dispute', {
    ...fields,
    flags: JSON.stringify(flags),
    status: 'registered',
    status_on: input.registered_on,
  });
  parties.forEach((p, position) => {
    insertRecord(db, 'dispute_parties', 'dispute_party', {
      dispute_id: id,
      position,
      person_id: 'person_id' in p ? p.person_id : null,
      name: 'name' in p ? p.name : null,
    });
  });
  insertEvent(db, id, {
    date: input.registered_on,
    kind: 'register',
    from_status: null,
    to_status: 'registered',
    note: input.description,
    participants: [],
    performed: null,
    satisfied: null,
    escalated_to: null,
    revisit_due: null,
  });
  return id;
}

function insertEvent(db: Db, disputeId: number, e: EventInput): number {
  const bool = (b: boolean | null) => (b === null ? null : b ? 1 : 0);
  return insertRecord(db, 'dispute_events', 'dispute_event', {
    dispute_id: disputeId,
    ...e,
    participants: JSON.stringify(e.participants),
    performed: bool(e.performed),
    satisfied: bool(e.satisfied),
  });
}

/** Record one action: the case's new state and its timeline event. Call inside a write transaction. */
export function applyStep(db: Db, id: number, changes: DisputeChanges, event: EventInput): void {
  updateRecord(db, 'disputes', 'dispute', id, changes as Row);
  insertEvent(db, id, event);
}

export function getDispute(db: Db, id: number): Dispute {
  const row = db.prepare(`${SELECT_DISPUTE} WHERE d.id = ? AND d.deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw new NotFoundError('err.not_found', { what: label('entity', 'dispute'), id });
  return toDispute(row);
}

export function listEvents(db: Db, disputeId: number): DisputeEvent[] {
  const rows = db
    .prepare(
      `SELECT id, uid, dispute_id, date, kind, from_status, to_status, note, participants, performed, satisfied,
              escalated_to, revisit_due, created_at
       FROM dispute_events WHERE dispute_id = ? AND deleted_at IS NULL ORDER BY date, id`,
    )
    .all(disputeId) as Row[];
  const bool = (v: unknown) => (v === null ? null : v === 1);
  return rows.map((r) => ({
    ...(r as unknown as DisputeEvent),
    participants: JSON.parse(r.participants as string) as string[],
    performed: bool(r.performed),
    satisfied: bool(r.satisfied),
  }));
}

export interface DisputeFilter {
  statuses?: DisputeStatus[];
  /** registered, mediating or resolved */
  open?: boolean;
  /** Past the mediation deadline, or resolved with the return visit past due (needs today, mediationDays). */
  overdue?: boolean;
  /** Resolved with the return visit due on or before today. */
  revisitDue?: boolean;
  today?: IsoDate;
  mediationDays?: number;
  category?: DisputeCategory;
  source?: DisputeSource;
  /** Registered in [from, to]. */
  from?: IsoDate;
  to?: IsoDate;
  /** A party: this roster person, or anyone (roster or plain name) with this name. */
  party?: { person_id: number } | { name: string };
  visit_id?: number;
}

export function listDisputes(db: Db, f: DisputeFilter = {}): Dispute[] {
  const { where, params } = disputeWhere(f);
  return (db.prepare(`${SELECT_DISPUTE} WHERE ${where} ORDER BY d.registered_on, d.id`).all(params) as Row[]).map(toDispute);
}

/**
 * The cases of listDisputes(db, { open: true }), in its order, with only what the due rules read:
 * no visit, description or agreement text, and the parties as names.
 */
export function listOpenDisputesDue(db: Db): DueDispute[] {
  const { where, params } = disputeWhere({ open: true });
  const rows = db
    .prepare(
      `SELECT d.id, d.uid, d.title, d.status, d.registered_on, d.revisit_due, d.court_confirmation, d.agreed_on,
              (SELECT json_group_array(x.name) FROM (SELECT coalesce(p.name, dp.name) AS name FROM dispute_parties dp LEFT JOIN people p ON p.id = dp.person_id
                 WHERE dp.dispute_id = d.id AND dp.deleted_at IS NULL ORDER BY dp.position) x) AS parties
       FROM disputes d WHERE ${where} ORDER BY d.registered_on, d.id`,
    )
    .all(params) as Row[];
  return rows.map((r) => ({
    ...(r as unknown as DueDispute),
    court_confirmation: r.court_confirmation === 1,
    parties: (JSON.parse(r.parties as string) as string[]).map((name) => ({ name })),
  }));
}

/** The WHERE clause of a filter (on `d`, the disputes), one for every listing. */
function disputeWhere(f: DisputeFilter): { where: string; params: Row } {
  const where = ['d.deleted_at IS NULL'];
  const params: Row = {};
  if (f.statuses?.length) {
    where.push(`d.status IN (${f.statuses.map((_, i) => `@s${i}`).join(', ')})`);
    f.statuses.forEach((s, i) => (params[`s${i}`] = s));
  }
  if (f.open) where.push("d.status IN ('registered', 'mediating', 'resolved')");
  if (f.overdue || f.revisitDue) params.today = f.today;
  if (f.overdue) {
    // Overdue the day after the deadline: registered before today minus the mediation days.
    where.push("((d.status IN ('registered', 'mediating') AND d.registered_on < @cutoff) OR (d.status = 'resolved' AND d.revisit_due < @today))");
    params.cutoff = addDays(f.today!, -f.mediationDays!);
  }
  if (f.revisitDue) where.push("d.status = 'resolved' AND d.revisit_due <= @today");
  for (const k of ['category', 'source', 'visit_id'] as const) {
    if (f[k] !== undefined) {
      where.push(`d.${k} = @${k}`);
      params[k] = f[k];
    }
  }
  if (f.from) {
    where.push('d.registered_on >= @from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('d.registered_on <= @to');
    params.to = f.to;
  }
  if (f.party) {
    const match = 'person_id' in f.party ? 'dp.person_id = @party' : 'coalesce(p.name, dp.name) = @party';
    where.push(
      `EXISTS (SELECT 1 FROM dispute_parties dp LEFT JOIN people p ON p.id = dp.person_id
               WHERE dp.dispute_id = d.id AND dp.deleted_at IS NULL AND ${match})`,
    );
    params.party = 'person_id' in f.party ? f.party.person_id : f.party.name;
  }
  return { where: where.join(' AND '), params };
}

/** The intake fields `fs dispute edit` may change (the state and its dates change only by steps). */
export type IntakeChanges = Partial<Pick<Dispute, 'title' | 'category' | 'source' | 'channel' | 'risk' | 'description' | 'visit_id'> & { flags: RiskFlag[] }>;

export interface PartyRow {
  id: number;
  position: number;
  person_id: number | null;
  /** The name as typed (plain-name parties); null for a roster person added by id. */
  name: string | null;
  /** The roster person's name, or the typed one. */
  shown: string;
}

export function listPartyRows(db: Db, disputeId: number): PartyRow[] {
  return db
    .prepare(
      `SELECT dp.id, dp.position, dp.person_id, dp.name, coalesce(p.name, dp.name) AS shown
       FROM dispute_parties dp LEFT JOIN people p ON p.id = dp.person_id
       WHERE dp.dispute_id = ? AND dp.deleted_at IS NULL ORDER BY dp.position, dp.id`,
    )
    .all(disputeId) as PartyRow[];
}

/** Edit a case's intake and its parties. Call inside a write transaction. */
export function editDispute(db: Db, id: number, changes: IntakeChanges, parties: { add: PartyInput[]; link: { partyId: number; personId: number }[]; remove: number[] }): void {
  const { flags, ...rest } = changes;
  const values: Row = { ...rest };
  if (flags !== undefined) values.flags = JSON.stringify(flags);
  if (Object.keys(values).length) updateRecord(db, 'disputes', 'dispute', id, values);
  for (const l of parties.link) updateRecord(db, 'dispute_parties', 'dispute_party', l.partyId, { person_id: l.personId });
  for (const partyId of parties.remove) softDelete(db, 'dispute_parties', 'dispute_party', partyId);
  let next = ((db.prepare('SELECT max(position) AS n FROM dispute_parties WHERE dispute_id = ?').get(id) as { n: number | null }).n ?? -1) + 1;
  for (const p of parties.add) {
    insertRecord(db, 'dispute_parties', 'dispute_party', {
      dispute_id: id,
      position: next++,
      person_id: 'person_id' in p ? p.person_id : null,
      name: 'name' in p ? p.name : null,
    });
  }
}
