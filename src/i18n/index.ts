// One catalogue for every human-facing word. Each domain keeps its entries in its own file as
// [English, 中文] pairs side by side, so a missing translation shows in review and in a test.
import { core } from './core.js';
import { decisions } from './decisions.js';
import { input } from './input.js';
import { dispute } from './dispute.js';
import { meetings } from './meetings.js';
import { pair } from './pair.js';
import { people } from './people.js';
import { plan } from './plan.js';
import { report } from './report.js';
import { safety } from './safety.js';
import { visits } from './visits.js';

export type Lang = 'en' | 'zh';
export type Entries = Record<string, readonly [string, string]>;

export type Params = Record<string, string | number>;

const catalogue = { ...core, ...people, ...visits, ...dispute, ...pair, ...meetings, ...decisions, ...plan, ...report, ...safety, ...input };

/** Every message key: deep code names one of these and the edge translates it. */
export type MessageKey = keyof typeof catalogue;
const entries: Entries = catalogue;

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
  return key in entries;
}

export function catalogueKeys(): string[] {
  return Object.keys(entries);
}

/** Translate `key`, filling `{name}` placeholders. An unknown key shows itself (and a test catches it). */
export function t(key: string, params: Record<string, string | number> = {}, lang: Lang = current): string {
  const entry = entries[key];
  const text = entry ? entry[lang === 'zh' ? 1 : 0] : key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

/** The label of a canonical key (e.g. label('visit_category', 'poor-household')). */
export function label(kind: string, key: string, lang: Lang = current): string {
  const k = `${kind}.${key}`;
  return k in entries ? t(k, {}, lang) : key;
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
