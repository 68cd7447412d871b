/**
 * The one translation layer: every visible text goes through `t`. The language is kept in
 * localStorage so a student's choice is remembered.
 */
import { useSyncExternalStore } from 'react';
import { en, type TextKey } from './en';
import { nb } from './nb';

export type Language = 'en' | 'nb';
export type { TextKey };
const KEY = 'lf.lang';
const DICTS: Record<Language, Record<TextKey, string>> = { en, nb };

function initial(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(KEY);
    if (saved === 'en' || saved === 'nb') return saved;
  } catch {
    // storage may be unavailable (private mode): fall back to English
  }
  return 'en';
}

let current: Language = initial();
const listeners = new Set<() => void>();

export function getLanguage(): Language {
  return current;
}

export function setLanguage(lang: Language): void {
  current = lang;
  try {
    globalThis.localStorage?.setItem(KEY, lang);
  } catch {
    // not remembered, but still switched
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang === 'nb' ? 'nb' : 'en';
  for (const l of listeners) l();
}

/** Whether a key built at run time (a state or reason code) has a text. */
export function hasText(key: string): key is TextKey {
  return Object.hasOwn(en, key);
}

/**
 * A count's word: `{n:part|parts}` reads "part" when `n` is 1 and "parts" otherwise (Norwegian
 * Bokmål has the same two forms: `{n:god del|gode deler}`). Texts never write "part(s)".
 */
const PLURAL = /\{(\w+):([^|{}]*)\|([^{}]*)\}/g;

export function translate(lang: Language, key: TextKey, vars: Record<string, string | number> = {}): string {
  let text = DICTS[lang][key] ?? en[key];
  text = text.replace(PLURAL, (whole, name: string, one: string, other: string) => {
    const v = vars[name];
    return v === undefined ? whole : Number(v) === 1 ? one : other;
  });
  for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/** The current language and its translate function; components re-render when it changes. */
export function useT(): { lang: Language; t: (key: TextKey, vars?: Record<string, string | number>) => string } {
  const lang = useSyncExternalStore(subscribe, getLanguage, getLanguage);
  return { lang, t: (key, vars) => translate(lang, key, vars) };
}
