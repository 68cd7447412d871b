import { useCallback, useEffect, useState } from 'react';
import * as admin from '../session/school-admin';
import { type ClassInfo, type InstructorInfo, MIN_PASSWORD_LENGTH, type StudentInfo } from '../session/school-api';
import { ClassAssignments } from './ClassAssignments';
import { ClassLive } from './ClassLive';
import { ClassResults } from './ClassResults';
import { StudentHistory } from './StudentHistory';
import { setLanguage, useT } from '../i18n';
import { Field, Form, reasonOf, Refusal } from './instructor-form';
import { dateTime } from './format';

/** How often the classes (and their counts of students) are asked for again. */
const REFRESH_MS = 5000;

type Stage = { kind: 'loading' } | { kind: 'none' } | { kind: 'setup' } | { kind: 'signIn' } | { kind: 'change' } | { kind: 'signedIn'; instructor: InstructorInfo };

/** The first instructor account of a new server (the first-run page), or sign-in, or a new password. */
function Account({ stage, done }: { stage: 'setup' | 'signIn' | 'change'; done: (i: InstructorInfo | null) => void }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [current, setCurrent] = useState('');
  const fresh = stage !== 'signIn';
  const act = async (): Promise<string | null> => {
    if (fresh && password !== repeat) return t('instr.mismatch');
    try {
      if (stage === 'setup') done(await admin.setUp(name, password));
      else if (stage === 'signIn') done(await admin.signIn(name, password));
      else {
        await admin.changePassword(current, password);
        done(await admin.whoAmI());
      }
      return null;
    } catch (e) {
      return reasonOf(e, t, stage === 'change' ? 'wrongCurrent' : 'wrong');
    }
  };
  const heading = stage === 'setup' ? t('instr.setupHeading') : stage === 'signIn' ? t('instr.signInHeading') : t('instr.changeHeading');
  return (
    <section className="class-panel">
      <h2>{heading}</h2>
      {stage === 'setup' && (
        <p className="muted">
          {t('instr.setupIntro')} <code className="command">npm run server -- --add-instructor "…"</code>
        </p>
      )}
      {stage === 'change' && <p className="muted">{t('instr.changeIntro')}</p>}
      <Form label={stage === 'setup' ? t('instr.create') : stage === 'signIn' ? t('instr.signIn') : t('instr.change')} act={act} testId={`instructor-${stage}`}>
        {stage !== 'change' && <Field label={t('instr.name')} value={name} set={setName} autoComplete="username" testId="instructor-name" />}
        {stage === 'change' && <Field label={t('instr.current')} value={current} set={setCurrent} type="password" autoComplete="current-password" testId="instructor-current" />}
        <Field label={fresh ? t('instr.newPassword', { n: MIN_PASSWORD_LENGTH }) : t('instr.password')} value={password} set={setPassword} type="password" autoComplete={fresh ? 'new-password' : 'current-password'} testId="instructor-password" />
        {fresh && <Field label={t('instr.repeat')} value={repeat} set={setRepeat} type="password" autoComplete="new-password" testId="instructor-repeat" />}
      </Form>
    </section>
  );
}

function Students({ cls }: { cls: ClassInfo }) {
  const { t, lang } = useT();
  const [students, setStudents] = useState<StudentInfo[] | null>(null);
  const [link, setLink] = useState<{ name: string; url: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: listed again when the class's count of students changes (the classes are polled)
  useEffect(() => {
    admin.listStudents(cls.id).then(setStudents, setError);
  }, [cls.id, cls.students]);
  const newDevice = async (s: StudentInfo) => {
    try {
      const m = await admin.newDeviceToken(cls.id, s.id);
      setLink({ name: s.displayName, url: admin.rejoinLink(location.origin, m.token) });
    } catch (e) {
      setError(e);
    }
  };
  const when = (iso: string) => dateTime(iso, lang, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <div className="instructor-students">
      <Refusal text={error === null ? null : reasonOf(error, t)} />
      {students?.length === 0 && <p className="muted">{t('instr.noStudents')}</p>}
      <ul>
        {students?.map((s) => (
          <li key={s.id} data-testid="student-row">
            {s.displayName} <span className="muted">({t('instr.joinedAt', { when: when(s.joinedAt) })})</span>{' '}
            <button type="button" onClick={() => void newDevice(s)}>
              {t('instr.newDevice')}
            </button>{' '}
            <StudentHistory load={() => admin.studentHistory(cls.id, s.id)} label={t('history.progressOf', { name: s.displayName })} />
          </li>
        ))}
      </ul>
      {link && (
        <p data-testid="rejoin-link">
          {t('instr.newDeviceIntro', { name: link.name })} <input readOnly value={link.url} size={Math.min(60, link.url.length)} aria-label={t('instr.newDevice')} onFocus={(e) => e.target.select()} />
        </p>
      )}
    </div>
  );
}

function ClassCard({ cls, changed }: { cls: ClassInfo; changed: (c: ClassInfo) => void }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [live, setLive] = useState(false);
  const [results, setResults] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (act: () => Promise<ClassInfo>) => () =>
    void act().then(
      (c) => {
        setError(null);
        changed(c);
      },
      (e: unknown) => setError(reasonOf(e, t)),
    );
  return (
    <li className="instructor-class" data-testid="instructor-class">
      <h3>{cls.name}</h3>
      <p>
        {t('instr.code')}: <strong className="join-code" data-testid="join-code">{cls.joinCode}</strong>
      </p>
      <p className="muted">
        {cls.open ? t('instr.openState') : t('instr.closedState')} {t('instr.students', { n: cls.students })}
      </p>
      <div className="instructor-actions">
        <button type="button" onClick={run(() => admin.setClassOpen(cls.id, !cls.open))}>
          {cls.open ? t('instr.close') : t('instr.reopen')}
        </button>
        <button type="button" onClick={run(() => admin.newJoinCode(cls.id))}>
          {t('instr.newCode')}
        </button>
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('instr.hideStudents') : t('instr.showStudents')}
        </button>
        <button type="button" aria-expanded={live} onClick={() => setLive(!live)}>
          {live ? t('live.hide') : t('live.show')}
        </button>
        <button type="button" aria-expanded={results} onClick={() => setResults(!results)}>
          {results ? t('results.hide') : t('results.show')}
        </button>
      </div>
      <Refusal text={error} />
      {open && <Students cls={cls} />}
      {live && <ClassLive cls={cls} />}
      {results && <ClassResults cls={cls} />}
      <ClassAssignments cls={cls} />
    </li>
  );
}

