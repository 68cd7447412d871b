import { useCallback, useEffect, useState } from 'react';
import { describeErrors, textOf } from '../scenario';
import { onRescored, rescoreOnce } from '../session/rescore';
import { deleteSession, listSessions, newSessionId, putSession, renameSession, type SavedSession } from '../session/saved-sessions';
import { loadSessionText } from '../session/session-file';
import { draftRunId, onDraftChange } from '../session/autosave';
import { runStatus } from '../session/run-status';
import { useSim } from '../store/use-sim';
import { downloadSession } from './download';
import { clock, dateTime } from './format';
import { FilePicker } from './FilePicker';
import { useT } from '../i18n';
import { sendToClass, useClassState } from './class-state';
import { StatusText } from './StatusText';
import { StoragePanel } from './StoragePanel';
import { useStorageState } from './storage-state';

/** Whether a dropped or picked JSON file is a session (rather than a scenario). */
export function looksLikeSession(text: string): boolean {
  try {
    const raw = JSON.parse(text) as unknown;
    return raw !== null && typeof raw === 'object' && 'checkpoints' in raw && 'commands' in raw;
  } catch {
    return false;
  }
}

/**
 * Import a session file into the list and open it for replay; returns the error text (with
 * the JSON paths) when the file is not a valid session. Nothing already saved is touched.
 */
export async function importSession(fileName: string, text: string, open: (s: SavedSession) => void): Promise<string | null> {
  const loaded = loadSessionText(text);
  if (!loaded.ok) return `${fileName}\n${describeErrors(loaded.errors)}`;
  const file = loaded.session;
  // Kept at once and opened: the replay re-simulates it (with its progress and Cancel) and its
  // assessment gives the list its score (app/persist.ts). A cancelled replay leaves it unscored.
  const name = file.name ?? fileName.replace(/\.json$/i, '');
  const saved: SavedSession = { id: newSessionId(), name, scenarioId: file.scenario.id, title: file.scenario.title, savedAt: new Date().toISOString(), endTick: file.endTick, score: null, passed: null, finished: true, file };
  await putSession(saved);
  open(saved);
  return null;
}

/** Every session kept in this browser: replay, rename, export, delete, compare two. */
/** A finished run made before joining (or imported), sent to the class on request; then whether it has arrived. */
function SendToClass({ id }: { id: string }) {
  const { t } = useT();
  const cursor = useClassState().cursors[id];
  if (cursor === undefined)
    return (
      <button type="button" onClick={() => sendToClass(id)} data-testid="send-to-class">
        {t('sessions.sendToClass')}
      </button>
    );
  return (
    <span className="muted" data-testid="class-copy">
      {cursor.done ? t('sessions.inClass') : t('sessions.toClass')}
    </span>
  );
}

export function SessionsList({ onError, onChange }: { onError: (text: string | null) => void; onChange?: () => void }) {
  const { t, lang } = useT();
  const inClass = useClassState().joined !== null;
  const openReplay = useSim((s) => s.openReplay);
  const compare = useSim((s) => s.compare);
  const [items, setItems] = useState<SavedSession[] | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [draftId, setDraftId] = useState<string | null>(null);
  const refresh = useCallback(() => {
    void Promise.all([listSessions(), draftRunId()]).then(([list, draft]) => {
      setDraftId(draft);
      setItems(list);
      setPicked((p) => p.filter((id) => list.some((s) => s.id === id)));
      onChange?.();
    });
  }, [onChange]);
  // Work that waited for room (storage was full) lands later: the list follows when it has.
  const { problem } = useStorageState();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of problem is the trigger
  useEffect(refresh, [refresh, problem]);
  useEffect(() => onDraftChange(refresh), [refresh]);
  // Runs scored by earlier rules are scored again once per page; the list follows each.
  useEffect(() => {
    const stop = onRescored(refresh);
    void rescoreOnce();
    return stop;
  }, [refresh]);
  const open = (s: SavedSession) => openReplay(s.file, s.id);
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const error = await importSession(file.name, await file.text(), open);
    onError(error);
  };
  const chosen = (items ?? []).filter((s) => picked.includes(s.id));
  const comparable = chosen.length === 2 && chosen[0]!.scenarioId === chosen[1]!.scenarioId;
  return (
    <section className="sessions" data-testid="sessions">
      <div className="panel-head">
        <h2>{t('sessions.heading')}</h2>
        <div className="buttons">
          <FilePicker label={t('sessions.import')} testId="replay-file" onFile={(f) => void importFile(f)} />
          <button type="button" disabled={!comparable} onClick={() => comparable && compare(chosen[0]!.file, chosen[1]!.file, [runStatus(chosen[0]!, draftId), runStatus(chosen[1]!, draftId)])} data-testid="compare" title={t('sessions.compareHint')}>
            {t('sessions.compare')}
          </button>
        </div>
      </div>
      <StoragePanel items={items ?? []} selected={picked} onChanged={refresh} onError={onError} />
      {items !== null && items.length === 0 && <p className="muted">{t('sessions.none')}</p>}
      {items !== null && items.length > 0 && (
        <table className="sessions-table">
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label={t('sessions.selectAll')}
                  checked={items.length > 0 && picked.length === items.length}
                  onChange={(e) => setPicked(e.target.checked ? items.map((s) => s.id) : [])}
                  data-testid="select-all"
                />
              </th>
              <th>{t('sessions.name')}</th>
              <th>{t('sessions.scenario')}</th>
              <th>{t('sessions.date')}</th>
              <th>{t('sessions.duration')}</th>
              <th>{t('sessions.score')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id} data-session={s.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('sessions.select')}
                    checked={picked.includes(s.id)}
                    onChange={(e) => setPicked((p) => (e.target.checked ? [...p.filter((x) => x !== s.id), s.id] : p.filter((x) => x !== s.id)))}
                  />
                </td>
                <td>
                  {renaming?.id === s.id ? (
                    <form
                      onSubmit={(e) => {
                        e.preventDefault();
                        void renameSession(s.id, renaming.name).then(() => {
                          setRenaming(null);
                          refresh();
                        });
                      }}
                    >
                      <input value={renaming.name} maxLength={200} onChange={(e) => setRenaming({ id: s.id, name: e.target.value })} aria-label={t('sessions.name')} data-testid="rename-input" />
                      <button type="submit">{t('sessions.save')}</button>
                    </form>
                  ) : (
                    <span className="session-name">{s.name || textOf(s.title, lang)}</span>
                  )}
                </td>
                <td>{textOf(s.title, lang)}</td>
                <td>{dateTime(s.savedAt, lang)}</td>
                <td>{clock(s.endTick / 10)}</td>
                <td data-testid="run-status">
                  <StatusText status={runStatus(s, draftId)} />
                </td>
                <td className="actions">
                  <button type="button" className="primary" onClick={() => open(s)}>
                    {t('sessions.replay')}
                  </button>
                  <button type="button" onClick={() => setRenaming({ id: s.id, name: s.name || textOf(s.title, lang) })}>
                    {t('sessions.rename')}
                  </button>
                  <button type="button" onClick={() => downloadSession(s.file, `${s.scenarioId}-${s.endTick}.session.json`)}>
                    {t('sessions.export')}
                  </button>
                  {inClass && s.finished && <SendToClass id={s.id} />}
                  <button
                    type="button"
                    onClick={() => {
                      if (!window.confirm(t('sessions.confirmDelete', { name: s.name }))) return;
                      void deleteSession(s.id).then(refresh);
                    }}
                  >
                    {t('sessions.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
