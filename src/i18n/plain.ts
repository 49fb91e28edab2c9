// Text typed by users, made safe to show on a terminal. Here, below every other layer, so that the
// catalogue can clean the values it fills into messages and render/ can clean what it prints.

// ESC and the other C0 controls except tab and newline, DEL, and the C1 range (CSI is U+009B).
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Characters that change what the eye sees without showing themselves: bidi embeddings, overrides
// and isolates (U+202A–202E, U+2066–2069, the marks U+200E/200F and U+061C), zero-width spaces and
// joiners (U+200B–200D, U+2060–2064, U+FEFF). A name can look like another one, or a line run backwards.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// Unicode's own line and paragraph separators: a line break the terminal does not show as one.
const SEPARATORS = /[\u2028\u2029]/g;

// Any of the three above: most text has none, and one test is cheaper than three replaces.
// eslint-disable-next-line no-control-regex
const ANY = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u2028\u2029]/;

/** Controls and invisible formatting removed, Unicode line separators made spaces (tab and newline kept). */
export function plainText(s: string): string {
  if (!ANY.test(s)) return s;
  return s.replace(CONTROLS, '').replace(INVISIBLE, '').replace(SEPARATORS, ' ');
}
