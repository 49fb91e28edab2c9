// The tables `fs push` mirrors into the county schema, one spec each: the SQLite source (its columns,
// and the uid joins that replace integer ids) and the PostgreSQL columns with their types. The
// SELECT that reads the ledger, the COPY staging table and the upsert are all derived from it, and
// test/county/tables.test.ts checks every spec against both schemas: a SQLite migration that adds a
// column fails that test until migrations/county/ and this file follow.
import { q } from '../schema.js';

export type PgType = 'uuid' | 'text' | 'date' | 'timestamptz' | 'integer' | 'smallint' | 'double precision' | 'jsonb';

export interface MirrorColumn {
  /** The column in county.<table> (and in the staging table). */
  name: string;
  type: PgType;
  /** A reference: the SQLite column holding the integer id, and the table whose uid replaces it. */
  ref?: { column: string; table: string };
}

export interface MirrorTable {
  /** The same name in SQLite and in the county schema. */
  name: string;
  /** Every county column but `ledger`, in the county table's order; `uid` first. */
  columns: readonly MirrorColumn[];
}

const col = (name: string, type: PgType): MirrorColumn => ({ name, type });
/** `person_uid` from SQLite's `person_id` → people.uid. */
const ref = (name: string, column: string, table: string): MirrorColumn => ({ name, type: 'uuid', ref: { column, table } });
const uid = col('uid', 'uuid');
const stamps = [col('created_at', 'timestamptz'), col('updated_at', 'timestamptz'), col('deleted_at', 'timestamptz')];
const table = (name: string, ...columns: MirrorColumn[]): MirrorTable => ({ name, columns: [uid, ...columns, ...stamps] });

/**
 * In the order a county reader would name them. meeting_attendance is not here on purpose: the names
 * of absent villagers stay in the ledger, meetings carry the expected and present counts.
 */
export const MIRRORED: readonly MirrorTable[] = [
  table('households', col('label', 'text'), col('village_group', 'text'), col('added_on', 'date')),
  table(
    'people',
    col('name', 'text'),
    ref('household_uid', 'household_id', 'households'),
    col('village_group', 'text'),
    col('phone', 'text'),
    col('tags', 'jsonb'),
    col('notes', 'text'),
    col('added_on', 'date'),
  ),
  table(
    'visits',
    col('date', 'date'),
    ref('person_uid', 'person_id', 'people'),
    ref('household_uid', 'household_id', 'households'),
    col('category', 'text'),
    col('topics', 'smallint'),
    col('notes', 'text'),
    col('place', 'text'),
  ),
  table(
    'concerns',
    ref('visit_uid', 'visit_id', 'visits'),
    ref('person_uid', 'person_id', 'people'),
    col('raised_on', 'date'),
    col('text', 'text'),
    col('status', 'text'),
    col('referred_to', 'text'),
    col('due_on', 'date'),
    col('resolved_on', 'date'),
    col('feedback_on', 'date'),
    col('note', 'text'),
  ),
  table(
    'disputes',
    col('title', 'text'),
    col('category', 'text'),
    col('source', 'text'),
    col('channel', 'text'),
    col('risk', 'text'),
    col('flags', 'jsonb'),
    col('registered_on', 'date'),
    col('description', 'text'),
    ref('visit_uid', 'visit_id', 'visits'),
    col('status', 'text'),
    col('status_on', 'date'),
    col('agreed_on', 'date'),
    col('agreement', 'text'),
    col('responsibility', 'text'),
    col('perform_by', 'date'),
    col('court_confirmation', 'smallint'),
    col('revisit_due', 'date'),
    col('escalated_to', 'text'),
  ),
  table('dispute_parties', ref('dispute_uid', 'dispute_id', 'disputes'), col('position', 'integer'), ref('person_uid', 'person_id', 'people'), col('name', 'text')),
  table(
    'dispute_events',
    ref('dispute_uid', 'dispute_id', 'disputes'),
    col('date', 'date'),
    col('kind', 'text'),
    col('from_status', 'text'),
    col('to_status', 'text'),
    col('note', 'text'),
    col('participants', 'jsonb'),
    col('performed', 'smallint'),
    col('satisfied', 'smallint'),
    col('escalated_to', 'text'),
    col('revisit_due', 'date'),
  ),
  table(
    'pairs',
    ref('person_uid', 'person_id', 'people'),
    col('helper', 'text'),
    col('needs', 'text'),
    col('measures', 'text'),
    col('cadence_days', 'integer'),
    col('started_on', 'date'),
    col('ended_on', 'date'),
    col('outcome', 'text'),
  ),
  table('pair_logs', ref('pair_uid', 'pair_id', 'pairs'), col('date', 'date'), col('action', 'text'), col('result', 'text')),
  table(
    'meetings',
    col('type', 'text'),
    col('date', 'date'),
    col('topic', 'text'),
    col('place', 'text'),
    col('chair', 'text'),
    col('recorder', 'text'),
    col('expected', 'integer'),
    col('present', 'integer'),
    col('vote', 'smallint'),
    col('forced', 'smallint'),
    col('decisions', 'jsonb'),
    col('minutes', 'text'),
  ),
  table('decisions', col('matter', 'text'), col('kind', 'text'), col('date', 'date'), col('status', 'text')),
  table(
    'decision_steps',
    ref('decision_uid', 'decision_id', 'decisions'),
    col('step', 'text'),
    col('date', 'date'),
    ref('meeting_uid', 'meeting_id', 'meetings'),
    col('expected', 'integer'),
    col('present', 'integer'),
    col('votes_for', 'integer'),
    col('passed', 'smallint'),
    col('combined', 'smallint'),
    col('note', 'text'),
  ),
  table(
    'plans',
    col('kind', 'text'),
    col('area', 'text'),
    col('title', 'text'),
    col('target', 'text'),
    col('measures', 'text'),
    col('owner', 'text'),
    col('start_on', 'date'),
    col('due_on', 'date'),
    col('budget', 'double precision'),
    col('status', 'text'),
    col('done_on', 'date'),
    col('dropped_on', 'date'),
    col('drop_reason', 'text'),
    col('added_on', 'date'),
  ),
  table(
    'plan_milestones',
    ref('plan_uid', 'plan_id', 'plans'),
    col('title', 'text'),
    col('due_on', 'date'),
    col('owner', 'text'),
    col('status', 'text'),
    col('done_on', 'date'),
    col('note', 'text'),
    col('dropped_on', 'date'),
    col('drop_reason', 'text'),
  ),
  table('plan_progress', ref('plan_uid', 'plan_id', 'plans'), col('date', 'date'), col('note', 'text'), col('percent', 'integer')),
  table('presence_days', col('date', 'date'), col('status', 'text'), col('leave_type', 'text'), col('approved_by', 'text'), col('note', 'text')),
  table('presence_holidays', col('date', 'date'), col('workday', 'smallint'), col('note', 'text')),
];

