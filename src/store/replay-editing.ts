/**
 * What an instructor edits in a replay without touching the simulation: notes, the truth and
 * presenter switches, the session file with its notes.
 */
import type { SimStore } from './store-types';

type Set = (partial: Partial<SimStore> | ((s: SimStore) => Partial<SimStore>)) => void;

export function replayEditing(set: Set, get: () => SimStore, now: () => number): Pick<SimStore, 'addNote' | 'removeNote' | 'setShowTruth' | 'setPresenter' | 'replaySession'> {
  return {
    addNote(text) {
      const r = get().replay;
      const trimmed = text.trim();
      if (r === null || trimmed === '') return;
      const notes = [...r.notes, { tick: now(), text: trimmed.slice(0, 2000) }].sort((a, b) => a.tick - b.tick);
      set({ replay: { ...r, notes } });
    },
    removeNote(index) {
      const r = get().replay;
      if (r === null) return;
      set({ replay: { ...r, notes: r.notes.filter((_, k) => k !== index) } });
    },
    setShowTruth(show) {
      const r = get().replay;
      if (r !== null) set({ replay: { ...r, showTruth: show } });
    },
    setPresenter(on) {
      const r = get().replay;
      if (r !== null) set({ replay: { ...r, presenter: on } });
    },
    replaySession() {
      const r = get().replay;
      if (r === null) return null;
      const { notes: _old, ...rest } = r.session;
      return r.notes.length > 0 ? { ...rest, notes: r.notes } : rest;
    },
  };
}
