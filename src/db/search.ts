// fs search: the full-text index of migration 0008 (search_index, search_vocab) and the records
// its hits point at. The typed text never reaches the SQL: the FTS5 query is a bound parameter
// and every word in it is a quoted string (src/domain/search.ts).
import { decodeRowid, foldCase, ftsQuery, rowidRange, SEARCH_SOURCES, sourcesOf, termPrefixRange, type RawHit, type SearchField, type SearchKind, type SearchSource } from '../domain/search.js';
import type { Db } from './open.js';
import { q } from './schema.js';
import { statement } from './store.js';

/** Past this many terms, one pass over the range (search_vocab) is cheaper than a seek per term. */
const STEPPED_TERMS = 200;

/**
 * The index terms (trigrams) that begin with a one- or two-character word: term after term, each
 * found by a seek in search_terms (a few pages), or, for a word that begins very many, in one pass.
 * A term left only by removed records may come back: it matches nothing, so the hits stay exact.
 */
export function termsBeginning(db: Db, word: string): string[] {
  const w = foldCase(word);
  const { from, below } = termPrefixRange(w);
  const next = statement(db, 'SELECT term FROM search_terms WHERE term >= ? AND term < ? LIMIT 1');
  const terms: string[] = [];
  for (let at = from; terms.length <= STEPPED_TERMS; ) {
    const row = next.get(at, below) as { term: string } | undefined;
    if (!row) return terms.filter((t) => t.startsWith(w));
    terms.push(row.term);
    // Every term has three characters: none lies between a term and the term plus U+0001.
    at = `${row.term}\u0001`;
  }
  const rows = statement(db, 'SELECT term FROM search_vocab WHERE term >= ? AND term < ?').all(from, below) as { term: string }[];
  return rows.map((r) => r.term).filter((t) => t.startsWith(w));
}

/** ref is the record to show: the visit, the dispute of a step, the plan of a milestone, ... */
export type IndexHit = RawHit;

interface HitRow {
  ref_id: number;
  ref_uid: string;
  date: string | null;
  person_id: number | null;
  person: string | null;
  [field: string]: unknown;
}

const PERSON = (col: string) => `(SELECT name FROM people WHERE id = ${col}) AS person, ${col} AS person_id`;
/** A dispute's person is its first party: a roster person or a plain name. */
const FIRST_PARTY = (dispute: string) => `
  (SELECT coalesce(pp.name, dp.name) FROM dispute_parties dp LEFT JOIN people pp ON pp.id = dp.person_id
   WHERE dp.dispute_id = ${dispute} AND dp.deleted_at IS NULL ORDER BY dp.position LIMIT 1) AS person,
  (SELECT dp.person_id FROM dispute_parties dp WHERE dp.dispute_id = ${dispute} AND dp.deleted_at IS NULL ORDER BY dp.position LIMIT 1) AS person_id`;
const NO_PERSON = 'NULL AS person, NULL AS person_id';

