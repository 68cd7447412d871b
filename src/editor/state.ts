/**
 * The editor's state as a reducer: the draft, its undo and redo stacks, what is selected, and
 * the JSON tab's text (which may be broken while someone types; the draft keeps the last
 * text that parsed). Pure, so the same edits give the same file in a test as in the page.
 */
import { findJsonError } from '../scenario/json-syntax';
import { type Draft, formatScenario, isObject } from './draft';

export type Selection =
  | { readonly kind: 'scenario' }
  | { readonly kind: 'station'; readonly id: string }
  | { readonly kind: 'connection'; readonly from: string; readonly to: string }
  | { readonly kind: 'fault'; readonly index: number }
  | { readonly kind: 'alarm'; readonly index: number };

export interface EditorState {
  readonly draft: Draft;
  readonly past: readonly Draft[];
  readonly future: readonly Draft[];
  readonly selection: Selection;
  /** The JSON tab: its text, and why it does not parse (null when it does). */
  readonly jsonText: string;
  readonly jsonError: string | null;
  /** Edits to the same field in a row are one step of undo (typing a word is one edit). */
  readonly lastKey: string | null;
  /** The draft as last saved (to say "unsaved changes"). */
  readonly saved: Draft;
}

export type EditorAction =
  | { readonly type: 'edit'; readonly draft: Draft; readonly key?: string }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'select'; readonly selection: Selection }
  | { readonly type: 'jsonText'; readonly text: string }
  | { readonly type: 'saved'; readonly draft: Draft }
  | { readonly type: 'load'; readonly draft: Draft };

/** How many steps of undo are kept. */
export const UNDO_LIMIT = 200;

export function initialEditor(draft: Draft, saved: Draft = draft): EditorState {
  return { draft, past: [], future: [], selection: { kind: 'scenario' }, jsonText: formatScenario(draft), jsonError: null, lastKey: null, saved };
}

function withDraft(s: EditorState, draft: Draft, key: string | null): EditorState {
  if (draft === s.draft) return s;
  const coalesce = key !== null && key === s.lastKey && s.past.length > 0;
  const past = coalesce ? s.past : [...s.past, s.draft].slice(-UNDO_LIMIT);
  return { ...s, draft, past, future: [], jsonText: formatScenario(draft), jsonError: null, lastKey: key };
}

export function editorReducer(s: EditorState, a: EditorAction): EditorState {
  switch (a.type) {
    case 'edit':
      return withDraft(s, a.draft, a.key ?? null);
    case 'undo': {
      const prev = s.past[s.past.length - 1];
      if (prev === undefined) return s;
      return { ...s, draft: prev, past: s.past.slice(0, -1), future: [s.draft, ...s.future], jsonText: formatScenario(prev), jsonError: null, lastKey: null };
    }
    case 'redo': {
      const next = s.future[0];
      if (next === undefined) return s;
      return { ...s, draft: next, past: [...s.past, s.draft], future: s.future.slice(1), jsonText: formatScenario(next), jsonError: null, lastKey: null };
    }
    case 'select':
      return { ...s, selection: a.selection };
    case 'jsonText': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(a.text);
      } catch {
        const p = findJsonError(a.text);
        const where = p === null ? 'the text is not valid JSON' : `line ${p.line}, column ${p.column}: expected ${p.expected}`;
        return { ...s, jsonText: a.text, jsonError: where };
      }
      if (!isObject(parsed)) return { ...s, jsonText: a.text, jsonError: 'a scenario must be a JSON object ({ ... })' };
      const next = withDraft(s, parsed as Draft, 'json');
      // Keep the text as typed (its layout), not the reformatted draft.
      return { ...next, jsonText: a.text, jsonError: null };
    }
    case 'saved':
      return { ...s, saved: a.draft };
    case 'load':
      return initialEditor(a.draft);
  }
}

export function isDirty(s: EditorState): boolean {
  return formatScenario(s.draft) !== formatScenario(s.saved);
}
