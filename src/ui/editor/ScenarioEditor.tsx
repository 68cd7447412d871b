/**
 * The scenario editor: the line as a graph, faults, texts in both languages, the scenario's
 * settings and its JSON, kept in one draft with undo; the file check's errors where they
 * belong; *Check drill* before anyone plays it; save to this browser, download, publish, play.
 */
import { lazy, Suspense, useEffect, useMemo, useReducer, useState } from 'react';
import { type Draft, formatScenario, type Json } from '../../editor/draft';
import { place } from '../../editor/errors';
import { stationsOf } from '../../editor/graph';
import { editorReducer, initialEditor, isDirty, type Selection } from '../../editor/state';
import { loadScenarioJson } from '../../scenario';
import { deleteMyScenario, saveMyScenario } from '../../session/my-scenarios';
import { useSim } from '../../store/use-sim';
import { download } from '../download';
import { closeEditor, type EditorOpen, playFromEditor } from '../editor-route';
import { useT } from '../../i18n';
import { namesOf } from '../../i18n/names';
import { AlarmsPanel } from './AlarmsPanel';
import { CheckPanel } from './CheckPanel';
import { FaultsPanel } from './FaultsPanel';
import { LinePanel } from './LinePanel';
import { PartForm } from './PartForm';
import { Publish } from './Publish';
import { TextsPanel } from './TextsPanel';

// The JSON tab (CodeMirror) and the experiments are loaded when first opened: most edits never
// need them, and they were a third of the editor's download.
const JsonPanel = lazy(() => import('./JsonPanel').then((m) => ({ default: m.JsonPanel })));
const ExperimentPanel = lazy(() => import('./ExperimentPanel').then((m) => ({ default: m.ExperimentPanel })));

