/**
 * A fault moved to another station leaves the texts around it naming the old one ("Mill M1
 * stops with a drive fault"): the briefing, hints and evidence a student reads, the teacher's
 * note, the fault's own description. The editor finds them and offers to rename the station in
 * them; it never rewrites an author's words without asking.
 */
import { asArray, type Draft, getAt, isObject, type Json, type Path, setAt } from './draft';
import { textFields } from './texts';

export interface Mention {
  /** What the text is (as textFields names it), or a fault's description. */
  readonly kind: 'title' | 'briefing' | 'objective' | 'hint' | 'evidence' | 'teacherNote' | 'topic' | 'faultDescription';
  /** 1-based position in its list; for a fault's description, the fault's. */
  readonly n: number;
  readonly path: Path;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The station id as a word of its own: "M1" in "Mill M1." but not in "M10" or "M1-drive". */
const wordOf = (id: string) => new RegExp(`(?<![\\p{L}\\p{N}_-])${escapeRegExp(id)}(?![\\p{L}\\p{N}_-])`, 'gu');

function mentions(v: Json | undefined, re: RegExp): boolean {
  const texts = typeof v === 'string' ? [v] : isObject(v) ? [v.en, v.nb] : [];
  return texts.some((t) => typeof t === 'string' && t.search(re) >= 0);
}

/** Every text of the draft, and every fault's description, for which `holds` is true of its value. */
export function textsWhere(draft: Draft, holds: (v: Json | undefined) => boolean): Mention[] {
  const out: Mention[] = textFields(draft)
    .filter((f) => holds(getAt(draft, f.path)))
    .map((f) => ({ kind: f.kind, n: f.n, path: f.path }));
  asArray(draft.faults).forEach((f, k) => {
    if (isObject(f) && holds(f.description)) out.push({ kind: 'faultDescription', n: k + 1, path: ['faults', k, 'description'] });
  });
  return out;
}

/** The draft with each language of the texts listed rewritten (a plain text is English). */
export function rewriteTexts(draft: Draft, texts: readonly Mention[], rewrite: (text: string, lang: 'en' | 'nb') => string): Draft {
  let next = draft;
  for (const m of texts) {
    const v = getAt(next, m.path);
    if (typeof v === 'string') next = setAt(next, m.path, rewrite(v, 'en'));
    else if (isObject(v))
      next = setAt(next, m.path, {
        ...v,
        ...(typeof v.en === 'string' ? { en: rewrite(v.en, 'en') } : {}),
        ...(typeof v.nb === 'string' ? { nb: rewrite(v.nb, 'nb') } : {}),
      });
  }
  return next;
}

/** Every text of the draft that names station `id`. */
export function mentionsOf(draft: Draft, id: string): Mention[] {
  if (id === '') return [];
  const re = wordOf(id);
  return textsWhere(draft, (v) => mentions(v, re));
}

/** The draft with station `from` renamed `to` in every text that names it (both languages). */
export function renameMentions(draft: Draft, from: string, to: string): Draft {
  const re = wordOf(from);
  return rewriteTexts(draft, mentionsOf(draft, from), (t) => t.replace(re, to));
}

/** The station a fault edit moved it from and to, or null when it stayed. */
export function stationMove(before: Json | undefined, after: Json | undefined): { readonly from: string; readonly to: string } | null {
  if (!isObject(before) || !isObject(after)) return null;
  const from = before.station;
  const to = after.station;
  return typeof from === 'string' && typeof to === 'string' && from !== to && from !== '' && to !== '' ? { from, to } : null;
}
