/**
 * Publish to a class: shown when this browser is signed in to the school server as an
 * instructor (the instructor page's session); assigns the scenario as it is now.
 */
import { useEffect, useState } from 'react';
import type { Draft } from '../../editor/draft';
import * as admin from '../../session/school-admin';
import type { ClassInfo } from '../../session/school-api';
import { useT } from '../../i18n';

export function Publish({ draft, loads }: { readonly draft: Draft; readonly loads: boolean }) {
  const { t } = useT();
  const [classes, setClasses] = useState<ClassInfo[] | null>(null);
  const [pick, setPick] = useState('');
  const [message, setMessage] = useState('');
  useEffect(() => {
    let live = true;
    void admin
      .whoAmI()
      .then((me) => (me === null ? null : admin.listClasses()))
      .then((list) => live && setClasses(list))
      .catch(() => live && setClasses(null));
    return () => {
      live = false;
    };
  }, []);
  if (classes === null || classes.length === 0) return null;
  const cls = classes.find((c) => String(c.id) === pick) ?? classes[0]!;
  return (
    <section className="publish" data-testid="publish">
      <h3>{t('publish.heading')}</h3>
      <label>
        {t('publish.class')}{' '}
        <select value={String(cls.id)} onChange={(e) => setPick(e.target.value)}>
          {classes.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {c.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <button
        type="button"
        disabled={!loads}
        onClick={() => {
          void admin.assign(cls.id, { scenario: draft as Record<string, unknown> }).then(
            () => setMessage(t('publish.done', { class: cls.name })),
            (e: unknown) => setMessage(t('publish.failed', { reason: e instanceof Error ? e.message : String(e) })),
          );
        }}
      >
        {t('publish.submit')}
      </button>
      {!loads && <span className="muted"> {t('publish.needsFix')}</span>}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
