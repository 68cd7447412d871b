import { objectiveText, textOf } from '../scenario';
import { ObjectiveHow } from './ObjectiveHow';
import { useSim } from '../store/use-sim';
import { useT } from '../i18n';

export function Briefing() {
  const { t, lang } = useT();
  const sc = useSim((s) => s.scenario);
  const begin = useSim((s) => s.begin);
  const back = useSim((s) => s.toLibrary);
  if (!sc) return null;
  return (
    <main className="briefing-page">
      <h1>{textOf(sc.title, lang)}</h1>
      <h2>{t('briefing.heading')}</h2>
      <p className="briefing">{textOf(sc.briefing, lang)}</p>
      {sc.objectives && (
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
        <button type="button" onClick={back}>
          {t('briefing.back')}
        </button>
      </div>
    </main>
  );
}
