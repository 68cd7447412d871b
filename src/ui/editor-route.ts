/**
 * Whether the scenario editor is open, and on what: a value outside React like the language's,
 * so the library opens it and the app shows it without going through the simulation's store
 * (the editor runs nothing until *Check drill*, an experiment or *Play*).
 */
import type { Draft } from '../editor/draft';
import { externalValue } from './external-value';

export interface EditorOpen {
  readonly draft: Draft;
  /** The key in My scenarios it was opened from (saved there already), or null for a new one. */
  readonly savedAs: string | null;
  /** Unsaved changes come with it (a draft played after its save failed). */
  readonly unsaved?: boolean;
}

const route = externalValue<EditorOpen | null>(null);
/** The draft last played from the editor, to go back to it from the drill's briefing or debrief. */
const played = externalValue<EditorOpen | null>(null);

export const openEditor = (draft: Draft, savedAs: string | null): void => {
  played.set(null);
  route.set({ draft, savedAs });
};
export const closeEditor = (): void => route.set(null);
export const useEditorRoute = (): EditorOpen | null => route.use();

/** The editor closes for the drill it plays; `saved` says whether the draft was saved first. */
export const playFromEditor = (open: EditorOpen, saved: boolean): void => {
  played.set(saved ? open : { ...open, unsaved: true });
  route.set(null);
};
/** The scenario id of the draft last played from the editor, or null. */
export const usePlayedFromEditor = (): string | null => {
  const p = played.use();
  return p === null ? null : typeof p.draft.id === 'string' ? p.draft.id : null;
};
/** Back to the draft last played (the caller returns the app to the library, where the editor shows). */
export const backToEditor = (): void => {
  const p = played.get();
  if (p === null) return;
  played.set(null);
  route.set(p);
};
