// Redaction for documents that are shared: the one module that decides what a name, a household
// and a phone number become. Pure: the facts come from src/db/redact.ts (redactionFacts).
//
// A name becomes a pseudonym in the reader's convention: in zh surname + 某 (刘某, and 刘某2 where
// two would collide), in en initials (L.M., L.M.2). Which of two 刘 is 刘某 and which 刘某2 is
// decided by an HMAC keyed with the ledger's own secret salt: whoever holds the roster still
// cannot tell who is who by hashing or ordering names. Every name the ledger has ever held (old
// names, removed people, helpers, chairs, parties, participants, the secretary) is masked in text.
import type * as Crypto from 'node:crypto';
import type { Lang } from '../i18n/index.js';

/**
 * node:crypto costs every start a few milliseconds to load: it is required when a redactor first
 * hashes a name, not by every command whose code could redact (a report without --redact).
 */
const createHmac: typeof Crypto.createHmac = (...args) => (require('node:crypto') as typeof Crypto).createHmac(...args);

/** What the ledger knows about the names in it, gathered by src/db/redact.ts. */
export interface LedgerFacts {
  /** The ledger's secret (a random hex string stored in the database, never printed). */
  salt: string;
  /** Roster people: every name each has held, the current one first. */
  people: ReadonlyArray<{ id: number; names: readonly string[] }>;
  /** Households: every label each has had, the current one first. */
  households: ReadonlyArray<{ id: number; labels: readonly string[] }>;
  /** Names that are not roster people: helpers, chairs, recorders, owners, parties, attendees, participants, the secretary. */
  otherNames: readonly string[];
  /** Phone numbers on the roster, as typed. */
  phones: readonly string[];
}

export interface Redactor {
  /** A person's pseudonym: by roster id when known, else by name (a plain name, or a roster name). */
  name(name: string | null | undefined, id?: number | null): string;
  /** The same as name(): kept for callers written before name(). */
  person(name: string | null | undefined, id?: number | null): string;
  /** A household's pseudonym (某户3 / Household 3). */
  household(label: string | null | undefined, id?: number | null): string;
  /** Free text: every known name and household label replaced by its pseudonym, phone numbers masked. */
  text(s: string | null | undefined): string;
  /** Phone numbers (and long digit runs) masked, nothing else touched. */
  phone(s: string | null | undefined): string;
}

// Two-character surnames (复姓) that are still in use.
const COMPOUND = new Set(
  '欧阳 司马 诸葛 上官 东方 皇甫 令狐 慕容 司徒 公孙 夏侯 尉迟 长孙 宇文 轩辕 端木 独孤 南宫 西门 澹台 公冶 申屠 太史 闻人 赫连 呼延 钟离 万俟 濮阳 淳于 单于 百里 东郭 南门 羊舌 微生 梁丘 左丘 第五'.split(' '),
);

/** The key a name is known by: NFKC, single spaces, case-folded (Latin names match whatever the case). */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const HAN = /\p{Script=Han}/u;

/** What a pseudonym is built from: the surname (zh) or the initials (en). */
function pseudonymBase(name: string, lang: Lang): string {
  const n = name.normalize('NFKC').trim();
  const chars = Array.from(n);
  if (HAN.test(chars[0] ?? '')) {
    const surname = chars.length > 2 && COMPOUND.has(chars.slice(0, 2).join('')) ? chars.slice(0, 2).join('') : chars[0]!;
    // A name that is only a surname (or one character) would show itself: 某 alone.
    const safe = chars.length > Array.from(surname).length ? surname : '';
    return lang === 'zh' ? `${safe}某` : safe ? `${safe}.` : 'X.';
  }
  const initials = n
    .split(/[\s·.\-_]+/)
    .filter(Boolean)
    .map((w) => Array.from(w)[0]!.toUpperCase())
    .join('.');
  // A one-word Latin name keeps only its initial; none at all (digits, symbols) is X.
  return initials ? `${initials}.` : 'X.';
}

