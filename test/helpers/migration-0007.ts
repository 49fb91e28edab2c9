// Builds migration 0007 (CHECK constraints and the local "added on" dates) from the schema the
// earlier migrations make and from the domain's rules (src/domain/constraints.ts, settings.ts).
// test/db/constraints.test.ts proves the shipped file is exactly this text; after a change to an
// earlier migration or to the rules, rewrite it with:
//   FS_WRITE_MIGRATION=1 npx vitest run test/db/constraints.test.ts
import { COLUMN_RULES, type Rule } from '../../src/domain/constraints.js';
import { settingSpecs } from '../../src/domain/settings.js';
import type { Db } from '../../src/db/open.js';
import { q } from '../../src/db/schema.js';

export const MIGRATION_0007 = '0007_checks_and_local_dates.sql';

/** Tables that get the local date they were added to the roster or the plan. */
export const ADDED_ON_TABLES = ['households', 'people', 'plans'] as const;

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const list = (keys: readonly string[]) => `(${keys.map(lit).join(', ')})`;

/** The CHECK expression of a rule on column c (true or NULL when the value is fine). */
export function checkSql(rule: Rule, c: string): string {
  // Unquoted: SQLite names a failed CHECK by its text, and cuts a quoted one down to the name.
  if (!/^[a-z_]+$/.test(c)) throw new Error(`constraints: column name ${c}`);
  const col = c;
  switch (rule.kind) {
    case 'date':
      return `date(${col}) IS ${col}`;
    case 'key':
      return `${col} IN ${list(rule.keys)}`;
    case 'keys':
      // A CHECK may not read json_each (a subquery): the shape here, the members in the CLI and import.
      return `json_valid(${col}) AND json_type(${col}) = 'array'`;
    case 'int':
      return `${col} IS NULL OR (typeof(${col}) = 'integer' AND ${col} >= ${rule.min}${rule.max === undefined ? '' : ` AND ${col} <= ${rule.max}`})`;
    case 'bool':
      return `${col} IN (0, 1)`;
    case 'amount':
      return `${col} IS NULL OR (typeof(${col}) IN ('integer', 'real') AND ${col} >= 0)`;
  }
}

/** The value kept for a row whose old value breaks the rule (the old one goes to migration_repairs). */
function repairSql(rule: Rule, c: string, notnull: boolean): string {
  const col = q(c);
  if (rule.kind === 'date') {
    // A timestamp or a date written with / or . keeps its day; anything else is unknown.
    const forms = [`substr(${col}, 1, 10)`, `replace(replace(${col}, '/', '-'), '.', '-')`];
    const tries = forms.map((f) => `WHEN date(${f}) IS ${f} THEN ${f}`).join(' ');
    const last = notnull ? `coalesce(date(created_at, 'localtime'), date('now', 'localtime'))` : 'NULL';
    return `CASE WHEN ${checkSql(rule, c)} THEN ${col} ${tries} ELSE ${last} END`;
  }
  let fallback = 'NULL';
  if (notnull) {
    if (rule.kind === 'key') fallback = lit(rule.keys.includes('other') ? 'other' : rule.keys[0]!);
    else if (rule.kind === 'keys') fallback = "'[]'";
    else if (rule.kind === 'int') fallback = String(rule.min);
    else fallback = '0';
  }
  return `CASE WHEN coalesce(${checkSql(rule, c)}, 1) THEN ${col} ELSE ${fallback} END`;
}

/** The settings rules as one CHECK: each key's value as `fs config set` would store it. */
function settingsCheck(): string {
  const cases = settingSpecs()
    .filter((s) => s.shape)
    .map((s) => {
      const shape = s.shape!;
      const test = shape.kind === 'positive-int' ? `value GLOB '[1-9]*' AND value NOT GLOB '*[^0-9]*' AND length(value) <= 9` : `value IN ${list(shape.choices)}`;
      return `    WHEN ${lit(s.key)} THEN ${test}`;
    });
  return `CASE key\n${cases.join('\n')}\n    ELSE 1 END`;
}

interface Col {
  name: string;
  notnull: number;
  pk: number;
}

