/**
 * A class's assignments on the instructor's page: what is assigned (opening and due time, hints,
 * how the class stands), withdraw one, and assign a shipped drill or a scenario file. A file is
 * checked here first, with the library's words; the server checks it again and keeps it as it
 * was assigned.
 */
import { useEffect, useMemo, useState } from 'react';
import { describeErrors, loadScenarioText, textOf } from '../scenario';
import * as admin from '../session/school-admin';
import type { ClassAssignment, ClassInfo } from '../session/school-api';
import { useT } from '../i18n';
import { FilePicker } from './FilePicker';
import { Form, reasonOf, Refusal } from './instructor-form';
import { shippedScenarios } from './shipped';
import { dateTime } from './format';

/** How often the class's standing is asked for again. */
const REFRESH_MS = 5000;

/** A datetime-local input's value (the instructor's own clock) as an instant, or null when empty. */
const instant = (local: string): string | null => (local === '' ? null : new Date(local).toISOString());

export function ClassAssignments({ cls }: { cls: ClassInfo }) {
  const { t, lang } = useT();
  const shipped = useMemo(shippedScenarios, []);
  const [list, setList] = useState<ClassAssignment[] | null>(null);
  // Two messages: the poll's success clears only its own, never the refusal of a file just chosen.
  const [error, setError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [pick, setPick] = useState('');
  const [file, setFile] = useState<{ name: string; scenario: Record<string, unknown> } | null>(null);
  const [opens, setOpens] = useState('');
  const [due, setDue] = useState('');
  const [hints, setHints] = useState(true);
  // A new key empties the file input after an assignment.
  const refresh = () =>
    admin.classAssignments(cls.id).then(
      (l) => {
        setList(l);
        setError(null);
      },
      (e: unknown) => setError(reasonOf(e, t)),
    );
  // Students' runs change where the class stands while the page is open: asked for again every few seconds.
  // biome-ignore lint/correctness/useExhaustiveDependencies: one poll per class
  useEffect(() => {
    void refresh();
    const id = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(id);
  }, [cls.id]);
  const readFile = async (f: File | undefined) => {
    if (f === undefined) return;
    const r = loadScenarioText(await f.text());
    if (!r.ok) {
      setFile(null);
      setFileError(t('assign.badFile', { name: f.name, reason: describeErrors(r.errors) }));
      return;
    }
    setFileError(null);
    setPick('');
    setFile({ name: f.name, scenario: r.scenario as unknown as Record<string, unknown> });
  };
  const submit = async (): Promise<string | null> => {
    const scenario = file?.scenario ?? (shipped.find((s) => s.id === pick) as unknown as Record<string, unknown> | undefined);
    if (scenario === undefined) return t('assign.pick');
    try {
      await admin.assign(cls.id, { scenario, opensAt: instant(opens), dueAt: instant(due), hintsAllowed: hints });
      setFile(null);
      setPick('');
      setOpens('');
      setDue('');
      setHints(true);
      await refresh();
      return null;
    } catch (e) {
      return reasonOf(e, t);
    }
  };
  const withdraw = (a: ClassAssignment) =>
    admin.withdraw(cls.id, a.id).then(
      () => refresh(),
      (e: unknown) => setError(reasonOf(e, t)),
    );
  const when = (iso: string) => dateTime(iso, lang, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <div className="class-assignments" data-testid="class-assignments">
      <h4>{t('assign.heading')}</h4>
      {list?.length === 0 && <p className="muted">{t('assign.none')}</p>}
      <ul>
        {list?.map((a) => (
          <li key={a.id} data-testid="assignment-row" data-scenario={a.scenarioId}>
            <strong>{(lang === 'nb' ? a.title.nb : undefined) ?? a.title.en}</strong>{' '}
            <span className="muted">
              {[a.opensAt && t('assign.opensAt', { when: when(a.opensAt) }), a.dueAt && t('assign.dueAt', { when: when(a.dueAt) }), !a.hintsAllowed && t('assign.hintsOff')].filter(Boolean).join(' · ')}
            </span>
            <br />
            <span data-testid="assignment-progress">{t('assign.progress', { ...a.progress })}</span>{' '}
            <button type="button" onClick={() => void withdraw(a)}>
              {t('assign.withdraw')}
            </button>
          </li>
        ))}
      </ul>
      <Form label={t('assign.submit')} act={submit} testId="assign-form">
        <label>
          {t('assign.scenario')}{' '}
          <select
            value={pick}
            onChange={(e) => {
              setPick(e.target.value);
              setFile(null);
              setFileError(null);
            }}
            data-testid="assign-scenario"
          >
            <option value="">{file ? file.name : '—'}</option>
            {shipped.map((s) => (
              <option key={s.id} value={s.id}>
                {textOf(s.title, lang)}
              </option>
            ))}
          </select>
        </label>
        {/* The app's own button, in the page's language (a bare file input speaks the browser's). */}
        <span className="assign-file">
          {t('assign.file')} <FilePicker label={t('assign.chooseFile')} testId="assign-file" onFile={(f) => void readFile(f)} />
        </span>
        <label>
          {t('assign.opens')} <input type="datetime-local" value={opens} onChange={(e) => setOpens(e.target.value)} data-testid="assign-opens" />
        </label>
        <label>
          {t('assign.due')} <input type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} data-testid="assign-due" />
        </label>
        <label className="toggle">
          <input type="checkbox" checked={hints} onChange={(e) => setHints(e.target.checked)} data-testid="assign-hints" /> {t('assign.hints')}
        </label>
      </Form>
      <Refusal text={fileError ?? error} />
    </div>
  );
}
