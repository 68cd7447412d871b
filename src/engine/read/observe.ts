/**
 * What a student may see (observe) and what only the instructor and the assessment may see
 * (truth). A student's screens are built from `observe` alone, so the hidden fault stays
 * hidden by construction: nothing in it names a fault.
 */
import { FLOOD_COUNT, FLOOD_WINDOW_TICKS } from '../core/alarm-flood';
import { holdingCause } from './fault-effects';
import { reading } from './sensors';
import type { AlarmPhase, CheckResult, FaultPhase, LogEntry, State, TruthLog } from '../core/state';
import { kpis, type Kpis } from './kpis';
import { type AlarmPriority, type AlarmText, type FaultType, isProcess, type SensorKind, type StationType } from '../core/model';
import { Interlock, isRunning, PACK_NAMES, StopReason, stopReasonText } from '../core/packml';
import { TICKS_PER_SECOND } from '../core/time';

const INTERLOCK_NAMES: Readonly<Record<Interlock, 'none' | 'starved' | 'blocked'>> = {
  [Interlock.None]: 'none',
  [Interlock.Starved]: 'starved',
  [Interlock.Blocked]: 'blocked',
};

export interface SensorView {
  readonly id: string;
  readonly kind: SensorKind;
  readonly unit: string;
  readonly value: number | null;
  readonly mA: number;
  readonly quality: 'good' | 'bad';
  readonly normal: readonly [number, number];
  /** The transmitter's span (4 mA to 20 mA): an OPC UA client shows it as the EU range. */
  readonly range: readonly [number, number];
}

export interface StationView {
  readonly id: string;
  readonly name: string;
  readonly type: StationType;
  readonly state: number;
  readonly stateName: string;
  /** PackTags EquipmentInterlock. */
  readonly interlock: 'none' | 'starved' | 'blocked';
  readonly stopReason: number;
  readonly stopReasonText: string;
  /**
   * The controller still sees the cause of a stop (a drive fault, a jam, a failed bearing's
   * trip): what a PLC's fault bit tells the technician, not which fault it is.
   */
  readonly causePresent: boolean;
  readonly lockedOut: boolean;
  readonly speed: number;
  readonly approvedSpeed: number;
  readonly processed: number;
  readonly good: number;
  readonly scrap: number;
  readonly rework: number;
  /** Parts inside: waiting in a buffer or on a conveyor, in process, or finished and waiting. */
  readonly parts: number;
  readonly capacity: number | null;
  /** Works with compressed air (its cylinders slow down when the air pressure drops). */
  readonly usesAir: boolean;
  readonly lot: string | null;
  /** Work under way; `target` is the sensor kind or lot it is aimed at ("" for none). */
  readonly task: { readonly kind: 'repair' | 'check'; readonly action: string; readonly target: string; readonly remainingSeconds: number; readonly totalSeconds: number } | null;
  readonly sensors: readonly SensorView[];
  /** The last gauge readings of parts, [tick, value], oldest first. */
  readonly measured: readonly (readonly [number, number])[];
}

export interface AlarmView {
  readonly id: string;
  readonly station: string;
  readonly priority: AlarmPriority;
  readonly phase: AlarmPhase;
  readonly active: boolean;
  readonly message: string;
  /** The message as a kind and values, for the screen's language. */
  readonly text: AlarmText;
  /** Last change of its ISA-18.2 state. */
  readonly since: number;
  /** When it became active (the time the list shows), or -1 for one shelved before it ever rose. */
  readonly raisedAt: number;
  /** When this activation was acknowledged, or -1. */
  readonly ackedAt: number;
  readonly shelvedUntil: number | null;
}

export interface Observation {
  readonly tick: number;
  readonly seconds: number;
  readonly eStop: boolean;
  readonly stations: readonly StationView[];
  /** Alarms that are not Normal, most urgent first. */
  readonly alarms: readonly AlarmView[];
  readonly flood: boolean;
  readonly kpis: Kpis;
  readonly checkResults: readonly CheckResult[];
  readonly quarantined: readonly string[];
  readonly log: readonly LogEntry[];
}

const PRIORITY_ORDER: Record<AlarmPriority, number> = { high: 0, medium: 1, low: 2 };

