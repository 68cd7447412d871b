/**
 * Applying a command at a tick boundary. A command that cannot apply is refused with a reason
 * a student understands; accepted or refused, it goes into the log, so a replay sees the same.
 */
import { abortStation, onset, resolveFault } from '../systems/faults';
import { pushLog } from '../write/ledger';
import type { State } from '../core/state';
import { setPack } from '../write/transitions';
import { acknowledge, shelve, unshelve } from '../systems/alarms';
import { advance } from './advance';
import type { Command, CommandResult } from '../core/commands-types';
import { settle } from '../systems/flow';
import { CHECK_KINDS, checkApplies, isProcess, REPAIR_ACTIONS, type RepairAction, repairApplies, type SensorKind, stationHas } from '../core/model';
import { Pack, StopReason, transition } from '../core/packml';
import { refusalText } from '../core/refusal-text';
import { type Refusal, type RefusalKey, refusal } from '../core/refusals';
import { CHECK_RULES, isStandstill, REPAIR_RULES, startTask, type WorkRule } from '../systems/tasks';
import { TICKS_PER_SECOND } from '../core/time';

/** '' when accepted, else why not. */
type Outcome = '' | Refusal;

function stationOf(s: State, id: string): number {
  const i = s.model.stationIndex[id];
  return i === undefined ? -1 : i;
}

function isPassive(s: State, i: number): boolean {
  const type = s.model.stations[i]!.type;
  return type === 'buffer' || type === 'sink';
}

function packCommand(s: State, i: number, cmd: Extract<Command, { type: 'packml' }>): Outcome {
  const st = s.stations[i]!;
  const station = s.model.stations[i]!.id;
  if (isPassive(s, i)) return refusal('noControls', { station });
  const restart = cmd.command === 'reset' || cmd.command === 'start' || cmd.command === 'unhold' || cmd.command === 'clear';
  if (restart && st.lockedOut) return refusal('lockedOutRestart', { station });
  if (restart && s.eStop) return refusal('eStopPushed');
  if (restart && st.task?.kind === 'repair') return refusal('maintenanceRunning', { station });
  const next = transition(st.pack, cmd.command);
  if ('refusal' in next) return next.refusal;
  const reason =
    cmd.command === 'stop' ? StopReason.OperatorStop : cmd.command === 'hold' ? StopReason.OperatorHold : cmd.command === 'abort' ? StopReason.OperatorAbort : 0;
  setPack(s, i, next.to, reason);
  return '';
}

/** Whether the station allows this work now; a missing lock-out is allowed but is a breach. */
function workAllowed(s: State, i: number, rule: WorkRule, what: 'this check' | 'this repair'): Outcome {
  const st = s.stations[i]!;
  const station = s.model.stations[i]!.id;
  if (st.task !== null) return refusal('technicianBusy', { station });
  if (rule.stop && !isStandstill(st.pack)) return refusal(what === 'this check' ? 'checkNeedsStandstill' : 'repairNeedsStandstill', { station, state: st.pack });
  if (rule.lockOut && !st.lockedOut) {
    s.truth.safetyBreaches.push({ tick: s.tick, station: s.model.stations[i]!.id, what: `${what} without lock-out` });
  }
  return '';
}

function sensorKindAt(s: State, i: number, kind: string): SensorKind | null {
  const si = s.model.sensorIndex[`${s.model.stations[i]!.id}.${kind}`];
  return si === undefined ? null : s.model.sensors[si]!.kind;
}

/** The kinds of sensor a station has, as a list to name in a refusal. */
function sensorKindsAt(s: State, i: number): string {
  return Object.keys(s.model.sensorsOf[i]!).join(', ');
}

