// How search hits look: newest first, the matched words highlighted on a terminal.
import { findMarks, type HitView } from '../domain/search.js';
import { label, t } from '../i18n/index.js';
import { c } from './color.js';
import type { Listing } from './output.js';

/** The words inside a cell's (already cleaned and cut) text, highlighted. */
export function highlightWords(text: string, words: readonly string[], paint: (s: string) => string): string {
  let out = '';
  let at = 0;
  for (const [a, b] of findMarks(text, words)) {
    out += text.slice(at, a) + paint(text.slice(a, b));
    at = b;
  }
  return out + text.slice(at);
}

export function searchListing(hits: HitView[], words: readonly string[]): Listing<HitView> {
  return {
    columns: [
      { key: 'date', header: t('col.date'), value: (h) => h.date },
      { key: 'kind', header: t('col.kind'), value: (h) => h.kind, text: (h) => label('search.kind', h.kind) },
      { key: 'ref', header: t('search.col.ref'), value: (h) => `${h.ref.entity}#${h.ref.id}`, text: (h) => `#${h.ref.id}` },
      { key: 'person', header: t('col.person'), value: (h) => h.person },
      { key: 'field', header: t('search.col.field'), value: (h) => h.field },
      {
        key: 'snippet',
        header: t('search.col.snippet'),
        value: (h) => h.snippet,
        paint: () => (s: string) => highlightWords(s, words, (m) => c().bold.yellow(m)),
      },
    ],
    rows: hits,
    json: (h) => ({ kind: h.kind, ref: h.ref, date: h.date, person: h.person, field: h.field, snippet: h.snippet }),
    empty: t('msg.search_none'),
  };
}
