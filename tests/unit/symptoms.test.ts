/**
 * What the debrief lists under "What the line showed" must be a sign of the fault, true when it
 * is listed: found by playing the starved-not-broken drill, where a stopped drill was said to
 * show "an abnormal vibration reading" (noise read -0.05 mm/s, below its band) and "temperature
 * drifting" (it cooled because it stood still).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findSymptoms } from '../../src/assessment/symptoms';
import { advance, apply, type Command, createState, observe } from '../../src/engine';
import { loadScenarioText } from '../../src/scenario';

function drill(id: string) {
  const r = loadScenarioText(readFileSync(`scenarios/${id}.json`, 'utf8'));
  if (!r.ok) throw new Error(id);
  return r;
}

describe('symptoms of a fault', () => {
  it('a drill stopped by a breakdown shows its alarm, its state and the lost output: no reading of the stopped drill counts', () => {
    const { model, scenario } = drill('starved-not-broken');
    const [f] = findSymptoms(model, scenario.seed, [], 3600 * 10, 3 * 3600 * 10);
    expect(f!.seen.map((x) => x.kind)).toEqual(['alarm', 'state', 'output']);
  });

  it('a drill repaired and restarted shows no drift: its readings are measured from before the fault, not from the stop', () => {
    const { model, scenario } = drill('starved-not-broken');
    const at = 15_000 + 1_000;
    const back = at + 100 + model.repairTicks.generalRepair + 10;
    const commands = [
      { type: 'packml', tick: at, station: 'DRILL', command: 'stop' },
      { type: 'lockOut', tick: at + 100, station: 'DRILL' },
      { type: 'repair', tick: at + 100, station: 'DRILL', action: 'generalRepair' },
      { type: 'removeLockOut', tick: back, station: 'DRILL' },
      { type: 'packml', tick: back, station: 'DRILL', command: 'reset' },
      { type: 'packml', tick: back + 100, station: 'DRILL', command: 'start' },
    ] as const;
    const [f] = findSymptoms(model, scenario.seed, commands, 3600 * 10, 3 * 3600 * 10);
    expect(f!.seen.map((x) => x.kind)).toEqual(['alarm', 'state', 'output']);
  });

  it('a noisy vibration sensor shows its alarm and readings out of band; the mill\'s current swinging between cuts is no drift', () => {
    const { model, scenario } = drill('noisy-sensor');
    const [f] = findSymptoms(model, scenario.seed, [], 3600 * 10, model.durationTicks);
    expect(f!.seen.map((x) => `${x.kind} ${x.detail}`)).toEqual(['alarm CNC2.vibration.alert', 'sensor CNC2.vibration']);
  });

  it('a slow fall of the air pressure shows on its trend before the reading leaves its band', () => {
    const { model, scenario } = drill('air-pressure-drop');
    const [f] = findSymptoms(model, scenario.seed, [], 3600 * 10, model.durationTicks);
    const trend = f!.seen.find((x) => x.kind === 'trend')!;
    const sensor = f!.seen.find((x) => x.kind === 'sensor')!;
    expect(trend.detail).toBe('M1.airPressure');
    expect(trend.tick).toBeLessThan(sensor.tick);
  });

  it('a bearing wearing out shows on its vibration trend within about an hour, long before the reading leaves its band (what the drill asks a student to spot)', () => {
    const { model, scenario } = drill('bearing-wear');
    const [f] = findSymptoms(model, scenario.seed, [], 3 * 3600 * 10, model.durationTicks);
    const trend = f!.seen.find((x) => x.kind === 'trend')!;
    const sensor = f!.seen.find((x) => x.kind === 'sensor')!;
    expect(trend.detail).toBe('M2.vibration');
    // M2 has risen from ~1.1 to ~1.55 mm/s by then, steadily, while M1 beside it stays flat.
    expect(trend.tick - f!.onset).toBeLessThanOrEqual(65 * 60 * 10);
    expect(sensor.tick - trend.tick).toBeGreaterThan(45 * 60 * 10);
  });

  it('a fault from the first second has no drift: the line filling up at the start is not the fault (its motor current climbs because the mill starts)', () => {
    const { model, scenario } = drill('wrong-parameter');
    const [f] = findSymptoms(model, scenario.seed, [], 3600 * 10, model.durationTicks);
    expect(f!.onset).toBe(0);
    expect(f!.seen.map((x) => `${x.kind} ${x.detail}`)).toEqual(['sensor CNC2.cycleTime', 'output 6']);
  });

  it('a fault from the first minutes that does drift shows it against the fault-free twin: the rush order\'s filler running hot', () => {
    const { model, scenario } = drill('rush-order');
    const lube = findSymptoms(model, scenario.seed, [], 3600 * 10, model.durationTicks).find((f) => f.fault === 'filler-lube')!;
    expect(lube.onset).toBe(2 * 60 * 10);
    const trend = lube.seen.find((x) => x.kind === 'trend');
    expect(trend?.station).toBe('FILL');
    expect(['FILL.temperature', 'FILL.current']).toContain(trend?.detail);
    // Not before a whole window since the onset could be compared.
    expect(trend!.tick).toBeGreaterThanOrEqual(lube.onset + 30 * 10 * 10);
  });

  it('nothing the line shows after the fix is listed as a sign of the fault: a dead gauge replaced, its new sensor\'s first parts', () => {
    const { model, scenario } = drill('dead-gauge');
    const commands = JSON.parse(readFileSync('tests/solutions/dead-gauge.json', 'utf8')).reference as Command[];
    const end = model.durationTicks;
    const [f] = findSymptoms(model, scenario.seed, commands, end, end);
    const s = createState(model, scenario.seed);
    for (const c of commands) {
      advance(s, c.tick);
      apply(s, c);
    }
    advance(s, end);
    const fixed = s.faults[0]!.resolvedAt;
    expect(fixed).toBeGreaterThan(f!.onset);
    expect(f!.seen.length).toBeGreaterThan(0);
    expect(f!.seen.filter((x) => x.tick > fixed)).toEqual([]);
  });

  it('a stopped machine reads no vibration or current below zero, however the noise falls', () => {
    const { model, scenario } = drill('starved-not-broken');
    const s = createState(model, scenario.seed);
    const drillAt = model.stations.findIndex((x) => x.id === 'DRILL');
    let lowest = Infinity;
    let stoppedLooks = 0;
    for (let t = 15_100; t < 18_000; t += 7) {
      advance(s, t);
      const st = observe(s, 0).stations[drillAt]!;
      expect(st.stateName).toBe('Held');
      stoppedLooks += 1;
      for (const x of st.sensors) if (x.kind === 'vibration' || x.kind === 'current') lowest = Math.min(lowest, x.value!);
    }
    expect(stoppedLooks).toBeGreaterThan(400);
    expect(lowest).toBeGreaterThanOrEqual(0);
    // The noise is still there: some looks read exactly zero, others above it.
    expect(lowest).toBe(0);
  });

  it('a reading out of its band says which way: the worn bearing\'s vibration above it, the leaking header\'s pressure below it', () => {
    const side = (id: string) => {
      const { model, scenario } = drill(id);
      const [f] = findSymptoms(model, scenario.seed, [], 8 * 3600 * 10, model.durationTicks);
      return f!.seen.find((x) => x.kind === 'sensor');
    };
    expect(side('bearing-wear')).toMatchObject({ detail: expect.stringContaining('vibration'), side: 'high' });
    expect(side('air-pressure-drop')).toMatchObject({ detail: expect.stringContaining('air'), side: 'low' });
  });
});
