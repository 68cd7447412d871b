import { useEffect, useState } from 'react';
import { CHECK_KINDS, type CheckResult, checkApplies, type FaultType, type LogEntry, Pack, REPAIR_ACTIONS, type RepairAction, repairApplies, type StationView } from '../engine';
import { FAULT_TYPES } from '../scenario/schema';
import { useSim, useSimHistory } from '../store/use-sim';
import { SpcChart, TrendChart } from './Charts';
import { checkRange, resultText } from './check-text';
import { clock, sensorDigits } from './format';
import { type Language, useT } from '../i18n';
import { type Names, refusalMessage } from '../i18n/names';
import { SafetyBreachNote } from './SafetyBreachNote';
import { useNames } from '../store/use-names';
import { countersText, firstOut, interlockText, stateName, stopReasonText } from '../i18n/station-text';
import { TaskProgress } from './TaskProgress';
import { describeTask } from './describe';

type T = ReturnType<typeof useT>['t'];
import { SensorBar } from './SensorBar';

const PACK_BUTTONS = ['reset', 'start', 'stop', 'hold', 'unhold', 'abort', 'clear'] as const;
/** The stations with a speed setpoint (the engine refuses one elsewhere). */
const HAS_SPEED = new Set(['machine', 'assembly', 'inspection']);

/** The causes that are a sensor's own fault: a diagnosis of one names which sensor. */
const SENSOR_CAUSES: ReadonlySet<FaultType> = new Set(['sensorStuck', 'sensorNoisy', 'sensorDead']);

/** The states a stop reason leads into. */
const INTO_STOP: ReadonlySet<number> = new Set([Pack.Stopping, Pack.Stopped, Pack.Holding, Pack.Held, Pack.Aborting, Pack.Aborted, Pack.Suspending, Pack.Suspended]);

/** One line of a station's event log in the student's words. */
function describeEntry(e: LogEntry, t: T, lang: Language, results: readonly CheckResult[], names: Names): string {
  switch (e.kind) {
    case 'state': {
      const from = stateName({ state: e.from, stateName: String(e.from) }, t);
      const to = stateName({ state: e.to, stateName: String(e.to) }, t);
      // The stop reason is why a station went into a stop, not out of it: "Stopped → Resetting
      // (33 Operator stop)" read as if the stop had reset it.
      return `${from} → ${to}${e.reason && INTO_STOP.has(e.to) ? ` (${e.reason} ${stopReasonText(e.reason, t)})` : ''}`;
    }
    case 'taskDone': {
      if (e.task === 'repair') return t('event.taskDone', { action: describeTask(e.task, e.action, e.target, e.station, t, names) });
      const r = results.find((x) => x.tick === e.tick && x.station === e.station && x.check === e.action);
      return r ? t('event.checkDone', { result: resultText(r, t, lang), range: checkRange(r, t, lang).text }) : t('event.taskDone', { action: describeTask(e.task, e.action, e.target, e.station, t, names) });
    }
    case 'lot':
      return `${t('faceplate.lot')} ${e.lot}`;
    default:
      return e.kind;
  }
}

/**
 * At one instant, a finished task before what it brought about: the engine logs the work's
 * effects as they happen, then the work as done, so the source's log read "01:12:32 Material lot
 * LOT-C", then "01:12:32 Quarantine lot (LOT-B) finished". (A stable sort: the rest keep their order.)
 */
function causeFirst(entries: readonly LogEntry[]): LogEntry[] {
  const rank = (e: LogEntry) => (e.kind === 'taskDone' ? 0 : 1);
  return entries.slice().sort((a, b) => a.tick - b.tick || rank(a) - rank(b));
}

/**
 * A station's sensors to choose from: the instrument a handheld check reads, the sensor a repair
 * replaces, the one a diagnosis names. `unchosen` starts it on an empty choice that says so.
 */
function SensorChoice({ label, sensors, value, onChange, unchosen }: { label: string; sensors: StationView['sensors']; value: string; onChange: (kind: string) => void; unchosen?: string }) {
  const { t } = useT();
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {unchosen !== undefined && (
        <option value="" disabled>
          {unchosen}
        </option>
      )}
      {sensors.map((x) => (
        <option key={x.kind} value={x.kind}>
          {t(`sensor.${x.kind}`)}
        </option>
      ))}
    </select>
  );
}

