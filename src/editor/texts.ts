/**
 * The texts a student and an instructor read, in both languages side by side: where each is
 * in the file, and whether a language is missing. A text may be plain (English only) or
 * `{"en": ..., "nb": ...}`; writing Norwegian into a plain text makes it the pair.
 */
import { asArray, type Draft, getAt, isObject, type Json, type Path, removeFrom, setAt } from './draft';

export type Lang = 'en' | 'nb';

export interface TextField {
  /** What it is: title, briefing, objective, hint, evidence, teacherNote, topic. */
  readonly kind: 'title' | 'briefing' | 'objective' | 'hint' | 'evidence' | 'teacherNote' | 'topic';
  /** 1-based position in its list (objectives, hints, ...), 0 for a single text. */
  readonly n: number;
  readonly path: Path;
  readonly en: string;
  readonly nb: string;
  /** The languages with no text. */
  readonly missing: readonly Lang[];
  readonly multiline: boolean;
}

function read(v: Json | undefined): { en: string; nb: string } {
  if (typeof v === 'string') return { en: v, nb: '' };
  if (isObject(v)) return { en: typeof v.en === 'string' ? v.en : '', nb: typeof v.nb === 'string' ? v.nb : '' };
  return { en: '', nb: '' };
}

function field(kind: TextField['kind'], n: number, path: Path, v: Json | undefined, multiline: boolean): TextField {
  const t = read(v);
  const missing = (['en', 'nb'] as const).filter((l) => t[l].trim() === '');
  return { kind, n, path, en: t.en, nb: t.nb, missing, multiline };
}

export function textFields(draft: Draft): TextField[] {
  const out: TextField[] = [field('title', 0, ['title'], draft.title, false), field('briefing', 0, ['briefing'], draft.briefing, true)];
  asArray(draft.objectives).forEach((o, k) => {
    const withRule = isObject(o) && 'check' in o;
    out.push(field('objective', k + 1, withRule ? ['objectives', k, 'text'] : ['objectives', k], withRule ? o.text : o, true));
  });
  asArray(draft.hints).forEach((h, k) => out.push(field('hint', k + 1, ['hints', k], h, true)));
  asArray(draft.evidence).forEach((e, k) => out.push(field('evidence', k + 1, ['evidence', k], e, true)));
  asArray(draft.topics).forEach((e, k) => out.push(field('topic', k + 1, ['topics', k], e, false)));
  out.push(field('teacherNote', 0, ['teacherNote'], draft.teacherNote, true));
  return out;
}

/** One language of a text changed; a plain text becomes the pair when Norwegian is written. */
export function setText(draft: Draft, path: Path, lang: Lang, value: string): Draft {
  const old = getAt(draft, path);
  const t = read(old);
  if (t[lang] === value) return draft;
  const next = { ...t, [lang]: value };
  if (typeof old === 'string' && lang === 'en') return setAt(draft, path, value);
  if (isObject(old) || next.nb !== '') return setAt(draft, path, next.nb === '' && !(isObject(old) && 'nb' in old) ? { en: next.en } : { ...(isObject(old) ? old : {}), en: next.en, nb: next.nb });
  return setAt(draft, path, value);
}

/** A new empty item at the end of a list of texts (hints, evidence, topics; objectives without a rule). */
export function addText(draft: Draft, list: 'objectives' | 'hints' | 'evidence' | 'topics'): Draft {
  const items = asArray(getAt(draft, [list]));
  return setAt(draft, [list, items.length], { en: '', nb: '' });
}

export function removeText(draft: Draft, list: 'objectives' | 'hints' | 'evidence' | 'topics', index: number): Draft {
  return removeFrom(draft, [list], index);
}
