/**
 * The top of a joined student's library: what the instructor has assigned, when it is due and
 * where the student stands (the school server's word, from the runs it has verified). The list
 * is kept in this browser, so it is there offline too, marked with when it was last fetched.
 */
import { useEffect, useState } from 'react';
import type { StudentAssignment } from '../session/school-api';
import { assignedTo } from '../session/school-client';
import { useSim } from '../store/use-sim';
import { useClassState } from './class-state';
import { useT } from '../i18n';
import { dateTime } from './format';

const KEY = 'lf.assigned';
/** How often the list is fetched again while the library is open. */
const REFRESH_MS = 30_000;

interface Kept {
  /** The membership it belongs to (another class's list is not this one's). */
  readonly who: string;
  readonly at: string;
  readonly list: readonly StudentAssignment[];
}

function kept(who: string): Kept | null {
  try {
    const v = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null') as Kept | null;
    return v !== null && v.who === who && Array.isArray(v.list) ? v : null;
  } catch {
    return null;
  }
}

function keep(v: Kept): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(v));
  } catch {
    // Storage full or private mode: the list lasts this visit.
  }
}

export function AssignedToYou() {
  const { t, lang } = useT();
  const load = useSim((s) => s.load);
  const joined = useClassState().joined;
  const who = joined === null ? '' : `${joined.base} ${joined.membership.studentId}`;
  const [state, setState] = useState<{ list: Kept | null; fresh: boolean }>(() => ({ list: kept(who), fresh: false }));
  useEffect(() => {
    if (joined === null) return;
    setState({ list: kept(who), fresh: false });
    let live = true;
    const fetchList = () => {
      if (navigator.onLine === false) return;
      assignedTo(fetch.bind(globalThis), joined.base, joined.membership.token).then(
        (list) => {
          const v = { who, at: new Date().toISOString(), list };
          keep(v);
          if (live) setState({ list: v, fresh: true });
        },
        () => {
          if (live) setState((s) => ({ ...s, fresh: false }));
        },
      );
    };
    fetchList();
    const id = setInterval(fetchList, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, [joined, who]);
  if (joined === null || state.list === null) return null;
  const when = (iso: string) => dateTime(iso, lang, { dateStyle: 'medium', timeStyle: 'short' });
  const now = Date.now();
  return (
    <section className="assigned" data-testid="assigned" aria-labelledby="assigned-heading">
      <h2 id="assigned-heading">{t('assigned.heading')}</h2>
      {!state.fresh && <p className="muted">{t('assigned.stale', { when: when(state.list.at) })}</p>}
      {state.list.list.length === 0 && <p className="muted">{t('assigned.none')}</p>}
      <ul>
        {state.list.list.map((a) => {
          const overdue = a.dueAt !== null && Date.parse(a.dueAt) < now && a.status !== 'passed';
          return (
            <li key={a.id} data-testid="assigned-item" data-scenario={a.scenarioId} data-status={a.status}>
              <strong>{(lang === 'nb' ? a.title.nb : undefined) ?? a.title.en}</strong>
              <span className={`status status-${a.status}`}>{t(`assigned.status.${a.status}`)}</span>
              <span className={overdue ? 'overdue' : 'muted'}>
                {a.dueAt === null ? t('assigned.noDue') : t('assigned.due', { when: when(a.dueAt) })}
                {overdue ? ` · ${t('assigned.overdue')}` : ''}
              </span>
              {!a.hintsAllowed && <span className="muted">{t('assigned.hintsOff')}</span>}
              <button type="button" className={a.status === 'passed' ? undefined : 'primary'} onClick={() => load(a.scenario, { hintsAllowed: a.hintsAllowed })}>
                {t('assigned.start')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
