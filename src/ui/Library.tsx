import { useCallback, useEffect, useState } from 'react';
import { atStation } from '../i18n/names';
import { DEFAULT_RESOLVED_BY, describeErrors, loadScenarioText, type ScenarioFile, objectiveText, textOf } from '../scenario';
import { parseDuration } from '../scenario/duration';
import { useSim } from '../store/use-sim';
import { scoreText, span } from './format';
import { ClassPanel, JoinPrompt } from './ClassPanel';
import { FilePicker } from './FilePicker';
import { setLanguage, useT } from '../i18n';
import { listSessions } from '../session/saved-sessions';
import { LEVELS, levelOf, type Progress, progressOf, suggestNext, topicsOf } from './library-progress';
import { setInstructorMode, useInstructorMode } from './instructor-mode';
import { SessionCheck } from './SessionCheck';
import { importSession, looksLikeSession, SessionsList } from './SessionsList';
import { OfflineStatus } from './UpdateBanner';
import { shippedFile, shippedScenarios } from './shipped';
import { MyScenarios } from './MyScenarios';
import { openEditor } from './editor-route';
import type { Draft } from '../editor/draft';
import { blankScenario, copyOf, linesOnly } from '../editor/templates';
import { listMyScenarios } from '../session/my-scenarios';

/** An id for a new scenario not yet used in My scenarios. */
function freeScenarioId(taken: ReadonlySet<string>): string {
  for (let k = 1; ; k++) if (!taken.has(`my-scenario-${k}`)) return `my-scenario-${k}`;
}
import { AssignedToYou } from './AssignedToYou';


/** One scenario: what it trains, how long, how the student did; the instructor's notes on demand. */
function Card({ sc, progress, instructor, onOpen, onEdit }: { sc: ScenarioFile; progress: Progress | undefined; instructor: boolean; onOpen: () => void; onEdit: () => void }) {
  const { t, lang } = useT();
  return (
    <li className={`card${progress?.passed ? ' done' : ''}`} data-scenario={sc.id}>
      <h3>{textOf(sc.title, lang)}</h3>
      <p className="meta">
        {t(`difficulty.${levelOf(sc)}`)} · {t('library.duration')} {span(parseDuration(sc.duration), lang)}
      </p>
      {sc.topics && sc.topics.length > 0 && (
        <p className="tags">
          {sc.topics.map((x) => (
            <span key={textOf(x)} className="tag">
              {textOf(x, lang)}
            </span>
          ))}
        </p>
      )}
      {sc.objectives && (
        <ul className="objectives">
          {sc.objectives.map((o) => (
            <li key={objectiveText(o)}>{objectiveText(o, lang)}</li>
          ))}
        </ul>
      )}
      <p className="progress" data-testid="progress">
        {progress === undefined || progress.runs === 0
          ? t('library.notTried')
          : progress.passed
            ? `✓ ${t('library.passed')} · ${t('library.best', { score: progress.best == null ? '–' : scoreText(progress.best, lang) })}`
            : progress.best === null
              ? t('library.started')
              : t('library.best', { score: scoreText(progress.best, lang) })}
      </p>
      {instructor && (
        <div className="teacher" data-testid="teacher-note">
          {sc.teacherNote && (
            <p>
              <strong>{t('library.teacherNote')}:</strong> {textOf(sc.teacherNote, lang)}
            </p>
          )}
          {sc.evidence && sc.evidence.length > 0 && (
            <>
              <strong>{t('library.evidence')}:</strong>
              <ul>
                {sc.evidence.map((e) => (
                  <li key={textOf(e)}>{textOf(e, lang)}</li>
                ))}
              </ul>
            </>
          )}
          {sc.faults && sc.faults.length > 0 && (
            <>
              <p>
                <strong>{t('library.truth')}:</strong> {sc.faults.map((f) => atStation(t(`cause.${f.type}` as never), f.station ? stationLabel(sc, f.station, lang) : null, t)).join('; ')}
              </p>
              <p>
                <strong>{t('library.fixes')}:</strong>{' '}
                {sc.faults
                  .map((f) => {
                    const fixes = f.resolvedBy ?? DEFAULT_RESOLVED_BY[f.type];
                    // Line-wide trips have no repair: they are recovered with the PackML sequence.
                    return fixes.length > 0 ? fixes.map((a) => t(`repair.${a}` as never)).join(' / ') : t('library.restartFix');
                  })
                  .join('; ')}
              </p>
            </>
          )}
        </div>
      )}
      <div className="card-actions">
        <button type="button" onClick={onOpen} data-testid="open-scenario">
          {t('library.start')}
        </button>
        <button type="button" onClick={onEdit} data-testid="edit-copy">
          {t('library.editCopy')}
        </button>
      </div>
    </li>
  );
}

/** A station's name in the reader's language, from the scenario file. */
function stationLabel(sc: ScenarioFile, id: string, lang: 'en' | 'nb'): string {
  const st = sc.line.stations.find((x) => x.id === id);
  return st?.name === undefined ? id : textOf(st.name, lang);
}

