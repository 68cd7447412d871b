import type { ObjectiveFile, Text } from './schema';

export type Language = 'en' | 'nb';

/** A scenario text in the wanted language, falling back to English. */
export function textOf(t: Text | undefined, lang: Language = 'en'): string {
  if (t === undefined) return '';
  if (typeof t === 'string') return t;
  return (lang === 'nb' ? t.nb : undefined) ?? t.en;
}

/** An objective's text (an objective may carry the rule that judges it). */
export function objectiveText(o: ObjectiveFile, lang: Language = 'en'): string {
  return typeof o === 'object' && 'text' in o ? textOf(o.text, lang) : textOf(o, lang);
}

/** A text as both languages (English always, Norwegian when it has one): for messages that carry it to a screen in either. */
export function bilingual(t: Text): { en: string; nb?: string } {
  return typeof t === 'string' ? { en: t } : { en: t.en, ...(t.nb === undefined ? {} : { nb: t.nb }) };
}
