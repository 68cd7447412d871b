/**
 * Which repairs can be made at a station, written out as a technician would say it, against
 * repairApplies (what the faceplate offers) and the engine's refusals, with the refusal that
 * names the reason: on every station of every shipped scenario. A scenario whose cure cannot be
 * made where its fault is does not load, with the place named.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apply, createState, observe, REPAIR_ACTIONS, type RepairAction, repairApplies, type StationView } from '../../src/engine';
import { loadScenarioJson } from '../../src/scenario';
import { compile, scenario } from '../helpers';

/** What a technician can repair where, in words: every repair not listed is refused there. */
function allowed(st: StationView): RepairAction[] {
  const out: RepairAction[] = ['generalRepair'];
  const driven = ['machine', 'assembly', 'conveyor', 'inspection'].includes(st.type);
  if (driven) out.push('replaceBearing', 'clearJam');
  if (st.type === 'machine' || st.type === 'assembly') out.push('restoreLubrication');
  if (st.type === 'machine') out.push('replaceTool', 'restoreCooling');
  if (st.type === 'assembly') out.push('reteachRobot');
  if (['machine', 'assembly', 'inspection'].includes(st.type)) out.push('restoreParameter');
  if (st.type === 'inspection' || st.sensors.some((x) => x.kind === 'dimension')) out.push('recalibrate');
  if (st.sensors.length > 0) out.push('replaceSensor');
  if (st.usesAir) out.push('restoreAir');
  if (st.type === 'source') out.push('quarantineLot');
  return REPAIR_ACTIONS.filter((r) => out.includes(r));
}

const REFUSED_BECAUSE = ['noBearings', 'noJamHere', 'noLubrication', 'noCuttingTool', 'noCooling', 'notARobot', 'noSpeedSetting', 'noGauge', 'noSensorToReplace', 'noAir', 'lotAtSource'];

describe('repairs offered at a station', () => {
  for (const file of readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')) {
    it(`agree with the engine's refusals in ${file}`, () => {
      const { model, scenario: sc } = compile(JSON.parse(readFileSync(`scenarios/${file}`, 'utf8')));
      const view = observe(createState(model, sc.seed));
      const lots = model.stations.flatMap((x) => (x.type === 'source' ? (x.lots ?? []).map((l) => l.id) : []));
      for (const st of view.stations) {
        const want = allowed(st);
        const has = { sensors: st.sensors.length > 0, gauge: st.sensors.some((x) => x.kind === 'dimension'), air: st.usesAir };
        expect(REPAIR_ACTIONS.filter((r) => repairApplies(r, st.type, has)), st.id).toEqual(want);
        for (const action of REPAIR_ACTIONS) {
          // A lot and a sensor that exist, so that only the place can be wrong.
          if (action === 'quarantineLot' && lots.length === 0) continue;
          if (action === 'replaceSensor' && st.sensors.length === 0) continue;
          const s = createState(model, sc.seed);
          const r = apply(s, { type: 'repair', tick: 0, station: st.id, action, sensor: st.sensors[0]?.kind, lot: lots[0] } as never);
          const refusedHere = r.refusal !== null && REFUSED_BECAUSE.includes(r.refusal.key);
          expect(refusedHere, `${st.id} ${action}: ${r.reason}`).toBe(!want.includes(action));
        }
      }
    });
  }
});

describe('a scenario whose cure cannot be made where its fault is', () => {
  const line = {
    stations: [
      { id: 'SRC', type: 'source' },
      { id: 'C1', type: 'conveyor', length: 3, speed: 0.5, capacity: 4 },
      { id: 'M1', type: 'machine', processTime: '30s' },
      { id: 'OUT', type: 'sink' },
    ],
    connections: [['SRC', 'C1'], ['C1', 'M1'], ['M1', 'OUT']],
  };
  const errors = (faults: unknown[]) => {
    const r = loadScenarioJson(scenario({ line, faults }));
    return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
  };

  it('is refused, naming the repair and the station', () => {
    expect(errors([{ id: 'F', type: 'breakdown', station: 'M1', trigger: { at: '5m' }, resolvedBy: ['clearJam', 'reteachRobot'] }])).toEqual([
      'faults[0].resolvedBy[1]: "reteachRobot" cannot be done at "M1", a machine',
    ]);
    expect(errors([{ id: 'F', type: 'conveyorJam', station: 'C1', trigger: { at: '5m' }, temptingFix: 'replaceTool' }])).toEqual([
      'faults[0].temptingFix: "replaceTool" cannot be done at "C1", a conveyor',
    ]);
    // A line-wide air fault needs a station that works with air to restore it at.
    expect(errors([{ id: 'F', type: 'airPressureDrop', trigger: { at: '5m' }, drop: 1.5, develop: '5m' }])).toEqual(['faults[0].type: "restoreAir" cannot be done at any station of this line']);
  });

  it('a gripper is a robot\'s', () => {
    expect(errors([{ id: 'F', type: 'gripperMisalignment', station: 'M1', trigger: { at: '5m' }, retryFactor: 1.4, biasRate: 0.3 }])).toEqual([
      'faults[0].station: a gripper misalignment needs a robot (an assembly station); "M1" is a machine',
      'faults[0].type: "reteachRobot" cannot be done at "M1", a machine',
    ]);
  });
});
