/**
 * Maintenance work that takes simulated time: diagnostic checks that reveal a true value, and
 * repairs that fix a fault when they are the right action in the right place (and only cost
 * time when they are not).
 */
import { gripperEffect, stationWear } from '../read/fault-effects';
import { resolveFault } from './faults';
import { pushLog, scrapPart } from '../write/ledger';
import { trueValue } from '../read/sensors';
import type { CheckResult, MaintenanceTask, State } from '../core/state';
import { RELEVANT_CHECKS } from '../core/evidence';
import { nextLot } from './flow';
import { type CheckKind, measuresPartsOf, type RepairAction } from '../core/model';
import { Pack } from '../core/packml';
import { noiseNormal } from '../core/rng';
import { markStation } from '../core/worklist';

export interface WorkRule {
  /** The station must be at a standstill (not running, not moving between states). */
  readonly stop: boolean;
  /** Hands go inside the machine: lock-out/tag-out is required, or it is a safety breach. */
  readonly lockOut: boolean;
}

export const REPAIR_RULES: Readonly<Record<RepairAction, WorkRule>> = {
  replaceBearing: { stop: true, lockOut: true },
  replaceTool: { stop: true, lockOut: true },
  clearJam: { stop: true, lockOut: true },
  generalRepair: { stop: true, lockOut: true },
  restoreLubrication: { stop: true, lockOut: true },
  recalibrate: { stop: true, lockOut: false },
  replaceSensor: { stop: true, lockOut: false },
  restoreCooling: { stop: true, lockOut: false },
  restoreAir: { stop: false, lockOut: false },
  quarantineLot: { stop: false, lockOut: false },
  restoreParameter: { stop: false, lockOut: false },
  // Teaching a robot means standing in its cell: stopped and locked out.
  reteachRobot: { stop: true, lockOut: true },
};

export const CHECK_RULES: Readonly<Record<CheckKind, WorkRule>> = {
  handheld: { stop: false, lockOut: false },
  inspectTool: { stop: true, lockOut: true },
  lubricationLevel: { stop: false, lockOut: false },
  masterPart: { stop: false, lockOut: false },
};

/** States in which nothing moves: where a technician may work on a station. */
export function isStandstill(pack: number): boolean {
  return pack === Pack.Stopped || pack === Pack.Idle || pack === Pack.Held || pack === Pack.Aborted || pack === Pack.Complete;
}

export function startTask(s: State, i: number, task: MaintenanceTask): void {
  s.stations[i]!.task = task;
  markStation(s, i);
}

/** Datasheet limits for the check readings (in the reading's unit). */
const FLANK_WEAR_LIMIT_MM = 0.3;
const GRIPPER_OFFSET_LIMIT: readonly [number, number] = [0, 0.5];
const LUBRICANT_NORMAL: readonly [number, number] = [60, 100];

function fmt(v: number, digits: number): string {
  return v.toFixed(digits);
}