const TABS = ['line', 'faults', 'alarms', 'texts', 'settings', 'json', 'experiment'] as const;
type Tab = (typeof TABS)[number];

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return el !== null && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export function ScenarioEditor({ open }: { readonly open: EditorOpen }) {
  const { t, lang } = useT();
  const load = useSim((s) => s.load);
  const [state, dispatch] = useReducer(editorReducer, open, (o) => initialEditor(o.draft, o.savedAs === null || o.unsaved ? ({} as Draft) : o.draft));
  const [tab, setTab] = useState<Tab>('line');
  const [savedAs, setSavedAs] = useState(open.savedAs);
  const [notice, setNotice] = useState('');
  const check = useMemo(() => loadScenarioJson(state.draft), [state.draft]);
  const errors = useMemo(() => (check.ok ? [] : place(check.errors)), [check]);
  const names = useMemo(() => (check.ok ? namesOf(check.scenario, check.model, t, lang) : null), [check, t, lang]);
  const edit = (draft: Draft, key?: string) => dispatch({ type: 'edit', draft, ...(key === undefined ? {} : { key }) });
  const select = (selection: Selection) => dispatch({ type: 'select', selection });
  const dirty = isDirty(state);
  const id = typeof state.draft.id === 'string' && state.draft.id !== '' ? state.draft.id : 'scenario';

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isTyping(e.target)) return;
      if (e.key.toLowerCase() === 'z') {
        e.preventDefault();
        dispatch({ type: e.shiftKey ? 'redo' : 'undo' });
      } else if (e.key.toLowerCase() === 'y') {
        e.preventDefault();
        dispatch({ type: 'redo' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const save = async (): Promise<boolean> => {
    const r = await saveMyScenario(id, formatScenario(state.draft));
    if (!r.ok) {
      setNotice(t('editor.saveFailed', { reason: r.message }));
      return false;
    }
    // Saved under a new id: the old entry goes (it is this scenario, renamed).
    if (savedAs !== null && savedAs !== id) await deleteMyScenario(savedAs);
    setSavedAs(id);
    dispatch({ type: 'saved', draft: state.draft });
    setNotice(check.ok ? t('editor.saved') : t('editor.savedWithErrors'));
    return true;
  };
  const close = () => {
    if (dirty && !window.confirm(t('editor.closeConfirm'))) return;
    closeEditor();
  };
  const play = async () => {
    if (!check.ok) return;
    const saved = await save();
    // The briefing and the debrief lead back here, to the draft as it was played.
    playFromEditor({ draft: state.draft, savedAs: saved ? id : savedAs }, saved);
    load(check.scenario);
  };
  const errorCount = check.ok ? 0 : check.errors.length;
  const title = state.draft.title;
  const titleText = typeof title === 'string' ? title : title !== null && typeof title === 'object' && !Array.isArray(title) ? String((lang === 'nb' ? title.nb : undefined) ?? title.en ?? '') : '';
  return (
    <main className="scenario-editor" data-testid="scenario-editor">
      <header className="editor-head">
        <h1>
          {t('editor.heading')}: <span data-testid="editor-title">{titleText || id}</span>
        </h1>
        <span className={errorCount > 0 ? 'badge bad' : 'badge ok'} data-testid="editor-errors">
          {errorCount === 0 ? t('editor.noErrors') : errorCount === 1 ? t('editor.oneError') : t('editor.errors', { n: errorCount })}
        </span>
        <span className="muted" data-testid="editor-saved">
          {dirty ? t('editor.unsaved') : t('editor.saved')}
        </span>
        <div className="editor-actions">
          <button type="button" onClick={() => dispatch({ type: 'undo' })} disabled={state.past.length === 0} data-testid="undo">
            {t('editor.undo')}
          </button>
          <button type="button" onClick={() => dispatch({ type: 'redo' })} disabled={state.future.length === 0} data-testid="redo">
            {t('editor.redo')}
          </button>
          <button type="button" className="primary" onClick={() => void save()} data-testid="editor-save">
            {t('editor.save')}
          </button>
          <button type="button" onClick={() => download(`${id}.json`, formatScenario(state.draft), 'application/json')} data-testid="editor-download">
            {t('editor.downloadFile')}
          </button>
          <button type="button" onClick={() => void play()} disabled={!check.ok} data-testid="editor-play">
            {t('editor.play')}
          </button>
          <button type="button" onClick={close} data-testid="editor-close">
            {t('editor.close')}
          </button>
        </div>
      </header>
      {notice && (
        <p className="notice" role="status" data-testid="editor-notice">
          {notice}
        </p>
      )}
      <div className="editor-tabs" role="tablist" aria-label={t('editor.heading')}>
        {TABS.map((x) => {
          const n = x === 'faults' || x === 'line' || x === 'alarms' ? errors.filter((e) => e.parts[0] === x).length : 0;
          return (
            <button key={x} type="button" role="tab" aria-selected={tab === x} className={tab === x ? 'selected' : ''} onClick={() => setTab(x)} data-testid={`tab-${x}`}>
              {t(`editor.tab.${x}`)}
              {n > 0 ? ` ⚠ ${n}` : ''}
            </button>
          );
        })}
      </div>
      <div className="editor-body" role="tabpanel">
        {tab === 'line' && <LinePanel scenario={check.ok ? check.scenario : null} draft={state.draft} selection={state.selection} errors={errors} edit={edit} select={select} />}
        {tab === 'faults' && <FaultsPanel draft={state.draft} selection={state.selection} errors={errors} edit={edit} select={select} />}
        {tab === 'alarms' && <AlarmsPanel draft={state.draft} selection={state.selection} errors={errors} edit={edit} select={select} />}
        {tab === 'texts' && <TextsPanel draft={state.draft} errors={errors} edit={edit} />}
        {tab === 'settings' && (
          <div className="settings-panel">
            <PartForm idPrefix="sc" target={{ kind: 'scenario' }} value={state.draft} path={[]} errors={errors.filter((e) => e.parts.length <= 1 || !['line', 'faults', 'alarms'].includes(String(e.parts[0])))} stations={stationsOf(state.draft).map((s) => String(s.id))} onChange={(next) => edit(next as { [key: string]: Json }, 'settings')} />
          </div>
        )}
        <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
          {tab === 'experiment' && <ExperimentPanel draft={state.draft} loads={check.ok} names={names} />}
          {tab === 'json' && <JsonPanel text={state.jsonText} syntaxError={state.jsonError} errors={errors} onText={(text) => dispatch({ type: 'jsonText', text })} />}
        </Suspense>
      </div>
      {errorCount > 0 && (
        <details className="all-errors" data-testid="all-errors">
          <summary>{errorCount === 1 ? t('editor.oneError') : t('editor.errors', { n: errorCount })}</summary>
          <ul>
            {!check.ok &&
              check.errors.map((e) => (
                <li key={e.path + e.message}>
                  <code>{e.path || '—'}</code> {e.message}
                </li>
              ))}
          </ul>
        </details>
      )}
      <CheckPanel draft={state.draft} loads={check.ok} names={names} />
      <Publish draft={state.draft} loads={check.ok} />
    </main>
  );
}