/** SQLite tables with a uid that stay in the ledger (none yet: every record table travels). */
export const NOT_MIRRORED: ReadonlySet<string> = new Set<string>();

export const MIRRORED_NAMES: readonly string[] = MIRRORED.map((t) => t.name);

/** The SQLite column a county column is read from (`person_uid` ← `person_id`). */
export function sqliteColumn(c: MirrorColumn): string {
  return c.ref ? c.ref.column : c.name;
}

/**
 * The SQLite SELECT of a table's rows changed at or after `?` (an ISO stamp), in county column order,
 * integer ids replaced by the referred records' uids. Without `since`, every row.
 */
export function selectSql(t: MirrorTable, since: boolean): string {
  const joins: string[] = [];
  const cols = t.columns.map((c, i) => {
    if (!c.ref) return `t.${q(c.name)}`;
    const alias = `r${i}`;
    joins.push(`LEFT JOIN ${q(c.ref.table)} ${alias} ON ${alias}.id = t.${q(c.ref.column)}`);
    return `${alias}.uid`;
  });
  return `SELECT ${cols.join(', ')} FROM ${q(t.name)} t ${joins.join(' ')}${since ? ' WHERE t.updated_at >= ?' : ''}`;
}

/** The number of rows selectSql would read. */
export function countSql(t: MirrorTable, since: boolean): string {
  return `SELECT count(*) AS n FROM ${q(t.name)}${since ? ' WHERE updated_at >= ?' : ''}`;
}

/** PostgreSQL identifier quoting (every name here comes from MIRRORED, never from input). */
const pq = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Qualified with pg_temp: no table of the same name elsewhere on the search path can stand in for it. */
export function stagingName(t: MirrorTable): string {
  return `pg_temp.${pq(`push_${t.name}`)}`;
}

/** A temporary table shaped like the county table without `ledger`, gone at the end of the push's transaction. */
export function stagingDdl(t: MirrorTable): string {
  return `CREATE TEMP TABLE ${stagingName(t)} (${t.columns.map((c) => `${pq(c.name)} ${c.type}`).join(', ')}) ON COMMIT DROP`;
}

export function copySql(t: MirrorTable): string {
  return `COPY ${stagingName(t)} (${t.columns.map((c) => pq(c.name)).join(', ')}) FROM STDIN (FORMAT csv)`;
}

/**
 * The staged rows into county.<table> for ledger $1: new uids are inserted, known ones replaced only
 * by a newer updated_at (an equal one changes nothing, so pushing twice writes nothing).
 */
export function upsertSql(t: MirrorTable): string {
  const names = t.columns.map((c) => pq(c.name));
  const set = t.columns.filter((c) => c.name !== 'uid').map((c) => `${pq(c.name)} = excluded.${pq(c.name)}`);
  return (
    `INSERT INTO county.${pq(t.name)} AS c (ledger, ${names.join(', ')}) SELECT $1, ${names.join(', ')} FROM ${stagingName(t)} ` +
    `ON CONFLICT (ledger, uid) DO UPDATE SET ${set.join(', ')} WHERE c.updated_at < excluded.updated_at`
  );
}

/** How many staged rows the upsert would take (new, or newer than the county's): what a dry run reports. */
export function wouldTakeSql(t: MirrorTable): string {
  return (
    `SELECT count(*)::int AS n FROM ${stagingName(t)} s LEFT JOIN county.${pq(t.name)} c ON c.ledger = $1 AND c.uid = s.uid ` +
    'WHERE c.uid IS NULL OR c.updated_at < s.updated_at'
  );
}

/** The newest updated_at staged for this table. */
export function newestStagedSql(t: MirrorTable): string {
  return `SELECT max(updated_at) FROM ${stagingName(t)}`;
}