function dispatch(s: State, cmd: Command): Outcome {
  if ('station' in cmd && stationOf(s, cmd.station) < 0) return refusal('noStation', { id: cmd.station });
  const t = s.tick;
  switch (cmd.type) {
    case 'packml':
      return packCommand(s, stationOf(s, cmd.station), cmd);
    case 'eStop':
      if (s.eStop) return refusal('eStopAlready');
      s.eStop = true;
      for (let j = 0; j < s.stations.length; j++) abortStation(s, j, StopReason.EStop);
      return '';
    case 'releaseEStop':
      if (!s.eStop) return refusal('eStopNotPushed');
      s.eStop = false;
      return '';
    case 'lockOut': {
      const i = stationOf(s, cmd.station);
      const st = s.stations[i]!;
      const station = cmd.station;
      if (st.lockedOut) return refusal('alreadyLockedOut', { station });
      if (!(st.pack === Pack.Stopped || st.pack === Pack.Aborted || st.pack === Pack.Idle || st.pack === Pack.Complete)) {
        return refusal('stopBeforeLockOut', { station, state: st.pack });
      }
      st.lockedOut = true;
      return '';
    }
    case 'removeLockOut': {
      const i = stationOf(s, cmd.station);
      const st = s.stations[i]!;
      if (!st.lockedOut) return refusal('notLockedOut', { station: cmd.station });
      if (st.task?.kind === 'repair') return refusal('workInside');
      st.lockedOut = false;
      return '';
    }
    case 'check': {
      const i = stationOf(s, cmd.station);
      if (!CHECK_KINDS.includes(cmd.check)) return refusal('unknownCheck', { id: cmd.check });
      const spec = s.model.stations[i]!;
      let target = '';
      if (cmd.check === 'handheld') {
        // A command from an outside tool may leave the sensor out ("has no  sensor" told it nothing).
        if (cmd.sensor === undefined) return refusal('sensorNotNamed', { station: spec.id, sensors: sensorKindsAt(s, i) });
        const kind = sensorKindAt(s, i, cmd.sensor);
        if (kind === null) return refusal('noSensorToMeasure', { station: spec.id, sensor: cmd.sensor });
        target = kind;
      }
      // A machine's tool is its cutting insert; a robot's (assembly station's) is its gripper.
      // (A handheld reading was checked above, with the instrument asked for.)
      if (cmd.check !== 'handheld' && !checkApplies(cmd.check, spec.type, stationHas(s.model, i))) return refusal(NOT_HERE[cmd.check], { station: spec.id });
      const rule = CHECK_RULES[cmd.check];
      const refused = workAllowed(s, i, rule, 'this check');
      if (refused !== '') return refused;
      startTask(s, i, { kind: 'check', action: cmd.check, start: t, until: t + s.model.checkTicks[cmd.check], target, safe: s.stations[i]!.lockedOut });
      return '';
    }
    case 'repair': {
      const i = stationOf(s, cmd.station);
      if (!REPAIR_ACTIONS.includes(cmd.action)) return refusal('unknownRepair', { id: cmd.action });
      const spec = s.model.stations[i]!;
      let target = '';
      if (cmd.action === 'replaceSensor') {
        if (cmd.sensor === undefined) return refusal('sensorNotNamed', { station: spec.id, sensors: sensorKindsAt(s, i) });
        const kind = sensorKindAt(s, i, cmd.sensor);
        if (kind === null) return refusal('noSensorToReplace', { station: spec.id, sensor: cmd.sensor });
        target = kind;
      }
      if (cmd.action === 'quarantineLot') {
        const lot = cmd.lot ?? '';
        const exists = s.model.stations.some((x) => x.type === 'source' && x.lots?.some((l) => l.id === lot));
        if (!exists) return refusal('noLot', { id: lot });
        if (s.quarantined.includes(lot)) return refusal('lotQuarantined', { id: lot });
        target = lot;
      }
      if (cmd.action !== 'generalRepair' && !repairApplies(cmd.action, spec.type, stationHas(s.model, i))) return refusal(NO_REPAIR_HERE[cmd.action], { station: spec.id });
      const refused = workAllowed(s, i, REPAIR_RULES[cmd.action], 'this repair');
      if (refused !== '') return refused;
      startTask(s, i, { kind: 'repair', action: cmd.action, start: t, until: t + s.model.repairTicks[cmd.action], target, safe: s.stations[i]!.lockedOut });
      return '';
    }
    case 'setSpeed': {
      const i = stationOf(s, cmd.station);
      const spec = s.model.stations[i]!;
      if (!isProcess(spec)) return refusal('noSpeedSetting', { station: spec.id });
      if (!(cmd.percent >= 10 && cmd.percent <= 120)) return refusal('speedRange');
      const st = s.stations[i]!;
      st.speed = cmd.percent;
      if (cmd.percent === st.approvedSpeed) {
        for (const fi of s.model.faultsOf[i]!) {
          const f = s.model.faults[fi]!;
          if (f.type === 'wrongParameter' && s.faults[fi]!.phase === 'active') {
            resolveFault(s, fi);
            s.truth.rightRepairs.push({ tick: t, station: spec.id, action: 'restoreParameter', fault: f.id });
          }
        }
      }
      return '';
    }
    case 'ackAlarm':
    case 'shelveAlarm':
    case 'unshelveAlarm': {
      const ai = s.model.alarms.findIndex((a) => a.id === cmd.alarm);
      if (ai < 0) return refusal('noAlarm', { id: cmd.alarm });
      if (cmd.type === 'ackAlarm') return acknowledge(s, ai);
      if (cmd.type === 'unshelveAlarm') {
        if (s.alarms[ai]!.phase !== 'shelved') return refusal('notShelved');
        unshelve(s, ai);
        return '';
      }
      if (!(cmd.seconds > 0 && cmd.seconds <= 8 * 3600)) return refusal('shelveRange');
      return shelve(s, ai, Math.round(cmd.seconds * TICKS_PER_SECOND));
    }
    case 'diagnose': {
      const i = stationOf(s, cmd.station);
      let fault = '';
      for (let fi = 0; fi < s.faults.length; fi++) {
        const spec = s.model.faults[fi]!;
        if (s.faults[fi]!.phase !== 'active' || spec.type !== cmd.cause) continue;
        if (spec.station !== i && spec.station !== -1) continue;
        if ((spec.type === 'sensorStuck' || spec.type === 'sensorNoisy' || spec.type === 'sensorDead') && cmd.sensor !== undefined) {
          if (s.model.sensors[spec.sensor]!.kind !== cmd.sensor) continue;
        }
        fault = spec.id;
        break;
      }
      s.truth.diagnoses.push({ tick: t, station: cmd.station, cause: cmd.cause, correct: fault !== '', fault });
      return '';
    }
    case 'hint':
      s.truth.hints.push(t);
      return '';
    case 'injectFault': {
      const fi = s.model.faults.findIndex((f) => f.id === cmd.fault);
      if (fi < 0) return refusal('noFault', { id: cmd.fault });
      if (s.faults[fi]!.phase !== 'pending') return refusal('faultStarted', { id: cmd.fault });
      onset(s, fi);
      return '';
    }
    case 'report':
      // 0 to 1: the figures a student reports (OEE) are fractions; a screen shows them in percent.
      if (!(Number.isFinite(cmd.value) && cmd.value >= 0 && cmd.value <= 1)) return refusal('reportRange');
      return '';
    case 'instructorMessage':
    case 'openPanel':
      return '';
  }
}