function Controls({ st }: { st: StationView }) {
  const { t } = useT();
  const names = useNames();
  const send = useSim((s) => s.send);
  const [repair, setRepair] = useState<RepairAction>('generalRepair');
  // Three choices, not one: a sensor replaced or named in a diagnosis was the check's instrument,
  // unseen beside the diagnosis, so "Dead sensor" at the measuring station named its cycle time
  // (the first instrument) and was judged wrong. Those two start unchosen.
  const [sensor, setSensor] = useState(st.sensors[0]?.kind ?? '');
  const [replaced, setReplaced] = useState('');
  const [named, setNamed] = useState('');
  const [lot, setLot] = useState(st.lot ?? '');
  // The lot field follows the lot the source releases: once LOT-B was quarantined and LOT-C came
  // in, it still offered LOT-B (quarantining it again is refused).
  useEffect(() => setLot(st.lot ?? ''), [st.lot]);
  const [cause, setCause] = useState<FaultType>('breakdown');
  const [speed, setSpeed] = useState(st.speed);
  // The field starts from the setpoint the machine has: after a restore of the approved
  // parameters (or a change through OPC UA) it shows the new one, not what was typed before.
  useEffect(() => setSpeed(st.speed), [st.speed]);
  const passive = st.type === 'buffer' || st.type === 'sink';
  // Only the checks and repairs this station allows: a pallet of castings has no lubrication
  // to check, a drill no robot to re-teach (the engine refuses the rest by the same rules).
  const has = { sensors: st.sensors.length > 0, gauge: st.sensors.some((x) => x.kind === 'dimension'), air: st.usesAir };
  const checks = CHECK_KINDS.filter((c) => checkApplies(c, st.type, has));
  const repairs = REPAIR_ACTIONS.filter((r) => repairApplies(r, st.type, has));
  const choosesSensor = repair === 'replaceSensor' && has.sensors;
  const namesSensor = SENSOR_CAUSES.has(cause) && has.sensors;
  return (
    <>
      {!passive && (
        <section>
          <h4>{t('faceplate.control')}</h4>
          <div className="buttons">
            {PACK_BUTTONS.map((c) => (
              <button type="button" key={c} onClick={() => send({ type: 'packml', station: st.id, command: c })}>
                {t(`cmd.${c}`)}
              </button>
            ))}
          </div>
          {HAS_SPEED.has(st.type) && (
            <div className="row">
              <label>
                {t('faceplate.newSpeed')}{' '}
                <input type="number" min={10} max={120} value={speed} onChange={(e) => setSpeed(Number(e.target.value))} /> %
              </label>
              <button type="button" onClick={() => send({ type: 'setSpeed', station: st.id, percent: speed })}>
                {t('faceplate.setSpeed')}
              </button>
            </div>
          )}
        </section>
      )}
      <section>
        <h4>{t('faceplate.safety')}</h4>
        <div className="buttons">
          {st.lockedOut ? (
            <button type="button" onClick={() => send({ type: 'removeLockOut', station: st.id })}>
              {t('faceplate.removeLockOut')}
            </button>
          ) : (
            <button type="button" onClick={() => send({ type: 'lockOut', station: st.id })}>
              {t('faceplate.lockOut')}
            </button>
          )}
        </div>
      </section>
      {checks.length > 0 && (
        <section>
          <h4>{t('faceplate.checks')}</h4>
          <div className="row">
            {st.sensors.length > 0 && (
              <SensorChoice label={t('faceplate.sensorChoice')} sensors={st.sensors} value={sensor} onChange={setSensor} />
            )}
          </div>
          <div className="buttons">
            {checks.map((c) => (
              <button type="button" key={c} onClick={() => send(c === 'handheld' ? { type: 'check', station: st.id, check: c, sensor } : { type: 'check', station: st.id, check: c })}>
                {/* A robot's tool is its gripper: the drill's objective says so, and so does the button. */}
                {names.check(c, st.id)}
              </button>
            ))}
          </div>
        </section>
      )}
      <section>
        <h4>{t('faceplate.repairs')}</h4>
        <div className="row">
          <select aria-label={t('faceplate.repairChoice')} value={repair} onChange={(e) => setRepair(e.target.value as RepairAction)}>
            {repairs.map((r) => (
              <option key={r} value={r}>
                {t(`repair.${r}`)}
              </option>
            ))}
          </select>
          {/* Which sensor is replaced is chosen here, beside the repair (it was only the check's instrument, above). */}
          {choosesSensor && (
            <SensorChoice label={t('faceplate.sensorToReplace')} sensors={st.sensors} value={replaced} onChange={setReplaced} unchosen={t('faceplate.chooseSensor')} />
          )}
          {repair === 'quarantineLot' && <input aria-label={t('faceplate.lotChoice')} value={lot} onChange={(e) => setLot(e.target.value)} size={6} />}
          <button
            type="button"
            disabled={choosesSensor && replaced === ''}
            onClick={() =>
              send(
                repair === 'replaceSensor'
                  ? { type: 'repair', station: st.id, action: repair, sensor: replaced }
                  : repair === 'quarantineLot'
                    ? { type: 'repair', station: st.id, action: repair, lot }
                    : { type: 'repair', station: st.id, action: repair },
              )
            }
          >
            {t('faceplate.doRepair')}
          </button>
        </div>
      </section>
      <section>
        <h4>{t('faceplate.diagnosis')}</h4>
        <div className="row">
          <select aria-label={t('faceplate.cause')} value={cause} onChange={(e) => setCause(e.target.value as FaultType)}>
            {FAULT_TYPES.map((f) => (
              <option key={f} value={f}>
                {t(`cause.${f}`)}
              </option>
            ))}
          </select>
          {namesSensor && <SensorChoice label={t('faceplate.sensorOfCause')} sensors={st.sensors} value={named} onChange={setNamed} unchosen={t('faceplate.chooseSensor')} />}
          <button
            type="button"
            disabled={namesSensor && named === ''}
            onClick={() => send(namesSensor ? { type: 'diagnose', station: st.id, cause, sensor: named } : { type: 'diagnose', station: st.id, cause })}
          >
            {t('faceplate.declare')}
          </button>
        </div>
      </section>
    </>
  );
}

