import fc from 'fast-check';
import { type Command, REPAIR_ACTIONS } from '../../src/engine';
import { FAULT_TYPES } from '../../src/scenario/schema';
import type { ScenarioInput } from '../helpers';

/** Random but valid lines: series machines with buffers or conveyors, optional parallel stage, assembly and rework loop. */
export interface LineShape {
  machines: number;
  useConveyor: boolean[];
  parallel: boolean;
  assembly: boolean;
  rework: boolean;
  lots: boolean;
  processSeconds: number[];
  capacity: number[];
  faults: string[];
  seed: number;
}

const FAULT_KINDS = [...FAULT_TYPES.filter((t) => t !== 'breakdown'), 'breakdown-auto', 'breakdown-manual', 'manual-start'];

export const lineShape: fc.Arbitrary<LineShape> = fc.record({
  machines: fc.integer({ min: 1, max: 4 }),
  useConveyor: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  parallel: fc.boolean(),
  assembly: fc.boolean(),
  rework: fc.boolean(),
  lots: fc.boolean(),
  processSeconds: fc.array(fc.integer({ min: 5, max: 90 }), { minLength: 6, maxLength: 6 }),
  capacity: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 6, maxLength: 6 }),
  // Every fault type of the schema; breakdowns both with automatic and with manual repair.
  faults: fc.subarray(FAULT_KINDS),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
});

export function buildScenario(shape: LineShape): ScenarioInput {
  const stations: Record<string, unknown>[] = [];
  const connections: [string, string][] = [];
  const src: Record<string, unknown> = { id: 'SRC', type: 'source' };
  if (shape.lots) src.lots = [{ id: 'LA', quantity: 40 }, { id: 'LB', quantity: 60 }, { id: 'LC', quantity: 5000 }];
  stations.push(src);
  let prev = 'SRC';
  for (let k = 0; k < shape.machines; k++) {
    const m = `M${k + 1}`;
    stations.push({
      id: m,
      type: 'machine',
      processTime: { dist: 'uniform', min: `${shape.processSeconds[k]}s`, max: `${shape.processSeconds[k]! + 10}s` },
      usesAir: k === 0,
      ...(k === 0 ? { characteristic: { name: 'diameter', nominal: 20, tolerance: 0.05, sd: 0.01, thermalCoeff: 0.001 } } : {}),
    });
    connections.push([prev, m]);
    const link = shape.useConveyor[k] ? `C${k + 1}` : `B${k + 1}`;
    stations.push(
      shape.useConveyor[k]
        ? { id: link, type: 'conveyor', length: 3, speed: 0.5, capacity: shape.capacity[k] }
        : { id: link, type: 'buffer', capacity: shape.capacity[k] },
    );
    connections.push([m, link]);
    prev = link;
  }
  if (shape.parallel) {
    stations.push({ id: 'P1', type: 'machine', processTime: '60s' }, { id: 'P2', type: 'machine', processTime: '70s' }, { id: 'PB', type: 'buffer', capacity: 3 });
    connections.push([prev, 'P1'], [prev, 'P2'], ['P1', 'PB'], ['P2', 'PB']);
    prev = 'PB';
  }
  if (shape.assembly) {
    stations.push({ id: 'SRC2', type: 'source', interarrival: { dist: 'exponential', mean: '40s' } }, { id: 'KB', type: 'buffer', capacity: 3 });
    stations.push({ id: 'A1', type: 'assembly', processTime: '20s' }, { id: 'AB', type: 'buffer', capacity: 2 });
    connections.push(['SRC2', 'KB'], [prev, 'A1'], ['KB', 'A1'], ['A1', 'AB']);
    prev = 'AB';
  }
  const qc: Record<string, unknown> = { id: 'QC', type: 'inspection', processTime: '5s', scrapProbability: 0.03, gaugeSd: 0.002 };
  stations.push(qc);
  connections.push([prev, 'QC']);
  stations.push({ id: 'OUT', type: 'sink' });
  connections.push(['QC', 'OUT']);
  if (shape.rework) {
    qc.reworkTo = 'RW';
    qc.reworkSide = 'above';
    stations.push({ id: 'RW', type: 'machine', processTime: '50s', characteristic: { name: 'diameter', nominal: 20, tolerance: 0.05, sd: 0.005 } });
    connections.push(['QC', 'RW'], ['RW', prev]);
  }
  const conveyor = shape.useConveyor.slice(0, shape.machines).indexOf(true);
  const faults: Record<string, unknown>[] = [];
  const at = (m: number) => ({ at: `${m}m` });
  for (const f of shape.faults) {
    switch (f) {
      case 'breakdown-auto':
        faults.push({ id: 'F-bd-auto', type: 'breakdown', station: 'M1', trigger: { mtbf: '20m' }, repair: 'auto', mttr: { dist: 'lognormal', mean: '3m', cv: 0.5 } });
        break;
      case 'breakdown-manual':
        faults.push({ id: 'F-bd', type: 'breakdown', station: `M${shape.machines}`, trigger: at(7) });
        break;
      case 'bearingWear':
        faults.push({ id: 'F-bw', type: 'bearingWear', station: 'M1', trigger: at(3), timeToFailure: '25m' });
        break;
      case 'lubricationFailure':
        faults.push({ id: 'F-lube', type: 'lubricationFailure', station: 'M1', trigger: { afterParts: 10 }, timeToFailure: '30m' });
        break;
      case 'toolWear':
        faults.push({ id: 'F-tw', type: 'toolWear', station: 'M1', trigger: at(2), driftPerPart: 0.002 });
        break;
      case 'calibrationOffset':
        faults.push({ id: 'F-cal', type: 'calibrationOffset', station: 'QC', trigger: at(9), offset: 0.04 });
        break;
      case 'sensorStuck':
        faults.push({ id: 'F-stuck', type: 'sensorStuck', station: 'M1', sensor: 'temperature', value: 95, trigger: at(11) });
        break;
      case 'sensorNoisy':
        faults.push({ id: 'F-noisy', type: 'sensorNoisy', station: 'M1', sensor: 'vibration', factor: 30, trigger: at(4) });
        break;
      case 'sensorDead':
        faults.push({ id: 'F-dead', type: 'sensorDead', station: 'QC', sensor: 'dimension', trigger: at(13) });
        break;
      case 'conveyorJam':
        if (conveyor >= 0) faults.push({ id: 'F-jam', type: 'conveyorJam', station: `C${conveyor + 1}`, trigger: { mtbf: '15m', basis: 'calendar' } });
        break;
      case 'airPressureDrop':
        faults.push({ id: 'F-air', type: 'airPressureDrop', trigger: at(5), drop: 1.8, develop: '5m' });
        break;
      case 'spindleOverheating':
        faults.push({ id: 'F-hot', type: 'spindleOverheating', station: 'M1', trigger: at(6), rise: 60 });
        break;
      case 'badMaterialLot':
        if (shape.lots) faults.push({ id: 'F-lot', type: 'badMaterialLot', lot: 'LB', defectRate: 0.4 });
        break;
      case 'wrongParameter':
        faults.push({ id: 'F-param', type: 'wrongParameter', station: 'M1', trigger: at(8), speed: 60 });
        break;
      case 'powerDip':
        faults.push({ id: 'F-power', type: 'powerDip', trigger: at(15) });
        break;
      case 'eStop':
        faults.push({ id: 'F-estop', type: 'eStop', trigger: at(17) });
        break;
      case 'gripperMisalignment':
        // A gripper is a robot's: only a line with an assembly cell has one.
        if (shape.assembly) faults.push({ id: 'F-grip', type: 'gripperMisalignment', station: 'A1', trigger: at(10), retryFactor: 1.4, biasRate: 0.3 });
        break;
      case 'manual-start':
        // Waits for an instructor's injectFault.
        faults.push({ id: 'F-manual', type: 'breakdown', station: 'M1', trigger: { manual: true } });
        break;
    }
  }
  return { format: 1, id: 'generated', title: 'generated', briefing: 'generated', seed: shape.seed, duration: '90m', line: { stations, connections }, faults };
}