/**
 * A copy of the command with its keys in sorted order. The log is part of the hashed state,
 * and the same command may arrive with its keys in any order (built by the UI, parsed from a
 * session file): the hash must not depend on that.
 */
function canonical(cmd: Command): Command {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(cmd).sort()) out[k] = (cmd as unknown as Record<string, unknown>)[k];
  return out as unknown as Command;
}

/**
 * Apply a command at its tick (advancing to it first). Returns whether it was accepted and,
 * if not, why. The state is changed in place.
 */
/** Why a check cannot be made at a station at all (checkApplies said no). */
const NOT_HERE = { inspectTool: 'noToolToInspect', lubricationLevel: 'noLubrication', masterPart: 'noGauge' } as const;

/** Why a repair cannot be made at a station at all (repairApplies said no). */
const NO_REPAIR_HERE: Readonly<Record<Exclude<RepairAction, 'generalRepair'>, RefusalKey>> = {
  replaceBearing: 'noBearings',
  restoreLubrication: 'noLubrication',
  clearJam: 'noJamHere',
  replaceTool: 'noCuttingTool',
  restoreCooling: 'noCooling',
  reteachRobot: 'notARobot',
  restoreParameter: 'noSpeedSetting',
  recalibrate: 'noGauge',
  replaceSensor: 'noSensorToReplace',
  restoreAir: 'noAir',
  quarantineLot: 'lotAtSource',
};

export function apply(s: State, cmd: Command): CommandResult {
  let outcome: Outcome;
  if (!Number.isInteger(cmd.tick) || cmd.tick < s.tick) {
    outcome = refusal('lateCommand', { tick: cmd.tick, now: s.tick });
  } else {
    if (cmd.tick > s.tick) advance(s, cmd.tick);
    outcome = dispatch(s, cmd);
  }
  const reason = outcome === '' ? '' : refusalText(outcome, s.model);
  pushLog(s, { tick: s.tick, kind: 'command', command: canonical(cmd), accepted: outcome === '', reason });
  settle(s);
  advance(s, s.tick);
  return outcome === '' ? { accepted: true, reason: '', refusal: null } : { accepted: false, reason, refusal: outcome };
}