/** L2/L3 faceplate of the selected station. */
export function Faceplate() {
  const { t, lang } = useT();
  const selected = useSim((s) => s.selected);
  const st = useSim((s) => s.observation?.stations.find((x) => x.id === s.selected));
  const refusal = useSim((s) => s.refusal);
  const refusalKey = useSim((s) => s.refusalKey);
  const names = useNames();
  const results = useSim((s) => s.observation?.checkResults);
  const log = useSim((s) => s.observation?.log);
  const history = useSimHistory();
  const readOnly = useSim((s) => s.phase === 'replay');
  if (!selected || !st)
    return (
      <aside className="faceplate empty" id="faceplate" tabIndex={-1}>
        {t('faceplate.none')}
      </aside>
    );
  const abnormal = st.state === Pack.Held || st.state === Pack.Aborted || st.state === Pack.Holding || st.state === Pack.Aborting;
  const dim = st.sensors.find((x) => x.kind === 'dimension');
  const trended = st.sensors.filter((x) => x.kind !== 'dimension');
  const mine = (results ?? []).filter((r) => r.station === st.id).slice(-4);
  const events = causeFirst((log ?? []).filter((e) => 'station' in e && e.station === st.id)).slice(-8);
  // Interventions on the measured characteristic: a repair here, or a tool change or a recalibration anywhere.
  const interventions = (log ?? []).flatMap((e) =>
    e.kind === 'taskDone' && e.task === 'repair' && (e.station === st.id || e.action === 'replaceTool' || e.action === 'recalibrate') ? [e.tick] : [],
  );
  return (
    <aside className="faceplate" aria-label={names.station(st.id)} data-testid="faceplate" id="faceplate" tabIndex={-1}>
      <h3>
        {names.station(st.id)} <small>{t(`type.${st.type}`)}</small>
      </h3>
      {st.lockedOut && <p className="lockout">{t('faceplate.lockedOut')}</p>}
      <dl className="facts">
        <dt>{t('faceplate.state')}</dt>
        <dd>
          <span className={`state ${abnormal ? 'abnormal' : ''}`} data-testid="faceplate-state" data-state={st.stateName} title={t('pack.tooltip', { name: st.stateName })}>
            {stateName(st, t)}
          </span>
        </dd>
        <dt>{t('faceplate.reason')}</dt>
        <dd data-testid="faceplate-reason" data-reason={st.stopReason}>
          {firstOut(st, t)}
        </dd>
        <dt>{t('faceplate.interlock')}</dt>
        <dd data-testid="faceplate-interlock">{interlockText(st, t)}</dd>
        <dt>{t('faceplate.counters.label')}</dt>
        <dd data-testid="faceplate-counters">{countersText(st, t)}</dd>
        <dt>{t('faceplate.parts')}</dt>
        <dd>{st.capacity === null ? st.parts : `${st.parts} / ${st.capacity}`}</dd>
        {HAS_SPEED.has(st.type) && (
          <>
            <dt>{t('faceplate.speed')}</dt>
            {/* The approved value beside the setpoint: a changeover that left it elsewhere shows here. */}
            {/* Marked the way the instruments are: ▼ below the approved value, ▲ above it. */}
            <dd data-testid="faceplate-speed" className={st.speed !== st.approvedSpeed ? 'abnormal' : undefined}>
              {st.speed !== st.approvedSpeed && <span aria-hidden="true">{st.speed < st.approvedSpeed ? '▼ ' : '▲ '}</span>}
              {t('faceplate.speedValue', { speed: st.speed, approved: st.approvedSpeed })}
            </dd>
          </>
        )}
        {st.lot !== null && (
          <>
            <dt>{t('faceplate.lot')}</dt>
            <dd>{st.lot}</dd>
          </>
        )}
        {st.task && (
          <>
            <dt>{t('faceplate.task')}</dt>
            <dd data-testid="faceplate-task">
              <TaskProgress task={st.task} station={st.id} />
            </dd>
          </>
        )}
      </dl>
      <SafetyBreachNote station={st.id} />
      {refusal && (
        <p className="refusal" role="alert" data-testid="refusal">
          {t('faceplate.refused')}: {refusalKey ? refusalMessage(refusalKey, names, t) : refusal}
        </p>
      )}
      {st.sensors.length > 0 && (
        <section>
          <h4>{t('faceplate.sensors')}</h4>
          {st.sensors.map((x) => (
            <SensorBar key={x.id} sensor={x} />
          ))}
        </section>
      )}
      {/* A replay shows the controls as they were, but nobody can press them. */}
      <fieldset className="bare" disabled={readOnly} title={readOnly ? t('replay.readOnly') : undefined}>
        <Controls key={st.id} st={st} />
      </fieldset>
      {mine.length > 0 && (
        <section>
          <h4>{t('faceplate.results')}</h4>
          <ul className="results" data-testid="check-results">
            {mine.map((r) => {
              const range = checkRange(r, t, lang);
              return (
                <li key={`${r.tick}${r.check}`} className={range.outside ? 'abnormal' : ''}>
                  {clock(r.tick / 10)} · {resultText(r, t, lang)} <span className="muted">({range.text})</span>
                  {range.outside && <strong> · {t('faceplate.outOfRange')}</strong>}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {dim && <SpcChart series={history?.parts.get(st.id)} tolerance={dim.normal} interventions={interventions} unit={dim.unit} />}
      {/* A station without instruments (a source, a buffer) has no trends: no empty heading either. */}
      {trended.length > 0 && (
        <section>
          <h4>{t('faceplate.trend')}</h4>
          {trended.map((x) => (
            <TrendChart key={x.id} series={history?.sensors.get(x.id)} normal={x.normal} label={t(`sensor.${x.kind}`)} unit={x.unit} digits={sensorDigits(x.kind)} />
          ))}
        </section>
      )}
      <section>
        <h4>{t('faceplate.events')}</h4>
        <ul className="events">
          {events.map((e, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the log only grows at the end; tick plus position is stable
            <li key={`${e.tick}-${k}`}>
              {clock(e.tick / 10)} · {describeEntry(e, t, lang, results ?? [], names)}
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