function Classes({ instructor, signedOut }: { instructor: InstructorInfo; signedOut: () => void }) {
  const { t } = useT();
  const [classes, setClasses] = useState<ClassInfo[] | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  // Students join while the page is open: the list follows (the live class view is its own page).
  useEffect(() => {
    const list = () =>
      admin.listClasses().then((c) => {
        setClasses(c);
        setError(null);
      }, setError);
    void list();
    const id = setInterval(() => void list(), REFRESH_MS);
    return () => clearInterval(id);
  }, []);
  const replace = (c: ClassInfo) => setClasses((all) => (all ?? []).map((x) => (x.id === c.id ? c : x)));
  const create = async (): Promise<string | null> => {
    try {
      const c = await admin.createClass(name);
      setClasses((all) => [...(all ?? []).filter((x) => x.id !== c.id), c]);
      setName('');
      return null;
    } catch (e) {
      return reasonOf(e, t);
    }
  };
  return (
    <>
      <p>
        {t('instr.signedIn', { name: instructor.name })}{' '}
        <button type="button" onClick={() => void admin.signOut().finally(signedOut)}>
          {t('instr.signOut')}
        </button>
      </p>
      <section className="class-panel">
        <h2>{t('instr.classes')}</h2>
        <Form label={t('instr.createClass')} act={create} testId="create-class">
          <Field label={t('instr.className')} value={name} set={setName} autoComplete="off" testId="class-new-name" />
        </Form>
        <Refusal text={error === null ? null : reasonOf(error, t)} />
        {classes?.length === 0 && <p className="muted">{t('instr.noClasses')}</p>}
        <ul className="instructor-classes">
          {classes?.map((c) => (
            <ClassCard key={c.id} cls={c} changed={replace} />
          ))}
        </ul>
      </section>
    </>
  );
}

/**
 * The instructor's page on the school server (`?instructor`): the first-run page that makes the
 * first account while the server has none, sign-in, the new password a one-time password asks
 * for, then their classes: create one and show its join code, close or reopen it, a new code,
 * its students, and a link that puts a student's new device back in the class.
 */
export function InstructorPage() {
  const { t, lang } = useT();
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const signedIn = useCallback((i: InstructorInfo | null) => setStage(i === null ? { kind: 'signIn' } : i.mustChangePassword ? { kind: 'change' } : { kind: 'signedIn', instructor: i }), []);
  useEffect(() => {
    void (async () => {
      const needed = await admin.setupNeeded();
      if (needed === null) setStage({ kind: 'none' });
      else if (needed) setStage({ kind: 'setup' });
      else signedIn(await admin.whoAmI().catch(() => null));
    })();
  }, [signedIn]);
  return (
    <main className="library instructor-page" data-testid="instructor-page">
      <div className="library-head">
        <h1>{t('instr.title')}</h1>
        <a href="?library">{t('instr.back')}</a>
        <button type="button" onClick={() => setLanguage(lang === 'en' ? 'nb' : 'en')}>
          {t('lang.switch')}
        </button>
      </div>
      {stage.kind === 'loading' && <p role="status">{t('instr.loading')}</p>}
      {stage.kind === 'none' && <p className="refusal">{t('instr.none')}</p>}
      {(stage.kind === 'setup' || stage.kind === 'signIn' || stage.kind === 'change') && <Account stage={stage.kind} done={signedIn} />}
      {stage.kind === 'signedIn' && <Classes instructor={stage.instructor} signedOut={() => setStage({ kind: 'signIn' })} />}
    </main>
  );
}
