import { useState } from 'react';
import { useNames } from '../store/use-names';
import { useSim, useSimApi } from '../store/use-sim';
import { clock } from './format';
import { type TextKey, useT } from '../i18n';

/** The instructor's notes: add one at the current tick, jump to one, delete one. */
export function NotesPanel() {
  const { t } = useT();
  const notes = useSim((s) => s.replay?.notes);
  const tick = useSim((s) => s.observation?.tick ?? 0);
  // Actions only: they never change, so this does not re-render with the whole store.
  const api = useSimApi().getState();
  const [text, setText] = useState('');
  if (notes === undefined) return null;
  return (
    <section className="notes-panel" data-testid="notes">
      <h3>{t('replay.notes')}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          api.addNote(text);
          setText('');
        }}
      >
        <textarea value={text} maxLength={2000} rows={2} placeholder={t('replay.notePlaceholder')} onChange={(e) => setText(e.target.value)} data-testid="note-text" />
        <button type="submit" disabled={text.trim() === ''} data-testid="add-note">
          {t('replay.addNote', { time: clock(tick / 10) })}
        </button>
      </form>
      <ol>
        {notes.map((n, k) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: sorted by tick; position identifies the note
          <li key={k} className={n.tick <= tick ? 'past' : ''}>
            <button type="button" className="link" onClick={() => api.seek(n.tick)}>
              {clock(n.tick / 10)}
            </button>{' '}
            {n.text}{' '}
            <button type="button" className="link" onClick={() => api.removeNote(k)} aria-label={t('replay.deleteNote')} title={t('replay.deleteNote')}>
              ✕
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The hidden truth, when the instructor chooses to show it: which fault, where, since when. */
export function TruthPanel() {
  const { t } = useT();
  const show = useSim((s) => s.replay?.showTruth ?? false);
  const truth = useSim((s) => s.truth);
  const names = useNames();
  if (!show || truth === null) return null;
  return (
    <section className="truth-panel" data-testid="truth">
      <h3>{t('replay.truthHeading')}</h3>
      <ul>
        {truth.faults.map((f) => (
          <li key={f.id} className={f.phase}>
            <strong>{names.causeAt(f.type, f.station)}</strong> — {t(`replay.phase.${f.phase}` as TextKey)}
            {f.onset >= 0 ? ` (${clock(f.onset / 10)})` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Presenter mode: the latest note up to now in large type over the line, for the projector. */
export function PresenterNote() {
  const on = useSim((s) => s.replay?.presenter ?? false);
  const notes = useSim((s) => s.replay?.notes);
  const tick = useSim((s) => s.observation?.tick ?? 0);
  if (!on || !notes) return null;
  const current = notes.filter((n) => n.tick <= tick).at(-1);
  if (!current) return null;
  return (
    <div className="presenter-note" data-testid="presenter-note">
      <span className="when">{clock(current.tick / 10)}</span> {current.text}
    </div>
  );
}
