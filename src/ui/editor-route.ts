/**
 * Whether the scenario editor is open, and on what: a module store like the language's, so the
 * library opens it and the app shows it without going through the simulation's store (the
 * editor runs nothing until *Check drill* or *Play*).
 */
import { useSyncExternalStore } from 'react';
import type { Draft } from '../editor/draft';

export interface EditorOpen {
  readonly draft: Draft;
  /** The key in My scenarios it was opened from (saved there already), or null for a new one. */
  readonly savedAs: string | null;
}

let current: EditorOpen | null = null;
const listeners = new Set<() => void>();

export function openEditor(draft: Draft, savedAs: string | null): void {
  current = { draft, savedAs };
  for (const l of listeners) l();
}

export function closeEditor(): void {
  current = null;
  for (const l of listeners) l();
}

export function useEditorRoute(): EditorOpen | null {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => current,
    () => current,
  );
}
