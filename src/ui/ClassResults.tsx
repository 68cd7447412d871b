/**
 * A class's results after a drill, on the instructor's page: pick a drill the class has run,
 * see every student's best and latest run as the server scored them, the spread of scores and
 * times, the wrong repair most of them reached for; download it all as CSV.
 */
import { useEffect, useState } from 'react';
import type { RunLine, Spread } from '../session/class-results';
import { resultsCsv } from '../session/class-results';
import * as admin from '../session/school-admin';
import type { ClassInfo } from '../session/school-api';
import { download } from './download';
import { clock, dateTime, scoreText } from './format';
import { hasText, useT } from '../i18n';
import { checkKey } from '../i18n/names';
import { classCompareHref, classRunHref } from './class-links';
import { reasonOf, Refusal } from './instructor-form';

type Drill = Awaited<ReturnType<typeof admin.classDrills>>[number];

/** How often shown results are asked for again (a run verified meanwhile joins them). */
const RESULTS_REFRESH_MS = 5000;

function Bins({ bins }: { bins: readonly number[] }) {
  const { t } = useT();
  const top = Math.max(1, ...bins);
  return (
    <figure className="score-bins" aria-label={t('results.bins')}>
      <figcaption>{t('results.bins')}</figcaption>
      <ol>
        {bins.map((n, k) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the bins are fixed, ten of them in order
          <li key={k} title={`${k * 10}–${k === 9 ? 100 : k * 10 + 9}: ${n}`}>
            <span className="bar" style={{ height: `${(n / top) * 100}%` }} />
            <span className="label">{k * 10}</span>
            <span className="count">{n}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

/**
 * The class debrief on paper: the page prints this drill's results alone (the print styles
 * hide the rest of the page and the buttons while `print-results` is on the body).
 */
function printDebrief(): void {
  document.body.classList.add('print-results');
  const done = () => {
    document.body.classList.remove('print-results');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

/** One time over the class (each student's best run) as dots on a line from 0 to the slowest, with the median marked. */
function Strip({ label, values, median }: { label: string; values: readonly (number | null)[]; median: number | null }) {
  const known = values.filter((v): v is number => v !== null);
  const top = Math.max(1, ...known);
  const x = (v: number) => 8 + (v / top) * 224;
  return (
    <figure className="time-strip">
      <svg viewBox="0 0 240 30" role="img" aria-label={label}>
        <line x1="8" y1="15" x2="232" y2="15" stroke="#78909c" />
        {median !== null && <line x1={x(median)} y1="4" x2={x(median)} y2="26" stroke="#263238" strokeWidth="2" />}
        {known.map((v, k) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one dot per student, in the table's order
          <circle key={k} cx={x(v)} cy="15" r="4" fill="#1565c0" fillOpacity="0.6" />
        ))}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}

export function ClassResults({ cls }: { cls: ClassInfo }) {
  const { t, lang } = useT();
  const [drills, setDrills] = useState<Drill[] | null>(null);
  const [drill, setDrill] = useState('');
  const [got, setGot] = useState<Awaited<ReturnType<typeof admin.classResults>> | null>(null);
  const results = got?.results ?? null;
  const [error, setError] = useState<string | null>(null);
  /** Up to two runs to compare (the last two ticked). */
  const [picked, setPicked] = useState<number[]>([]);
  // Asked again every few seconds while shown: runs that end meanwhile join once the server has verified them.
  const [round, setRound] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setRound((n) => n + 1), RESULTS_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked per class, and again each round
  useEffect(() => {
    admin.classDrills(cls.id).then(
      (d) => {
        setDrills(d);
        setDrill((now) => now || (d[0]?.scenarioId ?? ''));
      },
      (e: unknown) => setError(reasonOf(e, t)),
    );
  }, [cls.id, round]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again when the drill changes, and each round
  useEffect(() => {
    if (drill === '') return;
    admin.classResults(cls.id, drill).then(setGot, (e: unknown) => setError(reasonOf(e, t)));
  }, [cls.id, drill, round]);
  const title = (x: { en: string; nb?: string }) => (lang === 'nb' ? x.nb : undefined) ?? x.en;
  const station = (id: string) => (got?.stations[id] ? title(got.stations[id]!) : id);
  const time = (s: number | null) => (s === null ? '—' : clock(s));
  const spread = (what: string, s: Spread) => (s.n === 0 ? t('results.spreadNone', { what }) : t('results.spread', { what, median: time(s.median), min: time(s.min), max: time(s.max), n: s.n }));
  const runs = (n: number) => (n === 1 ? t('results.oneRun') : t('results.runs', { n }));
  const pick = (runId: number, on: boolean) => setPicked((now) => (on ? [...now.filter((x) => x !== runId), runId].slice(-2) : now.filter((x) => x !== runId)));
  const cells = (r: RunLine, who: string) => (
    <>
      <td className="num">{scoreText(r.score, lang)}</td>
      <td>{r.passed ? t('live.passed') : t('live.failed')}</td>
      <td className="num">{time(r.detect)}</td>
      <td className="num">{time(r.diagnose)}</td>
      <td className="num">{time(r.restore)}</td>
      <td className="num">{r.wrongRepairs}</td>
      <td className="num">{r.safetyBreaches > 0 ? `⚠ ${r.safetyBreaches}` : '0'}</td>
      <td className="num">{r.productionLost}</td>
      <td className="num">{r.hints}</td>
      <td className="run-open">
        <a href={classRunHref(cls.id, r.runId)} target="_blank" rel="noopener" data-testid="results-replay">
          {t('live.replay')}
        </a>{' '}
        <label className="toggle">
          <input type="checkbox" checked={picked.includes(r.runId)} onChange={(e) => pick(r.runId, e.target.checked)} aria-label={t('results.pickFor', { name: who })} data-testid="results-pick" />
          {t('results.pick')}
        </label>
      </td>
    </>
  );
  const current = drills?.find((d) => d.scenarioId === drill);
  const missed = results?.evidenceMissed.filter((e) => e.missed > 0) ?? [];
  return (
    <div className="class-results" data-testid="class-results">
      <Refusal text={error} />
      {drills?.length === 0 && <p className="muted">{t('results.none')}</p>}
      {drills && drills.length > 0 && (
        <label>
          {t('results.drill')}{' '}
          <select value={drill} onChange={(e) => setDrill(e.target.value)} data-testid="results-drill">
            {drills.map((d) => (
              <option key={d.scenarioId} value={d.scenarioId}>
                {title(d.title)} ({runs(d.runs)})
              </option>
            ))}
          </select>
        </label>
      )}
      {results && current && (
        <>
          <h3 className="print-only">{t('results.printHeading', { class: cls.name, drill: title(current.title), date: dateTime(new Date(), lang, { time: false }) })}</h3>
          <p data-testid="results-summary">
            {t('results.passed', { passed: results.passed, students: results.students.length })}
            <br />
            {results.commonWrongRepair === null
              ? t('results.noWrongRepair')
              : t(results.commonWrongRepair.students === 1 ? 'results.commonWrongRepairOne' : 'results.commonWrongRepair', {
                  action: hasText(`repair.${results.commonWrongRepair.action}`) ? t(`repair.${results.commonWrongRepair.action}` as never) : results.commonWrongRepair.action,
                  station: station(results.commonWrongRepair.station),
                  n: results.commonWrongRepair.students,
                })}
          </p>
          <div className="results-charts">
            <Bins bins={results.scoreBins} />
            {(['detect', 'diagnose', 'restore'] as const).map((what) => (
              <Strip key={what} label={spread(t(`results.${what}`), results[what])} values={results.students.map((st) => st.best[what])} median={results[what].median} />
            ))}
          </div>
          <div data-testid="results-evidence">
            <h4>{t('results.evidence')}</h4>
            {missed.length === 0 ? (
              // A drill whose faults no check bears on (a breakdown) has only faceplates to look at: it said "and made the checks".
              <p className="muted">{t(results.evidenceMissed.some((e) => e.look !== 'faceplate') ? 'results.evidenceAll' : 'results.evidenceAllFaceplates')}</p>
            ) : (
              <ul>
                {missed.map((e) => (
                  <li key={`${e.station} ${e.look}`}>
                    {e.look === 'faceplate'
                      ? t('results.evidenceFaceplate', { station: station(e.station), missed: e.missed, of: e.of })
                      : t('results.evidenceItem', { check: hasText(`check.${e.look}`) ? t(checkKey(e.look, got?.stations[e.station]?.type === 'assembly')) : e.look, station: station(e.station), missed: e.missed, of: e.of })}
                  </li>
                ))}
              </ul>
            )}
          </div>
          {/* Never cut off: a table wider than the card scrolls sideways inside it. */}
          <div className="table-scroll" data-testid="results-table">
          <table className="live-table results-table">
            <caption>{t('results.caption', { drill: title(current.title) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('live.student')}</th>
                <th scope="col">{t('results.which')}</th>
                <th scope="col">{t('results.score')}</th>
                <th scope="col">{t('results.verdict')}</th>
                <th scope="col">{t('results.detect')}</th>
                <th scope="col">{t('results.diagnose')}</th>
                <th scope="col">{t('results.restore')}</th>
                <th scope="col">{t('live.wrongRepairs')}</th>
                <th scope="col">{t('live.breaches')}</th>
                <th scope="col">{t('results.lost')}</th>
                <th scope="col">{t('results.hints')}</th>
                <th scope="col">{t('results.open')}</th>
              </tr>
            </thead>
            <tbody>
              {results.students.flatMap((s) => [
                <tr key={`${s.studentId} best`} data-testid="results-row" data-student={s.displayName}>
                  <th scope="row" rowSpan={2}>
                    {s.displayName} <span className="muted">({runs(s.runs)})</span>
                  </th>
                  <td>{t('results.best')}</td>
                  {cells(s.best, `${s.displayName}, ${t('results.best')}`)}
                </tr>,
                <tr key={`${s.studentId} latest`}>
                  <td>{t('results.latest')}</td>
                  {cells(s.latest, `${s.displayName}, ${t('results.latest')}`)}
                </tr>,
              ])}
            </tbody>
          </table>
          </div>
          <div className="results-actions">
            {picked.length === 2 ? (
              <a className="button" href={classCompareHref(cls.id, picked[0]!, picked[1]!)} target="_blank" rel="noopener" data-testid="results-compare">
                {t('results.compare')}
              </a>
            ) : (
              <span className="muted">{t('results.pickTwo')}</span>
            )}
            <button type="button" onClick={() => download(`${cls.name} ${drill}.csv`, resultsCsv(results), 'text/csv')} data-testid="results-csv">
              {t('results.csv')}
            </button>
            <button type="button" onClick={printDebrief} data-testid="results-print">
              {t('results.print')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
