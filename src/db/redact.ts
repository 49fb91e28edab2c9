// What redaction needs to know about a ledger: every name and household label it has ever held
// (the change log keeps the old ones), the roster's phone numbers, and the ledger's salt.
import type { LedgerFacts } from '../domain/redact.js';
import { getSetting } from './settings.js';
import type { Db } from './open.js';
import { statement } from './store.js';

// Fields of logged changes that hold a person's name (strings, arrays of strings, or arrays of
// objects with a name: a meeting's attendance).
const NAME_FIELDS = ['name', 'helper', 'chair', 'recorder', 'owner', 'participants', 'attendance', 'mediator'];
// Entities whose changes can carry names; visits and concerns (most of the log) carry only text.
const NAMED_ENTITIES = ['person', 'household', 'pair', 'meeting', 'dispute_party', 'dispute_event', 'plan', 'milestone', 'setting', 'dispute'];

function namesIn(v: unknown, out: string[]): void {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) namesIn(typeof x === 'object' && x !== null ? (x as { name?: unknown }).name : x, out);
}

function parse(json: string): Record<string, unknown> {
  try {
    const v = JSON.parse(json) as unknown;
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The ledger's salt; a database without one (not yet migrated to 0009) gets a fixed empty salt. */
function salt(db: Db): string {
  const has = statement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ledger_secret'").get();
  if (!has) return '';
  return (statement(db, "SELECT value FROM ledger_secret WHERE name = 'redact_salt'").get() as { value: string } | undefined)?.value ?? '';
}

export function redactionFacts(db: Db): LedgerFacts {
  const people = new Map<number, string[]>();
  for (const r of statement(db, 'SELECT id, name FROM people ORDER BY id').all() as { id: number; name: string }[]) people.set(r.id, [r.name]);
  const households = new Map<number, string[]>();
  for (const r of statement(db, 'SELECT id, label FROM households ORDER BY id').all() as { id: number; label: string }[]) households.set(r.id, [r.label]);
  const others = (
    statement(
      db,
      `SELECT helper AS n FROM pairs UNION SELECT chair FROM meetings WHERE chair IS NOT NULL
       UNION SELECT recorder FROM meetings WHERE recorder IS NOT NULL UNION SELECT owner FROM plans WHERE owner IS NOT NULL
       UNION SELECT owner FROM plan_milestones WHERE owner IS NOT NULL UNION SELECT name FROM dispute_parties WHERE name IS NOT NULL
       UNION SELECT name FROM meeting_attendance WHERE name IS NOT NULL
       UNION SELECT j.value FROM dispute_events e, json_each(CASE WHEN json_valid(e.participants) THEN e.participants ELSE '[]' END) j WHERE j.type = 'text'`,
    ).all() as { n: string }[]
  ).map((r) => r.n);
  others.push(getSetting(db, 'secretary'));
  // Every name ever written: old names of people and labels of households, values since overwritten.
  const marks = NAMED_ENTITIES.map(() => '?').join(', ');
  for (const r of statement(db, `SELECT entity, entity_id, changes FROM change_log WHERE entity IN (${marks})`).iterate(...NAMED_ENTITIES) as Iterable<{ entity: string; entity_id: number; changes: string }>) {
    const c = parse(r.changes);
    const layers = [c, typeof c.before === 'object' && c.before !== null ? (c.before as Record<string, unknown>) : {}];
    for (const layer of layers) {
      if (r.entity === 'setting') {
        if (c.key === 'secretary' && typeof layer.value === 'string') others.push(layer.value);
        continue;
      }
      if (r.entity === 'household') {
        if (typeof layer.label === 'string') (households.get(r.entity_id) ?? households.set(r.entity_id, []).get(r.entity_id)!).push(layer.label);
        continue;
      }
      for (const field of NAME_FIELDS) {
        if (!(field in layer)) continue;
        const found: string[] = [];
        namesIn(layer[field], found);
        if (r.entity === 'person' && field === 'name') (people.get(r.entity_id) ?? people.set(r.entity_id, []).get(r.entity_id)!).push(...found);
        else others.push(...found);
      }
    }
  }
  const phones = (statement(db, "SELECT DISTINCT phone FROM people WHERE phone IS NOT NULL AND phone <> ''").all() as { phone: string }[]).map((r) => r.phone);
  const uniq = (xs: string[]) => [...new Set(xs.filter((x) => typeof x === 'string' && x.trim()))];
  return {
    salt: salt(db),
    people: [...people].map(([id, names]) => ({ id, names: uniq(names) })),
    households: [...households].map(([id, labels]) => ({ id, labels: uniq(labels) })),
    otherNames: uniq(others),
    phones,
  };
}