/** Per source: the live record behind an index row, its date, person and searchable fields (column aliases are field keys). */
const LOOKUPS: Record<SearchSource, string> = {
  1: `SELECT r.id AS ref_id, r.uid AS ref_uid, NULL AS date, r.name AS person, r.id AS person_id, r.name AS name, r.notes AS notes
      FROM people r WHERE r.id = ? AND r.deleted_at IS NULL`,
  2: `SELECT r.id AS ref_id, r.uid AS ref_uid, r.date, ${PERSON('r.person_id')}, r.notes AS notes, r.place AS place
      FROM visits r WHERE r.id = ? AND r.deleted_at IS NULL`,
  3: `SELECT r.id AS ref_id, r.uid AS ref_uid, r.raised_on AS date, ${PERSON('r.person_id')}, r.text AS concern, r.note AS note, r.referred_to AS referred_to
      FROM concerns r WHERE r.id = ? AND r.deleted_at IS NULL`,
  4: `SELECT r.id AS ref_id, r.uid AS ref_uid, r.registered_on AS date, ${FIRST_PARTY('r.id')}, r.title AS title, r.description AS description,
        r.agreement AS agreement, r.responsibility AS responsibility, r.escalated_to AS escalated_to,
        (SELECT group_concat(p.name, '、') FROM dispute_parties p WHERE p.dispute_id = r.id AND p.deleted_at IS NULL AND p.name IS NOT NULL) AS parties
      FROM disputes r WHERE r.id = ? AND r.deleted_at IS NULL`,
  5: `SELECT d.id AS ref_id, d.uid AS ref_uid, e.date, ${FIRST_PARTY('d.id')}, e.note AS step, e.escalated_to AS escalated_to
      FROM dispute_events e JOIN disputes d ON d.id = e.dispute_id WHERE e.id = ? AND e.deleted_at IS NULL AND d.deleted_at IS NULL`,
  6: `SELECT r.id AS ref_id, r.uid AS ref_uid, r.started_on AS date, ${PERSON('r.person_id')}, r.needs AS needs, r.measures AS measures,
        r.outcome AS outcome, r.helper AS helper
      FROM pairs r WHERE r.id = ? AND r.deleted_at IS NULL`,
  7: `SELECT p.id AS ref_id, p.uid AS ref_uid, l.date, ${PERSON('p.person_id')}, l.action AS help_log, l.result AS result
      FROM pair_logs l JOIN pairs p ON p.id = l.pair_id WHERE l.id = ? AND l.deleted_at IS NULL AND p.deleted_at IS NULL`,
  8: `SELECT r.id AS ref_id, r.uid AS ref_uid, r.date, ${NO_PERSON}, r.topic AS topic, r.place AS place, r.minutes AS minutes,
        r.decisions AS decisions, r.chair AS chair, r.recorder AS recorder,
        (SELECT group_concat(a.name || ': ' || a.reason, '; ') FROM meeting_attendance a WHERE a.meeting_id = r.id AND a.reason IS NOT NULL) AS absence_reasons
      FROM meetings r WHERE r.id = ? AND r.deleted_at IS NULL`,
  9: `SELECT r.id AS ref_id, r.uid AS ref_uid, r.date, ${NO_PERSON}, r.matter AS matter FROM decisions r WHERE r.id = ? AND r.deleted_at IS NULL`,
  10: `SELECT d.id AS ref_id, d.uid AS ref_uid, s.date, ${NO_PERSON}, s.note AS step
      FROM decision_steps s JOIN decisions d ON d.id = s.decision_id WHERE s.id = ? AND s.deleted_at IS NULL AND d.deleted_at IS NULL`,
  11: `SELECT r.id AS ref_id, r.uid AS ref_uid, coalesce(r.start_on, r.due_on) AS date, ${NO_PERSON}, r.title AS title, r.target AS target,
        r.measures AS measures, r.owner AS owner, r.drop_reason AS drop_reason
      FROM plans r WHERE r.id = ? AND r.deleted_at IS NULL`,
  12: `SELECT p.id AS ref_id, p.uid AS ref_uid, m.due_on AS date, ${NO_PERSON}, m.title AS milestone, m.note AS note, m.owner AS owner, m.drop_reason AS drop_reason
      FROM plan_milestones m JOIN plans p ON p.id = m.plan_id WHERE m.id = ? AND m.deleted_at IS NULL AND p.deleted_at IS NULL`,
  13: `SELECT p.id AS ref_id, p.uid AS ref_uid, g.date, ${NO_PERSON}, g.note AS progress
      FROM plan_progress g JOIN plans p ON p.id = g.plan_id WHERE g.id = ? AND g.deleted_at IS NULL AND p.deleted_at IS NULL`,
};

const NOT_FIELDS = new Set(['ref_id', 'ref_uid', 'date', 'person_id', 'person']);

