import { useState } from 'react';
import { describeErrors, loadScenarioText, type ScenarioFile, textOf } from '../scenario';
import { parseDuration } from '../scenario/duration';
import { useSim } from '../store/use-sim';
import { span } from './format';
import { setLanguage, useT } from './i18n';
import { SessionCheck } from './SessionCheck';
import { importSession, looksLikeSession, SessionsList } from './SessionsList';

/** Every scenario shipped in scenarios/, bundled at build time (no network at run time). */
const shipped = import.meta.glob<{ default: unknown }>('../../scenarios/*.json', { eager: true });

function shippedScenarios(): ScenarioFile[] {
  const out: ScenarioFile[] = [];
  for (const [path, mod] of Object.entries(shipped)) {
    if (path.endsWith('scenario.schema.json')) continue;
    const r = loadScenarioText(JSON.stringify(mod.default));
    if (r.ok) out.push(r.scenario);
  }
  const order = ['tutorial', 'intro', 'core', 'advanced', 'crisis', 'reference'];
  return out.sort((a, b) => order.indexOf(a.difficulty ?? 'core') - order.indexOf(b.difficulty ?? 'core') || a.id.localeCompare(b.id));
}

export function Library() {
  const { t, lang } = useT();
  const load = useSim((s) => s.load);
  const openReplay = useSim((s) => s.openReplay);
  const storeError = useSim((s) => s.error);
  const [fileError, setFileError] = useState<string | null>(null);
  const list = shippedScenarios();
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
        <button type="button" onClick={() => setLanguage(lang === 'en' ? 'nb' : 'en')}>
          {t('lang.switch')}
        </button>
      </div>
      <h2>{t('library.heading')}</h2>
      <div className="open-file">
        <label className="button">
          {t('library.open')}
          <input type="file" accept=".json,application/json" data-testid="scenario-file" onChange={(e) => void openFile(e.target.files?.[0])} hidden />
        </label>
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
      <ul className="cards">
        {list.map((sc) => (
          <li key={sc.id} className="card" data-scenario={sc.id}>
            <h3>{textOf(sc.title, lang)}</h3>
            <p className="meta">
              {t(`difficulty.${sc.difficulty ?? 'core'}`)} · {t('library.duration')} {span(parseDuration(sc.duration))}
            </p>
            {sc.objectives && (
              <ul className="objectives">
                {sc.objectives.map((o) => (
                  <li key={textOf(o)}>{textOf(o, lang)}</li>
                ))}
              </ul>
            )}
            <button type="button" onClick={() => load(sc)}>
              {t('library.start')}
            </button>
          </li>
        ))}
      </ul>
      <SessionsList onError={setFileError} />
    </main>
  );
}