export function Library() {
  const { t, lang } = useT();
  const load = useSim((s) => s.load);
  const openReplay = useSim((s) => s.openReplay);
  const storeError = useSim((s) => s.error);
  const [fileError, setFileError] = useState<string | null>(null);
  const list = shippedScenarios();
  const [progress, setProgress] = useState<Map<string, Progress>>(new Map());
  const [topic, setTopic] = useState('');
  const instructor = useInstructorMode();
  const refreshProgress = useCallback(() => {
    void listSessions().then((runs) => setProgress(progressOf(runs)));
  }, []);
  useEffect(refreshProgress, [refreshProgress]);
  const next = suggestNext(list, progress);
  const [mine, setMine] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    void listMyScenarios().then((l) => setMine(new Set(l.map((x) => x.id))));
  }, []);
  const [newFrom, setNewFrom] = useState('');
  /** A shipped drill is never changed: the editor opens a copy under a new id (a student's without its faults). */
  const editCopy = (id: string) => {
    const raw = shippedFile(id);
    if (raw === null) return;
    // A student's copy is the line alone: the drill's hidden faults stay hidden.
    const copy = copyOf(instructor ? (raw as Draft) : linesOnly(raw as Draft), new Set([...list.map((x) => x.id), ...mine]));
    openEditor(copy, null);
  };
  const shown = list.filter((sc) => topic === '' || (sc.topics ?? []).some((x) => textOf(x) === topic));

  const openText = async (name: string, text: string) => {
    // A dropped session file opens for replay; anything else is read as a scenario.
    if (looksLikeSession(text)) {
      setFileError(await importSession(name, text, (s) => openReplay(s.file, s.id)));
      return;
    }
    const r = loadScenarioText(text);
    if (!r.ok) {
      setFileError(`${name}\n${describeErrors(r.errors)}`);
      return;
    }
    setFileError(null);
    load(r.scenario);
  };
  const openFile = async (file: File | undefined) => {
    if (file) await openText(file.name, await file.text());
  };
  return (
    <main
      className="library"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void openFile(e.dataTransfer.files[0]);
      }}
    >
      <div className="library-head">
        <h1>{t('app.title')}</h1>
        <OfflineStatus />
        <button type="button" onClick={() => setLanguage(lang === 'en' ? 'nb' : 'en')}>
          {t('lang.switch')}
        </button>
      </div>
      <h2>{t('library.heading')}</h2>
      <div className="open-file">
        <FilePicker label={t('library.open')} testId="scenario-file" onFile={(f) => void openFile(f)} />
        <span className="muted">{t('library.drop')}</span>
      </div>
      {fileError && (
        <div className="error" role="alert" data-testid="file-error">
          <strong>{t('library.invalid')}</strong>
          <pre>{fileError}</pre>
        </div>
      )}
      {storeError && (
        <div className="error" role="alert">
          {storeError}
        </div>
      )}
      <SessionCheck />
      <AssignedToYou />
      <JoinPrompt />
      {next && (
        <div className="next" data-testid="next">
          <span>
            {t('library.next')}: <strong>{textOf(next.title, lang)}</strong> ({t(`difficulty.${levelOf(next)}`)})
          </span>
          <button type="button" className="primary" onClick={() => load(next)}>
            {t('library.start')}
          </button>
        </div>
      )}
      <div className="library-tools">
        <label>
          {t('library.topic')}{' '}
          <select value={topic} onChange={(e) => setTopic(e.target.value)} data-testid="topic-filter">
            <option value="">{t('library.allTopics')}</option>
            {topicsOf(list, lang).map((x) => (
              <option key={textOf(x)} value={textOf(x)}>
                {textOf(x, lang)}
              </option>
            ))}
          </select>
        </label>
        <span className="new-scenario">
          <label>
            {t('library.newScenario')}: {t('library.newFrom')}{' '}
            <select value={newFrom} onChange={(e) => setNewFrom(e.target.value)} data-testid="new-from">
              <option value="">{t('library.newBlank')}</option>
              {list.map((sc) => (
                <option key={sc.id} value={sc.id}>
                  {textOf(sc.title, lang)}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="button" onClick={() => (newFrom === '' ? openEditor(blankScenario(freeScenarioId(mine)), null) : editCopy(newFrom))} data-testid="new-scenario">
            {t('library.create')}
          </button>
        </span>
        <label className="toggle">
          <input type="checkbox" checked={instructor} onChange={(e) => setInstructorMode(e.target.checked)} data-testid="instructor-toggle" />
          {t('library.instructor')}
        </label>
      </div>
      {LEVELS.map((level) => {
        const inLevel = shown.filter((sc) => levelOf(sc) === level);
        if (inLevel.length === 0) return null;
        return (
          <section key={level} className="level" data-level={level}>
            <h2>
              {t(`difficulty.${level}`)} <small className="muted">{t(`level.${level}` as never)}</small>
            </h2>
            <ul className="cards">
              {inLevel.map((sc) => (
                <Card key={sc.id} sc={sc} progress={progress.get(sc.id)} instructor={instructor} onOpen={() => load(sc)} onEdit={() => editCopy(sc.id)} />
              ))}
            </ul>
          </section>
        );
      })}
      <MyScenarios />
      <ClassPanel />
      <SessionsList onError={setFileError} onChange={refreshProgress} />
      <p className="muted version" data-testid="app-version">
        {t('app.version', { version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev' })}
      </p>
    </main>
  );
}
