// Listings for history, import counts and doctor checks; one-line descriptions of logged changes.
import type { DoctorCheck } from '../domain/doctor.js';
import { IMPORT_OP, UNDO_OP, type ChangeEntry, type ChangeSet } from '../domain/history.js';
import type { TableCounts } from '../domain/transfer.js';
import { c } from './color.js';
import { joinList, label, t } from '../i18n/index.js';
import { maskToTopics } from '../domain/visits.js';
import type { Listing } from './output.js';

const MAX_VALUE = 40;

function show(v: unknown): string {
  if (v === null || v === undefined) return '∅';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  const one = s.replace(/\s+/g, ' ');
  return one.length > MAX_VALUE ? `${one.slice(0, MAX_VALUE - 1)}…` : one;
}

/** The label kind of a logged field's stored keys: by entity and field, else by the field wherever it is. */
const KEYS_LABELLED: Readonly<Record<string, string>> = {
  tags: 'person_tag',
  source: 'dispute_source',
  channel: 'petition_channel',
  risk: 'dispute_risk',
  flags: 'dispute_flag',
  from_status: 'dispute_status',
  to_status: 'dispute_status',
  type: 'meeting_type',
  area: 'plan_area',
  step: 'decision_step',
  leave_type: 'leave_type',
  'visit.category': 'visit_category',
  'dispute.category': 'dispute_category',
  'dispute.status': 'dispute_status',
  'dispute_event.kind': 'dispute_event',
  'concern.status': 'concern_status',
  'decision.kind': 'decision_kind',
  'decision.status': 'decision_status',
  'plan.kind': 'plan_kind',
  'plan.status': 'plan_status',
  'milestone.status': 'plan_status',
  'pair.kind': 'pair_kind',
  'pair.status': 'pair_status',
  'presence.status': 'presence_status',
};

/** Fields stored as 0/1 (or true/false): yes or no in words. */
const YES_NO_FIELDS = new Set(['combined', 'court_confirmation', 'forced', 'passed', 'performed', 'present', 'satisfied', 'vote', 'workday']);

/** A logged field's name in the user's language ("village_group" → 村民小组); a field without a label shows as stored. */
function fieldName(field: string): string {
  return label('field', field);
}

/** A logged value as the user knows it: a key or keys by their labels, a visit's topics by name, 0/1 as yes/no. */
function valueText(e: ChangeEntry, field: string, v: unknown): string {
  const kind = KEYS_LABELLED[`${e.entity}.${field}`] ?? KEYS_LABELLED[field];
  if (kind && typeof v === 'string') {
    const list = v.startsWith('[') ? parsedKeys(v) : undefined;
    if (list) return show(joinList(list.map((k) => label(kind, k))));
    return show(label(kind, v));
  }
  if (e.entity === 'visit' && field === 'topics' && typeof v === 'number') return show(joinList(maskToTopics(v).map((k) => label('visit_topic', k))));
  if (YES_NO_FIELDS.has(field) && (v === 0 || v === 1 || typeof v === 'boolean')) return label('yes_no', v ? 'yes' : 'no');
  return show(v);
}

/** A JSON array of keys, or undefined. */
function parsedKeys(v: string): string[] | undefined {
  try {
    const list: unknown = JSON.parse(v);
    return Array.isArray(list) && list.every((k) => typeof k === 'string') ? list : undefined;
  } catch {
    return undefined;
  }
}

/** "电话：∅ → 138…" / "phone: ∅ → 138…": a field that changed. */
function changed(e: ChangeEntry, field: string, before: unknown, after: unknown): string {
  return `${fieldName(field)}${t('history.colon')}${valueText(e, field, before)} → ${valueText(e, field, after)}`;
}

/** "姓名：王秀英" / "name: 王秀英": a field as written. */
function written(e: ChangeEntry, field: string, v: unknown): string {
  return `${fieldName(field)}${t('history.colon')}${valueText(e, field, v)}`;
}

/** What a logged change did, in one line: "notes: roof → roof and wall", "date: 2026-11-20; …". */
export function summariseChange(e: ChangeEntry): string {
  const c = e.changes;
  if (e.op === IMPORT_OP) return t('history.import', { source: show(c.source), added: show(c.added), updated: show(c.updated), skipped: show(c.skipped) });
  if (e.op === UNDO_OP) {
    const rest = Object.entries(c).filter(([k]) => k !== 'undoes' && k !== 'undone_op');
    return `${t('history.undo_of', { id: show(c.undoes) })}${rest.length ? `${t('history.colon')}${rest.map(([k, v]) => written(e, k, v)).join(t('history.sep'))}` : ''}`;
  }
  if (e.op === 'delete') return t('history.deleted');
  if (e.op === 'update' && e.entity === 'setting' && typeof c.key === 'string') {
    // "village: ∅ → 柳树村" (∅: not set, its default applied); logged before 0006 without the old value.
    const before = c.before && typeof c.before === 'object' ? (c.before as Record<string, unknown>) : undefined;
    return before && 'value' in before ? `${c.key}${t('history.colon')}${show(before.value)} → ${show(c.value)}` : `${c.key} = ${show(c.value)}`;
  }
  if (e.op === 'update') {
    const before = (c.before && typeof c.before === 'object' ? c.before : {}) as Record<string, unknown>;
    return Object.keys(c)
      .filter((k) => k !== 'before')
      .map((k) => (k in before ? changed(e, k, before[k], c[k]) : written(e, k, c[k])))
      .join(t('history.sep'));
  }
  return Object.entries(c)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => written(e, k, v))
    .join(t('history.sep'));
}