function checkResult(s: State, i: number, kind: CheckKind, target: string): CheckResult {
  const spec = s.model.stations[i]!;
  const st = s.stations[i]!;
  const base = { tick: s.tick, station: spec.id, check: kind, target };
  switch (kind) {
    case 'handheld': {
      const si = s.model.sensorIndex[`${spec.id}.${target}`]!;
      const sensor = s.model.sensors[si]!;
      const v = trueValue(s, si, s.tick) + sensor.noiseSd * 0.5 * noiseNormal(sensor.noiseKey ^ 0x5bd1e995, s.tick);
      return {
        ...base,
        value: v,
        unit: sensor.unit,
        normal: sensor.normal,
        text: `Handheld ${target}: ${fmt(v, 2)} ${sensor.unit} (normal ${fmt(sensor.normal[0], 2)}–${fmt(sensor.normal[1], 2)})`,
        message: { key: 'result.handheld', params: { sensor: target, value: v, unit: sensor.unit } },
      };
    }
    case 'inspectTool': {
      // On a robot, the tool is its gripper: a misaligned one shows crash marks and an offset.
      if (spec.type === 'assembly') {
        const [retry] = gripperEffect(s, i);
        const offset = retry > 1 ? (retry - 1) * 2.4 : 0.05;
        return {
          ...base,
          value: offset,
          unit: 'mm',
          normal: GRIPPER_OFFSET_LIMIT,
          text: retry > 1 ? `Gripper jaw ${fmt(offset, 1)} mm off the taught position; fresh crash marks on the finger` : `Gripper fingers true (${fmt(offset, 2)} mm), no marks`,
          message: { key: retry > 1 ? 'result.gripperOff' : 'result.gripperTrue', params: { value: offset } },
        };
      }
      const wear = Math.abs(st.toolOffset) * 2;
      // The wear limit follows the part: a tool whose wear moves the size by half the
      // tolerance is due (the size shifts by half the flank wear), else ISO 3685's VB 0.3 mm.
      const ch = spec.type === 'machine' ? spec.characteristic : null;
      const limit = ch === null ? FLANK_WEAR_LIMIT_MM : (ch.upper - ch.lower) / 2;
      return {
        ...base,
        value: wear,
        unit: 'mm',
        normal: [0, limit],
        text: `Flank wear ${fmt(wear, 3)} mm after ${st.partsOnTool} parts on this tool (limit ${fmt(limit, 3)} mm)`,
        message: { key: 'result.flankWear', params: { value: wear, parts: st.partsOnTool } },
      };
    }
    case 'lubricationLevel': {
      const level = Math.max(0, 100 - stationWear(s, i, 'lubricationFailure') * 85);
      st.lubeLevel = level;
      // A healthy machine uses next to none in a shift (its reservoir reads full), so what is
      // gone since it was filled is the sign, long before the level reaches its refill mark:
      // early in a lubrication failure the level alone still reads inside its band.
      const lost = Math.round(100 - level);
      return {
        ...base,
        value: level,
        unit: '%',
        normal: LUBRICANT_NORMAL,
        text:
          lost >= 1
            ? `Lubricant level ${fmt(level, 0)} %, ${lost} % gone since it was filled (normal ${LUBRICANT_NORMAL[0]}–${LUBRICANT_NORMAL[1]} %)`
            : `Lubricant level ${fmt(level, 0)} % (normal ${LUBRICANT_NORMAL[0]}–${LUBRICANT_NORMAL[1]} %)`,
        message: lost >= 1 ? { key: 'result.lubricantLost', params: { value: level, lost } } : { key: 'result.lubricant', params: { value: level } },
      };
    }
    case 'masterPart': {
      let nominal = 0;
      let allowed = 0.001;
      const si = s.model.sensorsOf[i]!.dimension;
      if (si !== undefined) {
        const band = s.model.sensors[si]!.normal;
        nominal = (band[0] + band[1]) / 2;
        // A gauge may be off by a tenth of the tolerance (the 10 % rule of measurement systems).
        allowed = (band[1] - band[0]) / 20;
      }
      const readingOfMaster = nominal + st.gaugeOffset;
      const dev = readingOfMaster - nominal;
      return {
        ...base,
        value: dev,
        unit: 'mm',
        normal: [-allowed, allowed],
        text: `Master part ${fmt(nominal, 3)} mm reads ${fmt(readingOfMaster, 3)} mm (deviation ${dev >= 0 ? '+' : ''}${fmt(dev, 3)} mm, allowed ±${fmt(allowed, 4)} mm)`,
        message: { key: 'result.masterPart', params: { nominal, reading: readingOfMaster, value: dev } },
      };
    }
  }
}

