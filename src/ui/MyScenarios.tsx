/**
 * "My scenarios" in the library: what was made or changed in the editor and saved in this
 * browser — play it, edit it, download it, delete it; one with errors says how many.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Draft } from '../editor/draft';
import { textOf } from '../scenario';
import { deleteMyScenario, listMyScenarios, type MyScenarioEntry } from '../session/my-scenarios';
import { useSim } from '../store/use-sim';
import { download } from './download';
import { openEditor } from './editor-route';
import { useT } from '../i18n';
import { dateTime } from './format';

function titleOf(e: MyScenarioEntry, lang: 'en' | 'nb'): string {
  if (e.loaded.ok) return textOf(e.loaded.scenario.title, lang);
  try {
    const raw = JSON.parse(e.text) as { title?: unknown };
    return typeof raw.title === 'string' ? raw.title : typeof raw.title === 'object' && raw.title !== null ? String((raw.title as { en?: unknown }).en ?? e.id) : e.id;
  } catch {
    return e.id;
  }
}

export function MyScenarios() {
  const { t, lang } = useT();
  const load = useSim((s) => s.load);
  const [list, setList] = useState<MyScenarioEntry[]>([]);
  const refresh = useCallback(() => {
    void listMyScenarios().then(setList);
  }, []);
  useEffect(refresh, [refresh]);
  if (list.length === 0) return null;
  return (
    <section className="level my-scenarios" data-testid="my-scenarios">
      <h2>
        {t('library.mine')} <small className="muted">{t('library.mineIntro')}</small>
      </h2>
      <ul className="cards">
        {list.map((e) => {
          const title = titleOf(e, lang);
          return (
            <li key={e.id} className="card" data-scenario={e.id} data-testid="my-scenario">
              <h3>{title}</h3>
              <p className="meta">
                {e.id} · {t('library.savedAt', { when: dateTime(e.savedAt, lang) })}
              </p>
              {!e.loaded.ok && <p className="field-error">{t('library.mineErrors', { n: e.loaded.errors.length })}</p>}
              <div className="card-actions">
                {e.loaded.ok && (
                  <button type="button" className="primary" onClick={() => e.loaded.ok && load(e.loaded.scenario)}>
                    {t('library.start')}
                  </button>
                )}
                <button
                  type="button"
                  onClick={() => {
                    try {
                      openEditor(JSON.parse(e.text) as Draft, e.id);
                    } catch {
                      openEditor({ id: e.id }, e.id);
                    }
                  }}
                >
                  {t('library.edit')}
                </button>
                <button type="button" onClick={() => download(`${e.id}.json`, e.text, 'application/json')}>
                  {t('library.download')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    if (window.confirm(t('library.deleteConfirm', { title }))) void deleteMyScenario(e.id).then(refresh);
                  }}
                >
                  {t('library.delete')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