export function opLabel(op: string): string {
  return label('op', op);
}

/** "#12 2026-11-27 10:30 update visit #5: notes: a → b" */
export function describeChange(e: ChangeEntry): string {
  const what = e.entity_id ? `${label('entity', e.entity)} #${e.entity_id}` : label('entity', e.entity);
  return `#${e.id} ${localTime(e.at)} ${opLabel(e.op)} ${what}${t('history.colon')}${summariseChange(e)}`;
}

const SET_ROWS_SHOWN = 6;
const INSERT_FIELDS_SHOWN = 3;

/** An added record in a few words: its first fields that say what it is (not ids, not empty). */
function briefInsert(e: ChangeEntry): string {
  const fields = Object.entries(e.changes).filter(([k, v]) => !k.endsWith('_id') && v !== null && v !== undefined && v !== '' && v !== '[]');
  const shown = fields.slice(0, INSERT_FIELDS_SHOWN).map(([k, v]) => written(e, k, v));
  return fields.length > INSERT_FIELDS_SHOWN ? `${shown.join(t('history.sep'))}${t('history.sep')}…` : shown.join(t('history.sep'));
}

/** "#5 2026-11-27 10:30:00 visit add: add visit #3: …; add concern #4: text=甲; add concern #5: text=乙" */
export function describeSet(set: ChangeSet, entries: readonly ChangeEntry[]): string {
  const rows = entries.slice(0, SET_ROWS_SHOWN).map((e) => {
    const what = e.entity_id ? `${label('entity', e.entity)} #${e.entity_id}` : label('entity', e.entity);
    return `${opLabel(e.op)} ${what}${t('history.colon')}${e.op === 'insert' ? briefInsert(e) : summariseChange(e)}`;
  });
  if (entries.length > SET_ROWS_SHOWN) rows.push(t('msg.undo_more', { n: entries.length - SET_ROWS_SHOWN }));
  const name = set.command ? ` ${set.command}` : '';
  return `#${set.id} ${localTime(set.at)}${name}${t('history.colon')}${rows.join(t('history.rows_sep'))}`;
}

/** An ISO stamp in the machine's local time, to the second: what the user saw on the clock. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

type HistoryRow = ChangeEntry & { undone_by: number | null; change_set: number | null; command: string; set_undone_by: number | null };

export function historyListing(entries: HistoryRow[]): Listing<HistoryRow> {
  // A set's first row (newest first: its last written) names the set; its other rows leave it blank.
  const heads = new Set<number>();
  const seen = new Set<number | null>();
  for (const e of entries) if (!seen.has(e.change_set)) (seen.add(e.change_set), heads.add(e.id));
  return {
    columns: [
      { key: 'id', header: t('col.change'), value: (e) => e.id, optional: true },
      { key: 'at', header: t('col.at'), value: (e) => e.at, text: (e) => localTime(e.at) },
      { key: 'entity', header: t('col.entity'), value: (e) => e.entity, text: (e) => label('entity', e.entity) },
      { key: 'entity_id', header: t('col.id'), value: (e) => e.entity_id || null },
      { key: 'op', header: t('col.op'), value: (e) => e.op, text: (e) => opLabel(e.op) },
      { key: 'changes', header: t('col.changes'), value: (e) => e.changes, text: (e) => summariseChange(e), maxWidth: 70 },
      { key: 'undone_by', header: t('col.undone_by'), value: (e) => e.undone_by, text: (e) => (e.undone_by ? `#${e.undone_by}` : ''), optional: true },
      { key: 'change_set', header: t('col.change_set'), value: (e) => e.change_set, text: (e) => (heads.has(e.id) && e.change_set ? `#${e.change_set}` : '') },
      { key: 'command', header: t('col.command'), value: (e) => e.command, text: (e) => (heads.has(e.id) ? e.command : '') },
      { key: 'set_undone_by', header: t('col.set_undone_by'), value: (e) => e.set_undone_by, text: (e) => (heads.has(e.id) && e.set_undone_by ? `#${e.set_undone_by}` : ''), optional: true },
    ],
    rows: entries,
    json: (e) => ({
      id: e.id,
      at: e.at,
      entity: e.entity,
      entity_id: e.entity_id,
      entity_uid: e.entity_uid,
      op: e.op,
      changes: e.changes,
      undone_by: e.undone_by,
      change_set: e.change_set,
      command: e.command,
      set_undone_by: e.set_undone_by,
    }),
    empty: t('msg.no_history'),
  };
}

export function importListing(counts: TableCounts[]): Listing<TableCounts> {
  return {
    columns: [
      { key: 'entity', header: t('col.entity'), value: (r) => r.entity },
      { key: 'added', header: t('col.added'), value: (r) => r.added },
      { key: 'updated', header: t('col.updated'), value: (r) => r.updated },
      { key: 'skipped', header: t('col.skipped'), value: (r) => r.skipped },
    ],
    rows: counts,
  };
}

export function doctorListing(checks: DoctorCheck[]): Listing<DoctorCheck> {
  return {
    columns: [
      { key: 'check', header: t('col.check'), value: (c) => c.check, text: (c) => label('doctor_check', c.check) },
      {
        key: 'status',
        header: t('col.status'),
        value: (c) => c.status,
        text: (c) => label('check_status', c.status),
        paint: (k) => (k.status === 'problem' ? c().red : k.status === 'warn' ? c().yellow : c().green),
      },
      { key: 'detail', header: t('col.detail'), value: (c) => c.detail },
    ],
    rows: checks,
  };
}