export function observe(s: State, logTail = 200): Observation {
  const m = s.model;
  const stations: StationView[] = m.stations.map((spec, i) => {
    const st = s.stations[i]!;
    const sensors: SensorView[] = [];
    for (const si of Object.values(m.sensorsOf[i]!)) {
      if (si === undefined) continue;
      const sensor = m.sensors[si]!;
      const r = reading(s, si, s.tick);
      sensors.push({ id: sensor.id, kind: sensor.kind, unit: sensor.unit, value: r.value, mA: r.mA, quality: r.quality, normal: sensor.normal, range: sensor.range });
    }
    const inside = st.queue.length + (st.work ? 1 : 0) + (st.done ? 1 : 0) + st.kit.filter((p) => p !== null).length;
    return {
      id: spec.id,
      name: spec.name,
      type: spec.type,
      state: st.pack,
      stateName: PACK_NAMES[st.pack],
      // Starved and blocked are kinds of Suspended (PackTags EquipmentInterlock): a stopped or held
      // station is neither, whatever it last was while running.
      interlock: isRunning(st.pack) ? INTERLOCK_NAMES[st.interlock] : 'none',
      stopReason: st.stopReason,
      stopReasonText: stopReasonText(st.stopReason),
      // An E-stop still pushed is a cause still there (the faceplate said 'cause cleared' while it was).
      causePresent: holdingCause(s, i) !== 0 || (s.eStop && st.stopReason === StopReason.EStop),
      lockedOut: st.lockedOut,
      speed: st.speed,
      approvedSpeed: st.approvedSpeed,
      processed: st.c.processed,
      good: st.c.good,
      scrap: st.c.scrap,
      rework: st.c.rework,
      parts: inside,
      capacity: spec.type === 'buffer' || spec.type === 'conveyor' ? spec.capacity : null,
      usesAir: isProcess(spec) && spec.usesAir,
      lot: spec.type === 'source' && spec.lots !== null ? (spec.lots[st.lotIndex]?.id ?? null) : null,
      task: st.task && {
        kind: st.task.kind,
        action: st.task.action,
        target: st.task.target,
        remainingSeconds: (st.task.until - s.tick) / TICKS_PER_SECOND,
        totalSeconds: (st.task.until - st.task.start) / TICKS_PER_SECOND,
      },
      sensors,
      measured: st.measured.slice(),
    };
  });
  const alarms: AlarmView[] = [];
  m.alarms.forEach((rule, ai) => {
    const al = s.alarms[ai]!;
    if (al.phase === 'normal') return;
    alarms.push({
      id: rule.id,
      station: m.stations[rule.station]!.id,
      priority: rule.priority,
      phase: al.phase,
      active: al.active,
      message: rule.message,
      text: rule.text,
      since: al.lastChange,
      raisedAt: al.raisedAt,
      ackedAt: al.ackedAt,
      shelvedUntil: al.phase === 'shelved' ? al.shelvedUntil : null,
    });
  });
  // Highest priority first, and within a priority the newest raised on top: the order of the
  // time the list shows. (By last change, acknowledging an old alarm moved it above newer ones.)
  alarms.sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || b.raisedAt - a.raisedAt || (a.id < b.id ? -1 : 1));
  const recent = s.recentActivations.filter((t) => t > s.tick - FLOOD_WINDOW_TICKS).length;
  return {
    tick: s.tick,
    seconds: s.tick / TICKS_PER_SECOND,
    eStop: s.eStop,
    stations,
    alarms,
    flood: recent > FLOOD_COUNT,
    kpis: kpis(s),
    checkResults: s.checkResults.slice(-20),
    quarantined: s.quarantined.slice(),
    log: s.log.slice(-logTail),
  };
}

export interface FaultTruth {
  readonly id: string;
  readonly type: FaultType;
  readonly station: string | null;
  readonly phase: FaultPhase;
  readonly onset: number;
  readonly resolvedAt: number;
  readonly occurrences: number;
}

export interface Truth {
  readonly faults: readonly FaultTruth[];
  readonly log: TruthLog;
}

/** The hidden truth: for the instructor and the assessment only. */
export function truth(s: State): Truth {
  return {
    faults: s.model.faults.map((spec, fi) => {
      const f = s.faults[fi]!;
      return {
        id: spec.id,
        type: spec.type,
        station: spec.station >= 0 ? s.model.stations[spec.station]!.id : null,
        phase: f.phase,
        onset: f.onset,
        resolvedAt: f.resolvedAt,
        occurrences: f.occurrences,
      };
    }),
    log: s.truth,
  };
}
