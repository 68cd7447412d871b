/**
 * The instructor's live view of a class: one row per student, as the school server's own
 * simulation of their latest run has it (src/server/live.ts), pushed over a WebSocket when it
 * changes (asked for every second over HTTP when no socket can be kept open). Sort by
 * any column that matters in a lesson; show only who has not acted yet. A safety breach marks
 * the whole row.
 */
import { useEffect, useState } from 'react';
import { packName } from '../engine';
import * as admin from '../session/school-admin';
import { MAX_MESSAGE_CHARS } from '../session/command-schema';
import type { ClassInfo, ClassMessageResult, LiveRow } from '../session/school-api';
import { classRunHref } from './class-links';
import { clock, scoreText } from './format';
import { useT } from '../i18n';
import { Field, Form, reasonOf, Refusal } from './instructor-form';
import { stateName, stopReasonText } from '../i18n/station-text';

const REFRESH_MS = 1000;

type SortKey = 'name' | 'firstAction' | 'alarms' | 'trouble';

const SORTS: Record<SortKey, (a: LiveRow, b: LiveRow) => number> = {
  name: (a, b) => a.displayName.localeCompare(b.displayName),
  // Who has not acted yet first, then the slowest.
  firstAction: (a, b) => (b.run?.firstActionSeconds ?? Number.POSITIVE_INFINITY) - (a.run?.firstActionSeconds ?? Number.POSITIVE_INFINITY),
  alarms: (a, b) => (b.run?.unackedAlarms ?? 0) - (a.run?.unackedAlarms ?? 0),
  trouble: (a, b) => (b.run ? b.run.safetyBreaches * 100 + b.run.wrongRepairs : 0) - (a.run ? a.run.safetyBreaches * 100 + a.run.wrongRepairs : 0),
};

/** A message to every student in a drill now; says who it reached and who was not in one. */
function ClassMessage({ cls }: { cls: ClassInfo }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [result, setResult] = useState<ClassMessageResult | null>(null);
  const act = async (): Promise<string | null> => {
    try {
      setResult(await admin.messageClass(cls.id, text));
      setText('');
      return null;
    } catch (e) {
      return reasonOf(e, t);
    }
  };
  return (
    <div className="class-message">
      <Form label={t('live.messageSend')} act={act} testId="class-message">
        <Field label={t('live.messageClass')} value={text} set={setText} autoComplete="off" testId="class-message-text" maxLength={MAX_MESSAGE_CHARS} />
      </Form>
      {result !== null && (
        <p className="muted" role="status" data-testid="class-message-result">
          {result.sent === 0 ? t('live.messageNobody') : t('live.messageSent', { n: result.sent })}
          {result.notInDrill.length > 0 ? ` ${t('live.messageNotInDrill', { names: result.notInDrill.join(', ') })}` : ''}
        </p>
      )}
    </div>
  );
}

