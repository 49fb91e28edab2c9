// Redaction for reports that are shared: names become stable pseudonyms, phone numbers and the
// names inside free text are masked. Pure.

export interface Redactor {
  /** A roster person's pseudonym (initial plus id), or a plain name's (initial plus a short code). */
  person(name: string | null, id?: number | null): string;
  household(label: string | null, id?: number | null): string;
  /** Free text: roster and other known names replaced by their pseudonyms, household labels by H#id, phone numbers masked. */
  text(s: string | null): string;
}

const initial = (name: string) => Array.from(name.trim())[0] ?? '?';

/** A short, stable code for a name that has no roster id (e.g. a helper from the work team). */
function code(name: string): string {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return h.toString(36).slice(0, 4).toUpperCase();
}

// Mainland mobile numbers (also written 138 1234 5678 or 138-1234-5678) and landlines, and any
// other run of 7 or more digits.
const PHONE = /(?:\+?86[-\s]?)?(?:1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}|0\d{2,3}[-\s]?\d{7,8}|\d{7,})/g;

/** What the roster knows beyond names: household labels and phone numbers, masked in free text too. */
export interface RosterExtras {
  households?: ReadonlyArray<{ id: number; label: string }>;
  phones?: readonly string[];
}

// A household label is often the head's name ("王大山家"); a bare house number ("12") is not
// masked in text, or every date with a 12 in it would be.
const maskableLabel = (label: string) => label.trim().length >= 2 && /\p{L}/u.test(label);

export function makeRedactor(people: ReadonlyArray<{ id: number; name: string }>, otherNames: readonly string[] = [], extras: RosterExtras = {}): Redactor {
  const byName = new Map<string, string>();
  // One pseudonym per name in free text: the first roster id carrying it (names are not unique).
  for (const p of [...people].sort((a, b) => a.id - b.id)) if (!byName.has(p.name)) byName.set(p.name, `${initial(p.name)}#${p.id}`);
  for (const n of otherNames) if (n && !byName.has(n)) byName.set(n, `${initial(n)}·${code(n)}`);
  // Free text only: household labels and the roster's phone numbers exactly as typed (a person's
  // name that is also a label keeps the person's pseudonym).
  const inText = new Map(byName);
  for (const h of extras.households ?? []) if (maskableLabel(h.label) && !inText.has(h.label)) inText.set(h.label, `H#${h.id}`);
  for (const ph of extras.phones ?? []) if (ph && ph.trim().length >= 5 && !inText.has(ph)) inText.set(ph, '*'.repeat(Math.min(ph.length, 11)));
  const names = [...inText.keys()].filter((n) => n.trim().length >= 2).sort((a, b) => b.length - a.length);
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = escaped.length ? new RegExp(escaped.join('|'), 'g') : undefined;
  return {
    person(name, id) {
      if (!name) return '';
      if (id !== null && id !== undefined) return `${initial(name)}#${id}`;
      return byName.get(name) ?? `${initial(name)}·${code(name)}`;
    },
    household(labelText, id) {
      if (!labelText) return '';
      return id !== null && id !== undefined ? `H#${id}` : `H·${code(labelText)}`;
    },
    text(s) {
      if (!s) return '';
      // Known names, labels and numbers first (one pass, longest first), then anything phone-like.
      const known = pattern ? s.replace(pattern, (m) => inText.get(m) ?? m) : s;
      return known.replace(PHONE, (m) => '*'.repeat(Math.min(m.length, 11)));
    },
  };
}
