// One catalogue for every human-facing word. Each domain keeps its entries in its own file as
// [English, 中文] pairs side by side, so a missing translation shows in review and in a test
// (the files, in order, are listed in catalogues.ts). Lookups go through the packed form
// (pack.ts), which the build computes once instead of every start.
import type { catalogues } from './catalogues.js';
import { PackedCatalogue } from './pack.js';
import { PACKED } from './packed.js';
import { plainText } from './plain.js';

export type Lang = 'en' | 'zh';
export type Entries = Record<string, readonly [string, string]>;

export type Params = Record<string, string | number>;

const catalogue = new PackedCatalogue(PACKED);

type KeysOf<T> = T extends unknown ? keyof T : never;

/** Every message key: deep code names one of these and the edge translates it. */
export type MessageKey = KeysOf<(typeof catalogues)[number]>;

// Keys looked up once are remembered: a ledger of 200,000 rows asks for the same labels each row.
const found = new Map<string, readonly [string, string] | undefined>();

function entryOf(key: string): readonly [string, string] | undefined {
  if (found.has(key)) return found.get(key);
  const entry = catalogue.entry(key);
  found.set(key, entry);
  return entry;
}

let current: Lang = 'en';

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

/** `--lang` > FS_LANG > LC_ALL / LANG (zh* → zh) > en. */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const pick = (v: string | undefined): Lang | undefined => {
    if (!v) return undefined;
    return v.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  };
  return pick(flag) ?? pick(env.FS_LANG) ?? pick(env.LC_ALL) ?? pick(env.LANG) ?? 'en';
}

export function hasMessage(key: string): boolean {
  return entryOf(key) !== undefined;
}

export function catalogueKeys(): string[] {
  return catalogue.keys();
}

/**
 * Translate `key`, filling `{name}` placeholders. An unknown key shows itself (and a test catches it).
 * Values are cleaned of controls and invisible formatting: they are often what a user typed or
 * stored (a name, a setting), and every message ends up on a terminal.
 */
export function t(key: string, params: Record<string, string | number> = {}, lang: Lang = current): string {
  const entry = entryOf(key);
  const text = entry ? entry[lang === 'zh' ? 1 : 0] : key;
  if (!text.includes('{')) return text;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? plainText(String(params[name])) : `{${name}}`));
}

/** The label of a canonical key (e.g. label('visit_category', 'poor-household')). */
export function label(kind: string, key: string, lang: Lang = current): string {
  // Remembered by kind, then key: a long listing asks for the same few labels on every row.
  const byKind = labels[lang];
  let keys = byKind.get(kind);
  if (!keys) byKind.set(kind, (keys = new Map()));
  let text = keys.get(key);
  if (text === undefined) {
    const k = `${kind}.${key}`;
    text = hasMessage(k) ? t(k, {}, lang) : key;
    if (keys.size < 1000) keys.set(key, text);
  }
  return text;
}

const labels: Record<Lang, Map<string, Map<string, string>>> = { en: new Map(), zh: new Map() };

/** The list separator for human output. */
export function joinList(items: string[], lang: Lang = current): string {
  return items.join(lang === 'zh' ? '、' : ', ');
}

/** A message not yet translated: what deep code hands to the edge. */
export interface Message {
  key: MessageKey;
  params: Params;
}

export function msg(key: MessageKey, params: Params = {}): Message {
  return { key, params };
}