const LATIN_ONLY = /^[\p{Script=Latin}\p{N}\s.'’·\-]+$/u;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// A household label is often the head's name ("王大山家"); a bare house number ("12") is not
// masked in text, or every date with a 12 in it would be.
const maskableLabel = (label: string) => label.trim().length >= 2 && /\p{L}/u.test(label);

// Phone numbers: mainland mobiles (any grouping: 138 1234 5678, 138.1234.5678, 138-1234-5678),
// landlines with or without brackets ((0731) 8888 9999, 0851-88776655), an optional +86, and any
// other run of 7 or more digits. Matched on a copy with full-width digits and separators made
// ASCII (each is one UTF-16 unit, so indexes carry over to the original).
const SEP = '[\\s.\\-·]?';
const PHONE = new RegExp(
  [
    `(?:\\+?86${SEP})?1[3-9](?:${SEP}\\d){9}`,
    `\\(?0\\d{2,3}\\)?${SEP}\\d{3,4}${SEP}\\d{4}`,
    '\\d{7,}',
  ]
    .map((p) => `(?<!\\d)${p}(?!\\d)`)
    .join('|'),
  'g',
);
const FULL_WIDTH: Record<string, string> = { '（': '(', '）': ')', '－': '-', '．': '.', '　': ' ', '＋': '+' };

function asciiDigits(s: string): string {
  return s.replace(/[０-９（）－．　＋]/g, (ch) => FULL_WIDTH[ch] ?? String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export function maskPhones(s: string): string {
  const plain = asciiDigits(s);
  let out = '';
  let last = 0;
  for (const m of plain.matchAll(PHONE)) {
    out += s.slice(last, m.index) + '*'.repeat(Math.min(m[0].length, 11));
    last = m.index! + m[0].length;
  }
  return out + s.slice(last);
}

/** Number pseudonyms that share a base in an order only the salt knows: 刘某, 刘某2, 刘某3. */
function assign(identities: Array<{ key: string; base: string }>, salt: string, numbered: (base: string, n: number) => string): Map<string, string> {
  const rank = (key: string) => createHmac('sha256', salt).update(key).digest('hex');
  const groups = new Map<string, Array<{ key: string; rank: string }>>();
  for (const id of identities) {
    const g = groups.get(id.base) ?? [];
    g.push({ key: id.key, rank: rank(id.key) });
    groups.set(id.base, g);
  }
  const out = new Map<string, string>();
  for (const [base, g] of groups) {
    g.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
    g.forEach((x, i) => out.set(x.key, numbered(base, i + 1)));
  }
  return out;
}

export function makeRedactor(facts: LedgerFacts, lang: Lang = 'zh'): Redactor {
  // Identities: a roster person (by id) or a plain name (by its key). A plain name that any roster
  // person has held is that person (the lowest id when several have held it).
  const byName = new Map<string, string>(); // name key → identity key
  const firstName = new Map<string, string>(); // identity key → the name its base comes from
  const people = [...facts.people].sort((a, b) => a.id - b.id);
  for (const p of people) {
    const current = p.names.find((n) => n.trim());
    if (current) firstName.set(`p:${p.id}`, current);
  }
  // Current names first (a name someone holds now points at them), then the names held before.
  for (const p of people) if (p.names[0]?.trim() && !byName.has(nameKey(p.names[0]))) byName.set(nameKey(p.names[0]), `p:${p.id}`);
  for (const p of people) for (const n of p.names) if (n.trim() && !byName.has(nameKey(n))) byName.set(nameKey(n), `p:${p.id}`);
  for (const n of facts.otherNames) {
    if (!n?.trim() || byName.has(nameKey(n))) continue;
    byName.set(nameKey(n), `n:${nameKey(n)}`);
    firstName.set(`n:${nameKey(n)}`, n);
  }
  const numberedName = (base: string, n: number) => (n === 1 ? base : `${base}${n}`);
  const pseudonyms = assign(
    [...firstName].map(([key, n]) => ({ key, base: pseudonymBase(n, lang) })),
    facts.salt,
    numberedName,
  );
  const householdWord = (n: number) => (lang === 'zh' ? `某户${n}` : `Household ${n}`);
  const households = assign(
    facts.households.map((h) => ({ key: `h:${h.id}`, base: '' })),
    facts.salt,
    (_b, n) => householdWord(n),
  );
  const householdByLabel = new Map<string, string>();
  for (const h of facts.households) for (const l of h.labels) if (l.trim() && !householdByLabel.has(nameKey(l))) householdByLabel.set(nameKey(l), `h:${h.id}`);

  // A name the ledger never held still never shows as itself: a pseudonym from its base and a
  // salted number above every assigned one.
  const unknown = (n: string) => {
    const h = createHmac('sha256', facts.salt).update(`u:${nameKey(n)}`).digest();
    return numberedName(pseudonymBase(n, lang), 100 + (h.readUInt32BE(0) % 900));
  };
  const nameOf = (n: string | null | undefined, id?: number | null): string => {
    if (id !== null && id !== undefined) {
      const p = pseudonyms.get(`p:${id}`);
      if (p) return p;
    }
    if (!n || !n.trim()) return '';
    const key = byName.get(nameKey(n));
    return (key && pseudonyms.get(key)) ?? unknown(n);
  };

  // Free text: names and labels, longest first, in one pass; Latin names only as whole words.
  const inText = new Map<string, string>();
  for (const [k, id] of householdByLabel) if (maskableLabel(k)) inText.set(k, households.get(id)!);
  for (const [k, id] of byName) inText.set(k, pseudonyms.get(id)!);
  for (const ph of facts.phones) if (ph && ph.trim().length >= 5 && !inText.has(nameKey(ph))) inText.set(nameKey(ph), '*'.repeat(Math.min(ph.length, 11)));
  const alternatives = [...inText.keys()]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((k) => (LATIN_ONLY.test(k) ? `(?<![\\p{L}\\p{N}])${escapeRe(k)}(?![\\p{L}\\p{N}])` : escapeRe(k)));
  const pattern = alternatives.length ? new RegExp(alternatives.join('|'), 'giu') : undefined;

  const text = (s: string | null | undefined): string => {
    if (!s) return '';
    // Case-insensitive: a Latin name typed in another case still matches.
    const known = pattern ? s.replace(pattern, (m) => inText.get(nameKey(m)) ?? m) : s;
    return maskPhones(known);
  };
  return {
    name: nameOf,
    person: nameOf,
    household(label, id) {
      if (id !== null && id !== undefined && households.has(`h:${id}`)) return households.get(`h:${id}`)!;
      if (!label || !label.trim()) return '';
      const key = householdByLabel.get(nameKey(label));
      if (key) return households.get(key)!;
      const h = createHmac('sha256', facts.salt).update(`hu:${nameKey(label)}`).digest();
      return householdWord(1000 + (h.readUInt32BE(0) % 9000));
    },
    text,
    phone: (s) => (s ? maskPhones(s) : ''),
  };
}
