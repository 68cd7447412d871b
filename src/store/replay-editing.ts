/**
 * What an instructor edits in a replay without touching the simulation: notes, the truth and
 * presenter switches, the session file with its notes, and choosing two sessions to compare.
 */
import { compareSide } from '../session/compare';
import type { SimStore } from './sim-store';

type Set = (partial: Partial<SimStore> | ((s: SimStore) => Partial<SimStore>)) => void;

export function replayEditing(set: Set, get: () => SimStore, now: () => number): Pick<SimStore, 'addNote' | 'removeNote' | 'setShowTruth' | 'setPresenter' | 'compare' | 'replaySession'> {
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
    compare(a, b, statuses) {
      if (a.scenario.id !== b.scenario.id) {
        set({ error: 'only sessions of the same scenario can be compared' });
        return false;
      }
      const left = compareSide(a, 'A', statuses?.[0]);
      const right = compareSide(b, 'B', statuses?.[1]);
      if (left === null || right === null) {
        set({ error: 'a session to compare does not load' });
        return false;
      }
      get().pause();
      set({ phase: 'compare', comparison: [left, right], error: null, replay: null });
      return true;
    },
    replaySession() {
      const r = get().replay;
      if (r === null) return null;
      const { notes: _old, ...rest } = r.session;
      return r.notes.length > 0 ? { ...rest, notes: r.notes } : rest;
    },
  };
}