const PACK = ['reset', 'start', 'stop', 'hold', 'unhold', 'abort', 'clear'] as const;
const REPAIRS = REPAIR_ACTIONS;

/** Random command logs over the stations of a line, in tick order (ticks within 90 minutes). */
export function commandLog(stationIds: string[], alarmIds: string[]): fc.Arbitrary<Command[]> {
  const station = fc.constantFrom(...stationIds);
  const tick = fc.integer({ min: 0, max: 54_000 });
  const cmd: fc.Arbitrary<Command> = fc.oneof(
    fc.record({ type: fc.constant('packml' as const), tick, station, command: fc.constantFrom(...PACK) }),
    fc.record({ type: fc.constant('lockOut' as const), tick, station }),
    fc.record({ type: fc.constant('removeLockOut' as const), tick, station }),
    fc.record({ type: fc.constant('repair' as const), tick, station, action: fc.constantFrom(...REPAIRS), sensor: fc.constantFrom('temperature', 'vibration', 'dimension'), lot: fc.constantFrom('LA', 'LB', 'nope') }),
    fc.record({ type: fc.constant('check' as const), tick, station, check: fc.constantFrom('handheld', 'inspectTool', 'lubricationLevel', 'masterPart'), sensor: fc.constantFrom('temperature', 'vibration', 'current') }),
    fc.record({ type: fc.constant('setSpeed' as const), tick, station, percent: fc.integer({ min: 5, max: 130 }) }),
    fc.record({ type: fc.constant('eStop' as const), tick }),
    fc.record({ type: fc.constant('releaseEStop' as const), tick }),
    fc.record({ type: fc.constant('ackAlarm' as const), tick, alarm: fc.constantFrom(...alarmIds, 'no-such-alarm') }),
    fc.record({ type: fc.constant('shelveAlarm' as const), tick, alarm: fc.constantFrom(...alarmIds, 'no-such-alarm'), seconds: fc.integer({ min: 1, max: 3600 }) }),
    fc.record({ type: fc.constant('diagnose' as const), tick, station, cause: fc.constantFrom('breakdown', 'toolWear', 'sensorStuck', 'conveyorJam', 'gripperMisalignment') }),
    // The instructor's start of a fault: often one that is pending, sometimes none that exists.
    fc.record({ type: fc.constant('injectFault' as const), tick, fault: fc.constantFrom('F-manual', 'F-bd', 'F-grip', 'F-power', 'no-such-fault') }),
  );
  return fc.array(cmd, { maxLength: 40 }).map((cs) => cs.slice().sort((a, b) => a.tick - b.tick));
}
