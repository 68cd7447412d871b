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
}

const route = externalValue<EditorOpen | null>(null);

export const openEditor = (draft: Draft, savedAs: string | null): void => route.set({ draft, savedAs });
export const closeEditor = (): void => route.set(null);
export const useEditorRoute = (): EditorOpen | null => route.use();