export function ClassLive({ cls }: { cls: ClassInfo }) {
  const { t, lang } = useT();
  const [rows, setRows] = useState<LiveRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<SortKey>('name');
  const [notActed, setNotActed] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: one poll per class
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setInterval> | null = null;
    const get = () =>
      admin.classLive(cls.id).then(
        (r) => {
          if (!live) return;
          setRows(r);
          setError(null);
        },
        (e: unknown) => live && setError(reasonOf(e, t)),
      );
    const poll = () => {
      if (!live || timer !== null) return;
      void get();
      timer = setInterval(() => void get(), REFRESH_MS);
    };
    let socket: WebSocket | null = null;
    try {
      socket = new WebSocket(admin.liveStreamUrl(location.origin, cls.id));
      socket.onmessage = (e: MessageEvent<string>) => {
        if (!live) return;
        setRows((JSON.parse(e.data) as { rows: LiveRow[] }).rows);
        setError(null);
      };
      // Refused (signed out), or the server went away: over HTTP, which says why.
      socket.onclose = poll;
    } catch {
      poll();
    }
    return () => {
      live = false;
      socket?.close();
      if (timer !== null) clearInterval(timer);
    };
  }, [cls.id]);
  const shown = (rows ?? []).filter((r) => !notActed || (r.run !== null && r.run.state !== 'finished' && r.run.firstActionSeconds === null)).sort(SORTS[sort]);
  const title = (x: { en: string; nb?: string }) => (lang === 'nb' ? x.nb : undefined) ?? x.en;
  return (
    <div className="class-live" data-testid="class-live">
      <div className="class-live-tools">
        <label>
          {t('live.sort')}{' '}
          <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)} data-testid="live-sort">
            {(Object.keys(SORTS) as SortKey[]).map((k) => (
              <option key={k} value={k}>
                {t(`live.sort.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="toggle">
          <input type="checkbox" checked={notActed} onChange={(e) => setNotActed(e.target.checked)} data-testid="live-not-acted" /> {t('live.notActed')}
        </label>
      </div>
      <ClassMessage cls={cls} />
      <Refusal text={error} />
      <table className="live-table">
        <caption>{t('live.caption', { class: cls.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('live.student')}</th>
            <th scope="col">{t('live.drill')}</th>
            <th scope="col">{t('live.time')}</th>
            <th scope="col">{t('live.state')}</th>
            <th scope="col">{t('live.line')}</th>
            <th scope="col">{t('live.alarms')}</th>
            <th scope="col">{t('live.firstAction')}</th>
            <th scope="col">{t('live.wrongRepairs')}</th>
            <th scope="col">{t('live.breaches')}</th>
            <th scope="col">{t('live.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => {
            const run = r.run;
            return (
              <tr key={r.studentId} className={run && run.safetyBreaches > 0 ? 'breach' : undefined} data-testid="live-row" data-student={r.displayName}>
                <th scope="row">
                  {r.displayName}
                  {run !== null && (
                    <>
                      <br />
                      <a href={classRunHref(cls.id, run.runId)} target="_blank" rel="noopener" data-testid="live-follow">
                        {t(run.state === 'finished' ? 'live.replay' : 'live.follow')}
                      </a>
                    </>
                  )}
                </th>
                {run === null ? (
                  <td colSpan={9} className="muted">
                    {t('live.none')}
                  </td>
                ) : (
                  <>
                    <td>{title(run.title)}</td>
                    <td className="num">
                      {clock(run.seconds)}
                      {run.speed !== null && run.state !== 'finished' ? ` · ${run.speed}×` : ''}
                    </td>
                    <td>{t(`live.state.${run.state}`)}</td>
                    <td data-testid="live-line">{run.line === null ? t('live.lineOk') : `${title(run.line.name)}: ${stateName({ state: run.line.state, stateName: packName(run.line.state) }, t)}${run.line.stopReason !== 0 ? `, ${stopReasonText(run.line.stopReason, t)}` : ''}`}</td>
                    <td className="num">{run.unackedAlarms}</td>
                    <td className="num">{run.firstActionSeconds === null ? t('live.notYet') : clock(run.firstActionSeconds)}</td>
                    <td className={run.wrongRepairs > 0 ? "num wrong" : "num"} data-testid="live-wrong">
                      {run.wrongRepairs}
                    </td>
                    <td className="num" data-testid="live-breaches">
                      {run.safetyBreaches > 0 ? `⚠ ${run.safetyBreaches}` : '0'}
                    </td>
                    <td data-testid="live-score">{run.verdict.status === 'pending' ? (run.state === 'finished' ? t('live.checking') : run.score === null ? '—' : t('live.scoreSoFar', { score: scoreText(run.score, lang) })) : run.verdict.score === undefined ? t('live.notChecked') : `${scoreText(run.verdict.score, lang)} · ${run.verdict.passed ? t('live.passed') : t('live.failed')}`}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
