import { objectiveText, textOf } from '../scenario';
import { BackToEditor } from './BackToEditor';
import { ObjectiveHow } from './ObjectiveHow';
import { useSim } from '../store/use-sim';
import { useT } from '../i18n';

export function Briefing() {
  const { t, lang } = useT();
  const sc = useSim((s) => s.scenario);
  const begin = useSim((s) => s.begin);
  const back = useSim((s) => s.toLibrary);
  if (!sc) return null;
  const briefing = textOf(sc.briefing, lang).trim();
  return (
    <main className="briefing-page">
      <h1>{textOf(sc.title, lang)}</h1>
      <h2>{t('briefing.heading')}</h2>
      {/* A scenario fresh from the editor may have none yet: say so rather than show a heading alone. */}
      <p className={briefing === '' ? 'briefing muted' : 'briefing'}>{briefing === '' ? t('briefing.none') : briefing}</p>
      {sc.objectives !== undefined && sc.objectives.length > 0 && (
        <>
          <h3>{t('library.objectives')}</h3>
          <ul>
            {sc.objectives.map((o) => (
              <li key={objectiveText(o)}>
                {objectiveText(o, lang)}
                <ObjectiveHow objective={o} />
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="buttons">
        <button type="button" className="primary" onClick={begin}>
          {t('briefing.start')}
        </button>
        <BackToEditor />
        <button type="button" onClick={back}>
          {t('briefing.back')}
        </button>
      </div>
    </main>
  );
}
