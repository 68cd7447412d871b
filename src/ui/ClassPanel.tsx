import { type FormEvent, useEffect, useState } from 'react';
import { setupNeeded } from '../session/school-admin';
import type { Membership } from '../session/school-api';
import { historyOf, joinClass, rejoin, SchoolError } from '../session/school-client';
import { setMembership, useClassState } from './class-state';
import { useT } from '../i18n';
import { StudentHistory } from './StudentHistory';

/** A refusal in the reader's language where the server's reason is a known one. */
function reasonOf(e: unknown, t: ReturnType<typeof useT>['t']): string {
  if (!(e instanceof SchoolError)) return t('class.failed');
  if (e.status === null) return t('class.unreachable');
  if (e.status === 404) return t('class.unknownCode');
  if (e.status === 403) return t('class.closed');
  if (e.status === 429) return t('class.tooMany');
  return e.message;
}

/** The token of a link that puts this device back in its class (`#rejoin=…`), taken out of the address once read. */
function rejoinToken(): string | null {
  if (typeof location === 'undefined') return null;
  const m = /[#&]rejoin=([^&]+)/.exec(location.hash);
  if (m === null) return null;
  history.replaceState(null, '', location.pathname + location.search);
  return decodeURIComponent(m[1]!);
}

/** Whether a school server serves this app: none, one with no instructor yet, or one in use. */
type SchoolHere = 'none' | 'new' | 'ready';
let servedHere: Promise<SchoolHere> | null = null;

/** Asked once per page, whoever asks. */
function schoolServerHere(): Promise<SchoolHere> {
  // Offline there is nothing to ask (and a request would fail for nothing).
  servedHere ??= navigator.onLine === false ? Promise.resolve('none') : setupNeeded().then((n) => (n === null ? 'none' : n ? 'new' : 'ready'));
  return servedHere;
}

function useSchoolServer(): SchoolHere {
  const [here, setHere] = useState<SchoolHere>('none');
  useEffect(() => {
    let live = true;
    void schoolServerHere().then((h) => live && setHere(h));
    return () => {
      live = false;
    };
  }, []);
  return here;
}

/** A notice about the link that brought this device back, and whether a school server serves this app (then its instructor page is offered). */
function useSchoolHere(): { notice: string | null; server: boolean } {
  const { t } = useT();
  const [back, setBack] = useState<Membership | 'failed' | null>(null);
  const server = useSchoolServer() !== 'none';
  useEffect(() => {
    const token = rejoinToken();
    if (token === null) return;
    rejoin(fetch.bind(globalThis), location.origin, token).then(
      (membership) => {
        setMembership({ base: location.origin, membership });
        setBack(membership);
      },
      () => setBack('failed'),
    );
  }, []);
  const notice = back === null ? null : back === 'failed' ? t('class.rejoinFailed') : t('class.rejoined', { class: back.className, name: back.displayName });
  return { notice, server };
}

function InstructorLink() {
  const { t } = useT();
  return (
    <p className="muted">
      {t('class.forInstructors')} <a href="?instructor">{t('class.instructorPage')}</a>
    </p>
  );
}

const JOIN_ID = 'class-join';

/**
 * The top of the library, where a school server serves the app and this browser has joined no
 * class: the way in, in sight. The join form itself is further down, after every drill, where a
 * student told "join the class" did not look for it. On a server nobody has set up yet there is
 * no class to join: the way to its first-run page instead, for the instructor setting it up.
 */
export function JoinPrompt() {
  const { t } = useT();
  const { joined } = useClassState();
  const here = useSchoolServer();
  if (joined !== null || here === 'none') return null;
  if (here === 'new') {
    return (
      <div className="join-prompt" data-testid="join-prompt">
        <span>{t('class.promptSetup')}</span>
        <a href="?instructor">{t('class.instructorPage')}</a>
      </div>
    );
  }
  const openForm = () => {
    const form = document.getElementById(JOIN_ID);
    if (!(form instanceof HTMLDetailsElement)) return;
    form.open = true;
    form.scrollIntoView({ block: 'center' });
    form.querySelector<HTMLInputElement>('[data-testid="class-code"]')?.focus();
  };
  return (
    <div className="join-prompt" data-testid="join-prompt">
      <span>{t('class.prompt')}</span>
      <button type="button" className="primary" onClick={openForm}>
        {t('class.joinHeading')}
      </button>
    </div>
  );
}

/**
 * The library's class panel: join a class on a school server (address, join code, a display
 * name; no e-mail, no password), then see whether every run has reached it. Self-study needs
 * none of it.
 */
export function ClassPanel() {
  const { t } = useT();
  const { joined, delivery } = useClassState();
  const { notice, server } = useSchoolHere();
  const noticeLine = notice && (
    <p role="status" data-testid="class-notice">
      {notice}
    </p>
  );
  const [address, setAddress] = useState(() => (typeof location !== 'undefined' && location.protocol.startsWith('http') && location.port !== '5173' ? location.host : ''));
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (joined !== null) {
    const m = joined.membership;
    return (
      <section className="class-panel" aria-labelledby="class-heading" data-testid="class-panel">
        <h2 id="class-heading">{t('class.heading')}</h2>
        {noticeLine}
        <p>{t('class.joined', { class: m.className, name: m.displayName, server: joined.base.replace(/^https?:\/\//, '') })}</p>
        <p className={delivery.state === 'refused' ? 'refusal' : 'muted'} data-testid="class-delivery" role="status">
          {delivery.state === 'sent'
            ? t('class.sent')
            : delivery.state === 'sending'
              ? t('class.sending', { n: delivery.waiting })
              : delivery.state === 'offline'
                ? t('class.waiting')
                : t('class.refused', { reason: delivery.reason })}
        </p>
        <div className="class-actions">
          <StudentHistory load={() => historyOf(fetch.bind(globalThis), joined.base, m.token)} label={t('history.mine')} />
          <button type="button" onClick={() => setMembership(null)}>
            {t('class.leave')}
          </button>
        </div>
      </section>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setMembership(await joinClass(fetch.bind(globalThis), address, code, name));
    } catch (err) {
      setError(reasonOf(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="class-panel" data-testid="class-panel" id={JOIN_ID} open={notice !== null || undefined}>
      <summary>{t('class.joinHeading')}</summary>
      {noticeLine}
      <p className="muted">{t('class.intro')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('class.address')}
          <input value={address} onChange={(e) => setAddress(e.target.value)} required placeholder="skole.local:8080" autoComplete="url" data-testid="class-address" />
        </label>
        <label>
          {t('class.code')}
          <input value={code} onChange={(e) => setCode(e.target.value)} required maxLength={12} autoCapitalize="characters" data-testid="class-code" />
        </label>
        <label>
          {t('class.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={40} autoComplete="nickname" data-testid="class-name" />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('class.joining') : t('class.join')}
        </button>
      </form>
      {error && (
        <p className="refusal" role="alert" data-testid="class-error">
          {error}
        </p>
      )}
      {server && <InstructorLink />}
    </details>
  );
}
