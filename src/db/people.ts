// Roster queries: people and their households.
import type { Person, PersonInput, PersonTag } from '../domain/people.js';
import { NotFoundError } from '../errors.js';
import { label, t } from '../i18n/index.js';
import { systemToday, type IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import { insertRecord, softDelete, statement, updateRecord, type Row } from './store.js';

const SELECT_PERSON = `
  SELECT p.id, p.uid, p.name, h.label AS household, p.household_id, p.village_group AS "group", p.phone,
         p.tags, p.notes, p.created_at, p.updated_at
  FROM people p LEFT JOIN households h ON h.id = p.household_id`;

function toPerson(row: Row): Person {
  return { ...(row as unknown as Person), tags: JSON.parse(row.tags as string) as PersonTag[] };
}

/** The household with this label, created if new (added on `today`, the local day). */
export function ensureHousehold(db: Db, householdLabel: string, group: string | null, today: IsoDate = systemToday()): number {
  const found = statement(db, 'SELECT id FROM households WHERE label = ? AND deleted_at IS NULL').get(householdLabel) as
    | { id: number }
    | undefined;
  if (found) return found.id;
  return insertRecord(db, 'households', 'household', { label: householdLabel, village_group: group, added_on: today });
}

/** Insert a person (and their household if new). Call inside a write transaction. */
export function insertPerson(db: Db, input: PersonInput, today: IsoDate = systemToday()): number {
  const householdId = input.household ? ensureHousehold(db, input.household, input.group ?? null, today) : null;
  const id = insertRecord(db, 'people', 'person', {
    name: input.name,
    household_id: householdId,
    village_group: input.group ?? null,
    phone: input.phone ?? null,
    tags: JSON.stringify(input.tags ?? []),
    notes: input.notes ?? null,
    added_on: today,
  });
  linkPartiesByName(db, id, input.name);
  return id;
}

/**
 * Dispute parties typed as a plain name become links to the person now added with that name, as
 * long as the name is theirs alone on the roster (two 王五: `fs dispute edit --party` says which).
 * The typed name stays beside the link. Returns how many parties were linked.
 */
export function linkPartiesByName(db: Db, personId: number, name: string): number {
  const namesakes = (statement(db, 'SELECT count(*) AS n FROM people WHERE name = ? AND deleted_at IS NULL').get(name) as { n: number }).n;
  if (namesakes !== 1) return 0;
  const parties = statement(db, 'SELECT id FROM dispute_parties WHERE person_id IS NULL AND name = ? AND deleted_at IS NULL').all(name) as { id: number }[];
  for (const p of parties) updateRecord(db, 'dispute_parties', 'dispute_party', p.id, { person_id: personId });
  return parties.length;
}

export function getPerson(db: Db, id: number): Person {
  const row = db.prepare(`${SELECT_PERSON} WHERE p.id = ? AND p.deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw new NotFoundError('err.not_found', { what: label('entity', 'person'), id });
  return toPerson(row);
}

export function findPeopleByName(db: Db, name: string): Person[] {
  return (db.prepare(`${SELECT_PERSON} WHERE p.name = ? AND p.deleted_at IS NULL ORDER BY p.id`).all(name) as Row[]).map(toPerson);
}

export interface PersonFilter {
  tag?: string;
  group?: string;
  household?: string;
  name?: string;
}

export function listPeople(db: Db, f: PersonFilter = {}): Person[] {
  const where = ['p.deleted_at IS NULL'];
  const params: Row = {};
  if (f.tag) {
    where.push('EXISTS (SELECT 1 FROM json_each(p.tags) WHERE value = @tag)');
    params.tag = f.tag;
  }
  if (f.group) {
    where.push('p.village_group = @group');
    params.group = f.group;
  }
  if (f.household) {
    where.push('h.label = @household');
    params.household = f.household;
  }
  if (f.name) {
    where.push("p.name LIKE '%' || @name || '%'");
    params.name = f.name;
  }
  return (db.prepare(`${SELECT_PERSON} WHERE ${where.join(' AND ')} ORDER BY p.id`).all(params) as Row[]).map(toPerson);
}

/** Apply changed fields; a new household label moves the person (creating the household if new). */
export function updatePerson(db: Db, id: number, changes: Partial<PersonInput>, today: IsoDate = systemToday()): void {
  const current = getPerson(db, id);
  const values: Row = {};
  if (changes.name !== undefined) values.name = changes.name;
  if (changes.group !== undefined) values.village_group = changes.group;
  if (changes.phone !== undefined) values.phone = changes.phone;
  if (changes.notes !== undefined) values.notes = changes.notes;
  if (changes.tags !== undefined) values.tags = JSON.stringify(changes.tags);
  if (changes.household !== undefined) {
    values.household_id = changes.household
      ? ensureHousehold(db, changes.household, changes.group ?? current.group, today)
      : null;
  }
  updateRecord(db, 'people', 'person', id, values);
  // Renamed to the name a party was typed with: the same link as when they were added.
  if (changes.name !== undefined && changes.name !== current.name) linkPartiesByName(db, id, changes.name);
}

/** What still refers to a person: live records only (a removed visit no longer needs its person). */
export interface PersonReferences {
  visits: number;
  concerns: number;
  disputes: number;
  pairs: number;
  meetings: number;
}

export function personReferences(db: Db, id: number): PersonReferences {
  return db
    .prepare(
      `SELECT
         (SELECT count(*) FROM visits WHERE person_id = @id AND deleted_at IS NULL) AS visits,
         (SELECT count(*) FROM concerns WHERE person_id = @id AND deleted_at IS NULL) AS concerns,
         (SELECT count(DISTINCT dp.dispute_id) FROM dispute_parties dp JOIN disputes d ON d.id = dp.dispute_id
           WHERE dp.person_id = @id AND dp.deleted_at IS NULL AND d.deleted_at IS NULL) AS disputes,
         (SELECT count(*) FROM pairs WHERE person_id = @id AND deleted_at IS NULL) AS pairs,
         (SELECT count(DISTINCT a.meeting_id) FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id
           WHERE a.person_id = @id AND m.deleted_at IS NULL) AS meetings`,
    )
    .get({ id }) as PersonReferences;
}

/** A person by id, removed from the roster or not: filters over past records still find them. */
export function getPersonEvenRemoved(db: Db, id: number): Person {
  const row = db.prepare(`${SELECT_PERSON} WHERE p.id = ?`).get(id) as Row | undefined;
  if (!row) throw new NotFoundError('err.not_found', { what: label('entity', 'person'), id });
  return toPerson(row);
}

export function deletePerson(db: Db, id: number): void {
  softDelete(db, 'people', 'person', id);
}