function rebuild(db: Db, table: string, checks: { column: string; sql: string; repair: string }[], keyExpr: string, tableChecks: string[] = []): string {
  const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string };
  const body = sql.slice(sql.indexOf('(') + 1, sql.lastIndexOf(')')).replace(/\s+$/, '');
  const cols = (db.prepare('SELECT name, "notnull", pk FROM pragma_table_info(?) ORDER BY cid').all(table) as Col[]).map((c) => c.name);
  const tmp = `${table}_0007`;
  const suffix = /WITHOUT ROWID\s*$/i.test(sql) ? ' WITHOUT ROWID' : '';
  const others = db.prepare("SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name").all(table) as { sql: string }[];
  const byColumn = new Map(checks.map((c) => [c.column, c.repair]));
  const out = [
    `-- ${table}`,
    `CREATE TABLE ${q(tmp)} (${body},\n${[...checks.map((c) => c.sql), ...tableChecks].map((c) => `  CHECK (${c})`).join(',\n')}\n)${suffix};`,
    ...checks.map(
      (c) =>
        `INSERT INTO migration_repairs (tbl, row_key, col, old_value, new_value)\n  SELECT ${lit(table)}, ${keyExpr}, ${lit(c.column)}, ${q(c.column)}, ${c.repair} FROM ${q(table)} WHERE NOT coalesce(${c.sql}, 1);`,
    ),
    `INSERT INTO ${q(tmp)} (${cols.map(q).join(', ')})\n  SELECT ${cols.map((c) => byColumn.get(c) ?? q(c)).join(',\n         ')}\n  FROM ${q(table)};`,
    `DROP TABLE ${q(table)};`,
    `ALTER TABLE ${q(tmp)} RENAME TO ${q(table)};`,
    ...others.map((o) => `${o.sql};`),
  ];
  return out.join('\n');
}

const HEADER = `-- 0007: nothing the CLI would refuse can be stored, and the local dates reports need.
-- GENERATED by test/helpers/migration-0007.ts from src/domain/constraints.ts and settings.ts (the
-- domain's key lists): test/db/constraints.test.ts fails if this file and the rules drift apart.
--
-- 1. CHECK constraints: dates are 'YYYY-MM-DD' (date(x) IS x also refuses 2026-02-30), keys are
--    the domain's canonical keys, counts are whole numbers >= 0, flags 0/1, percent 0-100, the
--    settings hold what \`fs config set\` accepts. SQLite adds a CHECK only by rebuilding the table
--    (create the new one, copy, drop, rename; foreign keys off meanwhile, checked before commit by
--    the migration runner): ids, uids, rows, indexes and triggers are kept as they were.
-- 2. A value an older version or an import let in is not thrown away: the row keeps a repaired
--    value (a timestamp's or a 2026/11/20's day; a nullable value becomes NULL; a required key
--    becomes 'other' or the list's first key) and migration_repairs keeps the old one, to look at.
-- 3. added_on: the LOCAL day a household, a person or a plan item was added ("today", which
--    --today pins, when written). Reports read it instead of cutting a day out of the UTC
--    created_at, which is yesterday before 08:00 in China. Backfilled from created_at in local time.

-- What this migration changed, value by value (not exported: local history, like change_log).
CREATE TABLE migration_repairs (
  id        INTEGER PRIMARY KEY,
  tbl       TEXT NOT NULL,
  row_key   TEXT NOT NULL,
  col       TEXT NOT NULL,
  old_value,
  new_value
);
`;

/** The migration's text, for a database at the schema just before it. */
export function buildMigration0007(db: Db): string {
  const parts = [HEADER];
  for (const table of ADDED_ON_TABLES) {
    const stmt = `ALTER TABLE ${q(table)} ADD COLUMN added_on TEXT;\nUPDATE ${q(table)} SET added_on = date(created_at, 'localtime');`;
    db.exec(stmt);
    parts.push(stmt);
  }
  for (const [table, rules] of Object.entries(COLUMN_RULES)) {
    const cols = db.prepare('SELECT name, "notnull", pk FROM pragma_table_info(?) ORDER BY cid').all(table) as Col[];
    if (cols.length === 0) throw new Error(`constraints: no table ${table}`);
    const checks = Object.entries(rules).map(([column, rule]) => {
      const col = cols.find((c) => c.name === column);
      if (!col) throw new Error(`constraints: no column ${table}.${column}`);
      return { column, sql: checkSql(rule, column), repair: repairSql(rule, column, col.notnull === 1) };
    });
    const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const keyExpr = pk.length ? pk.map((c) => q(c.name)).join(` || ':' || `) : 'rowid';
    parts.push(rebuild(db, table, checks, keyExpr));
  }
  // Settings: a value fs would refuse is removed (the default applies again) and kept in migration_repairs.
  const check = settingsCheck();
  parts.push(
    [
      '-- settings',
      `INSERT INTO migration_repairs (tbl, row_key, col, old_value, new_value)\n  SELECT 'settings', key, 'value', value, NULL FROM settings WHERE NOT (${check});`,
      `DELETE FROM settings WHERE NOT (${check});`,
      rebuild(db, 'settings', [], 'key', [check]),
    ].join('\n'),
  );
  return `${parts.join('\n\n')}\n`;
}
