// One catalogue for every human-facing word. Each domain keeps its entries in its own file as
// [English, 中文] pairs side by side, so a missing translation shows in review and in a test.
import { cli } from './cli.js';
import { agenda } from './agenda.js';
import { core } from './core.js';
import { county } from './county.js';
import { countyPush } from './county-push.js';
import { countyReport } from './county-report.js';
import { decisions } from './decisions.js';
import { handover } from './handover.js';
import { ledger } from './ledger.js';
import { input } from './input.js';
import { dispute } from './dispute.js';
import { documents } from './documents.js';
import { guard } from './guard.js';
import { meetings } from './meetings.js';
import { pair } from './pair.js';
import { people } from './people.js';
import { plainText } from './plain.js';
import { plan } from './plan.js';
import { presence } from './presence.js';
import { report } from './report.js';
import { safety } from './safety.js';
import { undo } from './undo.js';
import { valid } from './valid.js';
import { search } from './search.js';
import { visits } from './visits.js';

export type Lang = 'en' | 'zh';
export type Entries = Record<string, readonly [string, string]>;

export type Params = Record<string, string | number>;

// Looked up in place, not merged into one object: copying a thousand entries would cost every
// start a few milliseconds. A key found in two files means what the later file says.
const catalogues = [core, cli, people, visits, dispute, pair, meetings, decisions, plan, report, safety, ledger, presence, agenda, documents, handover, guard, undo, valid, search, input, county, countyPush, countyReport] as const;

type KeysOf<T> = T extends unknown ? keyof T : never;

/** Every message key: deep code names one of these and the edge translates it. */
export type MessageKey = KeysOf<(typeof catalogues)[number]>;

// Keys looked up once are remembered: a ledger of 200,000 rows asks for the same labels each row.
const found = new Map<string, readonly [string, string] | undefined>();

function entryOf(key: string): readonly [string, string] | undefined {
  if (found.has(key)) return found.get(key);
  let entry: readonly [string, string] | undefined;
  for (let i = catalogues.length - 1; i >= 0 && entry === undefined; i--) {
    const c = catalogues[i] as Entries;
    if (Object.hasOwn(c, key)) entry = c[key];
  }
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
  return [...new Set(catalogues.flatMap((c) => Object.keys(c)))];
}

/**
 * Translate `key`, filling `{name}` placeholders. An unknown key shows itself (and a test catches it).
 * Values are cleaned of controls and invisible formatting: they are often what a user typed or
 * stored (a name, a setting), and every message ends up on a terminal.
 */
export function t(key: string, params: Record<string, string | number> = {}, lang: Lang = current): string {
  const entry = entryOf(key);
  const text = entry ? entry[lang === 'zh' ? 1 : 0] : key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? plainText(String(params[name])) : `{${name}}`));
}

/** The label of a canonical key (e.g. label('visit_category', 'poor-household')). */
export function label(kind: string, key: string, lang: Lang = current): string {
  const k = `${kind}.${key}`;
  return hasMessage(k) ? t(k, {}, lang) : key;
}

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