function finishCheck(s: State, i: number, task: MaintenanceTask): void {
  const kind = task.action as CheckKind;
  const result = checkResult(s, i, kind, task.target);
  s.checkResults.push(result);
  if (s.checkResults.length > 200) s.checkResults.shift();
  const station = s.model.stations[i]!.id;
  let relevant = false;
  for (let fi = 0; fi < s.faults.length; fi++) {
    const spec = s.model.faults[fi]!;
    if (s.faults[fi]!.phase !== 'active') continue;
    // A master part bears on a machine's fault at every gauge that measures its parts: it tells
    // tool wear from a gauge offset there (it counted as unneeded at the final inspection, where
    // the student had seen the drift on the SPC chart).
    const here = spec.station === i || spec.station === -1 || (kind === 'masterPart' && measuresPartsOf(s.model, i, spec.station));
    if (here && RELEVANT_CHECKS[spec.type].includes(kind)) relevant = true;
  }
  s.truth.checks.push({ tick: s.tick, station, check: kind, target: task.target, relevant });
}

/** Does fault fi answer to this repair at this place? */
function repairFits(s: State, fi: number, i: number, action: RepairAction, target: string): boolean {
  const spec = s.model.faults[fi]!;
  if (s.faults[fi]!.phase !== 'active' || !spec.resolvedBy.includes(action)) return false;
  if (spec.type === 'badMaterialLot') return spec.lot === target;
  if (spec.station !== i && spec.station !== -1) return false;
  if (spec.type === 'sensorStuck' || spec.type === 'sensorNoisy' || spec.type === 'sensorDead') {
    return s.model.sensors[spec.sensor]!.kind === target;
  }
  return true;
}

function quarantine(s: State, lot: string): void {
  if (!s.quarantined.includes(lot)) s.quarantined.push(lot);
  for (let j = 0; j < s.stations.length; j++) {
    const spec = s.model.stations[j]!;
    const st = s.stations[j]!;
    if (spec.type === 'source' && spec.lots !== null && spec.lots[st.lotIndex]?.id === lot) nextLot(s, j, false);
    if (spec.type === 'buffer' && st.queue.some((p) => p.lot === lot)) {
      // Quarantine pulls the lot's parts from the racks.
      const keep = st.queue.filter((p) => p.lot !== lot);
      for (const p of st.queue) if (p.lot === lot) scrapPart(s, j, p);
      st.c.levelTicks += st.queue.length * (s.tick - st.levelSince);
      st.levelSince = s.tick;
      st.queue = keep;
      markStation(s, j);
      for (const u of spec.inputs) markStation(s, u);
    }
  }
}

function finishRepair(s: State, i: number, task: MaintenanceTask): void {
  const action = task.action as RepairAction;
  const st = s.stations[i]!;
  const station = s.model.stations[i]!.id;
  switch (action) {
    case 'replaceTool':
      st.toolOffset = 0;
      st.partsOnTool = 0;
      break;
    case 'restoreParameter':
      st.speed = st.approvedSpeed;
      break;
    case 'restoreLubrication':
      st.lubeLevel = 100;
      break;
    case 'quarantineLot':
      quarantine(s, task.target);
      break;
    default:
      break;
  }
  let fixed = false;
  for (let fi = 0; fi < s.faults.length; fi++) {
    if (!repairFits(s, fi, i, action, task.target)) continue;
    // Tool wear fixed means the drift is gone with the worn tool; the new tool starts fresh.
    resolveFault(s, fi);
    s.truth.rightRepairs.push({ tick: s.tick, station, action, fault: s.model.faults[fi]!.id });
    fixed = true;
  }
  if (!fixed) s.truth.wrongRepairs.push({ tick: s.tick, station, action, target: task.target });
}

/** A task's time is up. */
export function finishTask(s: State, i: number): void {
  const st = s.stations[i]!;
  const task = st.task!;
  st.task = null;
  if (task.kind === 'check') finishCheck(s, i, task);
  else finishRepair(s, i, task);
  pushLog(s, { tick: s.tick, kind: 'taskDone', station: s.model.stations[i]!.id, task: task.kind, action: task.action, target: task.target });
  markStation(s, i);
}
