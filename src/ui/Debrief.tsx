import { objectiveText } from '../scenario';
import { useSim } from '../store/use-sim';
import { TrendChart } from './Charts';
import { debriefCsv, type TimelineRow } from './debrief-export';
import { describeCommand } from './describe';
import { download } from './download';
import { ExportButton } from './ExportButton';
import { BackToEditor } from './BackToEditor';
import { CouldHaveSeen, ScenarioNotes } from './CouldHaveSeen';
import { decisionText, faultWhere, penaltyText, repeatedResets, verdictText } from './debrief-text';
import { clock, localNum, minutes, scoreText } from './format';
import { useT } from '../i18n';
import { refusalMessage } from '../i18n/names';
import { useNames } from '../store/use-names';
import { WorkProgress } from './WorkProgress';

/** The shift's charts are read on their own (and printed): tall enough for a scale of five steps. */
const DEBRIEF_CHART_HEIGHT = 220;

export function Debrief() {
  const { t, lang } = useT();
  const names = useNames();
  const sc = useSim((s) => s.scenario);
  // A drill without faults (the tutorial) has nothing to score its objectives by: its notes are
  // the answers a student at home checks themself against (there, no instructor to ask).
  const faultFree = (sc?.faults?.length ?? 0) === 0;
  const selfCheck = faultFree && (sc?.evidence?.length ?? 0) > 0;
  const exportSession = useSim((s) => s.exportSession);
  const openReplay = useSim((s) => s.openReplay);
  const runId = useSim((s) => s.runId);
  const back = useSim((s) => s.toLibrary);
  const job = useSim((s) => (s.job?.what === 'debrief' ? s.job : null));
  const cancel = useSim((s) => s.cancelJob);
  // The assessment re-runs the engine from the command log (in the analysis worker): the same
  // verdict live and on replay. The same pass gives the command timeline with each command's verdict.
  const index = useSim((s) => s.debrief);
  if (!index) {
    return (
      <main className="debrief" data-testid="debrief-pending">
        <h1>{t('debrief.heading')}</h1>
        <WorkProgress label={t('work.debrief')} fraction={job?.fraction ?? 0} onCancel={cancel} />
      </main>
    );
  }
  const a = index.assessment;
  // A panel opened is where the student looked, not something done: the replay shows it, this list does not.
  const timeline: TimelineRow[] = index.markers.flatMap((m) => (m.kind === 'command' && m.command.type !== 'openPanel' ? [{ tick: m.tick, command: describeCommand(m.command, t, names), accepted: m.accepted, reason: m.refusal ? refusalMessage(m.refusal, names, t) : m.reason }] : []));
  // Sampled over the whole run as the analysis re-ran it: the live history has a gap where time
  // jumped (a run played on to the shift's end, a resumed run) and keeps only its newest points.
  const k = index.kpis;
  // Opens this run's replay at a moment: the session file with its checkpoints comes from the engine.
  const replayAt = (at: number) => {
    void exportSession().then((file) => {
      if (file !== null) openReplay(file, runId, at);
    });
  };
  const order = sc?.scoring?.order;
  const refused = timeline.filter((r) => !r.accepted);
  const resets = repeatedResets(index.markers);
  return (
    <main className="debrief" data-testid="debrief">
      <h1>{t('debrief.heading')}</h1>
      <p className={`score ${a.passed ? 'pass' : 'fail'}`}>
        {t('debrief.score')}: <strong data-testid="score">{scoreText(a.score, lang)}</strong> / 100 — <span data-testid="verdict">{a.passed ? t('debrief.passed') : t('debrief.failed')}</span>
      </p>
      <p data-testid="decision">{decisionText(a, t, lang)}</p>
      {a.safetyBreaches.length > 0 && <p className="refusal">{t('debrief.safety')}</p>}
      <p>{t('debrief.production', { good: a.goodParts, possible: a.possibleGoodParts, scrap: a.scrapParts })}</p>
      {order !== undefined && (
        <p data-testid="order-outcome" className={a.goodParts >= order.goodParts ? '' : 'refusal'}>
          {t('debrief.order', {
            due: order.goodParts,
            made: a.goodParts,
            outcome: a.goodParts >= order.goodParts ? t('debrief.orderMet') : t('debrief.orderMissed', { short: order.goodParts - a.goodParts }),
          })}
        </p>
      )}
      {a.objectives.length > 0 && (
        <>
          <h2>{t('debrief.objectives')}</h2>
          <ul className="verdicts" data-testid="objective-verdicts">
            {a.objectives.map((v) => (
              <li key={v.index} className={!v.judged ? 'unjudged' : v.met ? 'met' : 'not-met'} data-met={v.judged ? String(v.met) : 'unjudged'}>
                <span className="mark">{!v.judged ? '○' : v.met ? '✓' : '✗'}</span> <strong>{objectiveText(sc!.objectives![v.index]!, lang)}</strong> —{' '}
                {!v.judged ? t('debrief.notJudged') : v.met ? t('debrief.met') : t('debrief.notMet')}: {!v.judged && selfCheck ? t('verdict.unjudgedSelf') : verdictText(v, t, lang, names)}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('debrief.faults')}</h2>
      {a.faults.length === 0 ? (
        // A drill without faults (the tutorial), or one ended before its fault began: a sentence, not an empty table.
        <>
          <p data-testid="no-faults">{faultFree ? t('debrief.noFaultsInDrill') : t('debrief.noFaultBegan')}</p>
          {selfCheck && (
            <section data-testid="self-check">
              <ScenarioNotes heading={t('debrief.selfCheck')} level="h2" />
            </section>
          )}
        </>
      ) : (
        <table className="faults">
          <thead>
            <tr>
              <th>{t('debrief.fault')}</th>
              <th>{t('debrief.where')}</th>
              <th>{t('debrief.when')}</th>
              <th>{t('debrief.detect')}</th>
              <th>{t('debrief.diagnose')}</th>
              <th>{t('debrief.restore')}</th>
            </tr>
          </thead>
          <tbody>
            {a.faults.map((f) => (
              <tr key={f.id}>
                <td>{t(`cause.${f.type}` as never)}</td>
                <td>{faultWhere(f, sc, names, t)}</td>
                <td>{clock(f.onsetSeconds)}</td>
                <td>{f.detectSeconds === null ? t('debrief.never') : minutes(f.detectSeconds, lang)}</td>
                <td>{f.diagnoseSeconds === null ? t('debrief.never') : minutes(f.diagnoseSeconds, lang)}</td>
                <td>{f.restoreSeconds === null ? t('debrief.never') : minutes(f.restoreSeconds, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {a.wrongRepairs.length > 0 && (
        <>
          <h2>{t('debrief.wrongRepairs')}</h2>
          <ul data-testid="wrong-repairs">
            {a.wrongRepairs.map((w) => (
              <li key={`${w.tick}${w.station}${w.action}`}>
                {clock(w.tick / 10)} · {names.station(w.station)} · {t(`repair.${w.action}` as never)}
              </li>
            ))}
          </ul>
        </>
      )}
      {a.safetyBreaches.length > 0 && (
        <ul className="refusal">
          {a.safetyBreaches.map((b) => (
            <li key={`${b.tick}${b.station}`}>
              {clock(b.tick / 10)} · {names.station(b.station)} · {t(b.what.startsWith('this check') ? 'debrief.breachCheck' : 'debrief.breachRepair')}
            </li>
          ))}
        </ul>
      )}
      {a.penalties.length > 0 && (
        <>
          <h2>{t('debrief.penalties')}</h2>
          <ul>
            {a.penalties.map((p) => (
              <li key={p.reason}>
                −{localNum(p.points, 1, lang)}: {penaltyText(p, t, names)}
              </li>
            ))}
          </ul>
        </>
      )}
      <CouldHaveSeen assessment={a} markers={index.markers} seen={index.seen} onReplayAt={replayAt} />
      <h2>{t('debrief.refused')}</h2>
      {refused.length === 0 ? (
        <p className="muted">{t('debrief.refusedNone')}</p>
      ) : (
        <>
          <ul data-testid="refused-commands">
            {refused.map((r) => (
              <li key={`${r.tick}${r.command}`}>
                {clock(r.tick / 10)} · {r.command}: {r.reason}
              </li>
            ))}
          </ul>
          <p className="muted">{t('debrief.refusedCost')}</p>
        </>
      )}
      {resets.map(([station, n]) => (
        <p key={station} data-testid="repeated-resets">
          {t('debrief.resets', { n, station: names.station(station) })}
        </p>
      ))}
      <h2>{t('debrief.timeline')}</h2>
      {timeline.length === 0 ? (
        <p className="muted">{t('debrief.noCommands')}</p>
      ) : (
        <table className="faults command-log" data-testid="command-timeline">
          <tbody>
            {timeline.map((r, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the log is fixed once the run is over
              <tr key={n} className={r.accepted ? '' : 'refused'}>
                <td>{clock(r.tick / 10)}</td>
                <td>{r.command}</td>
                <td>{r.accepted ? '✓' : `✗ ${t('faceplate.refused')}: ${r.reason}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <TrendChart series={{ ticks: k.ticks, values: k.oee.map((x) => x * 100) }} normal={[60, 85]} label={t('debrief.oee')} unit="%" digits={0} legend={t('debrief.oeeBand')} height={DEBRIEF_CHART_HEIGHT} />
      <TrendChart series={{ ticks: k.ticks, values: k.throughput }} normal={null} label={t('debrief.throughput')} unit={t('chart.perHour')} digits={0} height={DEBRIEF_CHART_HEIGHT} />
      <div className="buttons no-print">
        <button type="button" onClick={() => window.print()}>
          {t('debrief.print')}
        </button>
        <button type="button" onClick={() => download(`${sc?.id ?? 'debrief'}.debrief.csv`, debriefCsv(sc?.id ?? '', a, timeline), 'text/csv')}>
          CSV
        </button>
        <button type="button" onClick={() => download(`${sc?.id ?? 'debrief'}.debrief.json`, `${JSON.stringify({ scenario: sc?.id, ...a, commands: timeline }, null, 2)}\n`, 'application/json')}>
          JSON
        </button>
        <ExportButton />
        <BackToEditor />
        <button type="button" onClick={back}>
          {t('debrief.again')}
        </button>
      </div>
    </main>
  );
}
