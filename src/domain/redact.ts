// Redaction for reports that are shared: names become stable pseudonyms, phone numbers and the
// names inside free text are masked. Pure.

export interface Redactor {
  /** A roster person's pseudonym (initial plus id), or a plain name's (initial plus a short code). */
  person(name: string | null, id?: number | null): string;
  household(label: string | null, id?: number | null): string;
  /** Free text: roster and other known names replaced by their pseudonyms, phone numbers masked. */
  text(s: string | null): string;
}

const initial = (name: string) => Array.from(name.trim())[0] ?? '?';

/** A short, stable code for a name that has no roster id (e.g. a helper from the work team). */
function code(name: string): string {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return h.toString(36).slice(0, 4).toUpperCase();
}

// Mainland mobile and landline numbers, and any other run of 7 or more digits.
const PHONE = /(?:\+?86[-\s]?)?(?:1[3-9]\d{9}|0\d{2,3}[-\s]?\d{7,8}|\d{7,})/g;

export function makeRedactor(people: ReadonlyArray<{ id: number; name: string }>, otherNames: readonly string[] = []): Redactor {
  const byName = new Map<string, string>();
  // One pseudonym per name in free text: the first roster id carrying it (names are not unique).
  for (const p of [...people].sort((a, b) => a.id - b.id)) if (!byName.has(p.name)) byName.set(p.name, `${initial(p.name)}#${p.id}`);
  for (const n of otherNames) if (n && !byName.has(n)) byName.set(n, `${initial(n)}·${code(n)}`);
  const names = [...byName.keys()].filter((n) => n.trim().length >= 2).sort((a, b) => b.length - a.length);
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
      const masked = s.replace(PHONE, (m) => '*'.repeat(Math.min(m.length, 11)));
      return pattern ? masked.replace(pattern, (m) => byName.get(m) ?? m) : masked;
    },
  };
}