/** A meeting's decisions are a JSON array of short texts: searched and shown as text. */
function fieldText(field: string, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (field === 'decisions') {
    try {
      const list = JSON.parse(String(v)) as unknown;
      return Array.isArray(list) ? list.map(String).join('; ') : String(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

function lookup(db: Db, source: SearchSource, id: number): IndexHit | undefined {
  const row = statement(db, LOOKUPS[source]).get(id) as HitRow | undefined;
  if (!row) return undefined;
  const { kind } = SEARCH_SOURCES[source];
  const fields = Object.keys(row)
    .filter((k) => !NOT_FIELDS.has(k))
    .map((k) => ({ field: k, text: fieldText(k, row[k]) }));
  return {
    kind,
    ref: { entity: kind, id: row.ref_id, uid: row.ref_uid },
    date: row.date,
    person: row.person === null ? null : { id: row.person_id, name: row.person },
    fields,
  };
}

export interface IndexQuery {
  /** An FTS5 expression built by ftsQuery (bound, never part of the SQL text). */
  match: string;
  lo: number;
  hi: number;
  sources: SearchSource[];
  /** 0: all. */
  limit: number;
}

/**
 * Hits newest first (the rowid's leading bits are the date), read lazily: a search stops after
 * `limit` live records. A record is listed once, at its newest match (a case found by its title
 * and by a step is one case). An index row whose record's parent was removed is passed over.
 */
export function searchIndex(db: Db, q: IndexQuery): IndexHit[] {
  const all = q.sources.length === Object.keys(SEARCH_SOURCES).length;
  const sql = `SELECT rowid FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ?${
    all ? '' : ` AND ((rowid >> 28) & 15) IN (${q.sources.map(() => '?').join(', ')})`
  } ORDER BY rowid DESC`;
  const hits: IndexHit[] = [];
  const seen = new Set<string>();
  const rows = statement(db, sql).raw(true).iterate(q.match, BigInt(q.lo), BigInt(q.hi), ...(all ? [] : q.sources)) as IterableIterator<[number]>;
  for (const [rowid] of rows) {
    const { source, id } = decodeRowid(rowid);
    if (!(source in SEARCH_SOURCES)) continue;
    const hit = lookup(db, source as SearchSource, id);
    if (!hit) continue;
    const key = `${hit.ref.entity}#${hit.ref.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    hits.push(hit);
    if (q.limit && hits.length >= q.limit) {
      rows.return?.();
      break;
    }
  }
  return hits;
}

export interface SearchOptions {
  words: readonly string[];
  /** Empty: every kind. */
  kinds: readonly SearchKind[];
  from?: string;
  to?: string;
  /** 0: all. */
  limit: number;
}

/** The live records holding all the words, newest first; `more` when the limit cut some off. */
export function findRecords(db: Db, o: SearchOptions): { hits: IndexHit[]; more: boolean } {
  const match = ftsQuery(o.words, (w) => termsBeginning(db, w));
  if (match === undefined) return { hits: [], more: false };
  const { lo, hi } = rowidRange(o.from, o.to);
  // One more than asked tells whether there were more.
  const hits = searchIndex(db, { match, lo, hi, sources: sourcesOf(o.kinds), limit: o.limit ? o.limit + 1 : 0 });
  const more = o.limit > 0 && hits.length > o.limit;
  return { hits: more ? hits.slice(0, o.limit) : hits, more };
}

/**
 * For an import into a ledger with nothing indexed yet: set the index's triggers aside and return
 * the function that, before the import commits, puts them back and indexes everything in one
 * statement (a trigger's insert into FTS5 costs several times a row inserted in bulk). Both run
 * inside the import's transaction, so a rollback (or a dry run) leaves the triggers as they were.
 * Undefined when the index already holds documents: then the triggers index each imported row.
 */
export function deferSearchIndex(db: Db): (() => void) | undefined {
  if (db.prepare('SELECT 1 FROM search_index LIMIT 1').get() !== undefined) return undefined;
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_%' ESCAPE '\\'").all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER ${q(t.name)}`);
  return () => {
    for (const t of triggers) db.exec(t.sql);
    db.exec("INSERT INTO search_index (search_index) VALUES ('delete-all')");
    db.exec('INSERT INTO search_index (rowid, body) SELECT k, b FROM search_documents');
  };
}
