import { describe, expect, it } from 'vitest';
import { advance, apply, type Command, createState, type LineModel, observe, type RepairAction, type State, truth } from '../../src/engine';
import { min, modelOf, sec, scenario } from '../helpers';

/** SRC → conveyor C → machine M (diameter, air) → buffer B → inspection QC → OUT; lots LA, LB, LC. */
function line(faults: unknown[]): LineModel {
  return modelOf(
    scenario({
      seed: 5,
      line: {
        stations: [
          { id: 'SRC', type: 'source', lots: [{ id: 'LA', quantity: 60 }, { id: 'LB', quantity: 80 }, { id: 'LC', quantity: 10000 }] },
          { id: 'C', type: 'conveyor', length: 4, speed: 0.5, capacity: 5 },
          { id: 'M', type: 'machine', processTime: '30s', usesAir: true, characteristic: { name: 'diameter', nominal: 20, tolerance: 0.05, sd: 0.004, thermalCoeff: 0.0015 } },
          { id: 'B', type: 'buffer', capacity: 5 },
          { id: 'QC', type: 'inspection', processTime: '5s', gaugeSd: 0.001 },
          { id: 'OUT', type: 'sink' },
        ],
        connections: [['SRC', 'C'], ['C', 'M'], ['M', 'B'], ['B', 'QC'], ['QC', 'OUT']],
      },
      faults,
    }),
  );
}

/** Two sources → robot R (assembly, 30 s) → buffer B → inspection QC → OUT: a gripper is a robot's. */
function robotCell(faults: unknown[]): LineModel {
  return modelOf(
    scenario({
      seed: 5,
      line: {
        stations: [
          { id: 'SRC', type: 'source' },
          { id: 'PAL', type: 'source' },
          { id: 'R', type: 'assembly', processTime: '30s' },
          { id: 'B', type: 'buffer', capacity: 5 },
          { id: 'QC', type: 'inspection', processTime: '5s', scrapProbability: 0.01 },
          { id: 'OUT', type: 'sink' },
        ],
        connections: [['SRC', 'R'], ['PAL', 'R'], ['R', 'B'], ['B', 'QC'], ['QC', 'OUT']],
      },
      faults,
    }),
  );
}

const view = (s: State, id: string) => observe(s).stations.find((x) => x.id === id)!;
const sensor = (s: State, id: string) => {
  const [st, kind] = id.split('.');
  return view(s, st!).sensors.find((x) => x.kind === kind)!;
};
const phase = (s: State, id: string) => truth(s).faults.find((f) => f.id === id)!.phase;

/** Stop, lock out, repair, wait, remove lock-out, reset, start: the safe procedure, from tick t. */
function procedure(model: LineModel, t: number, station: string, action: RepairAction, extra: Partial<Extract<Command, { type: 'repair' }>> = {}): Command[] {
  const done = t + sec(10) + model.repairTicks[action] + sec(5);
  return [
    { type: 'packml', tick: t, station, command: 'stop' },
    { type: 'lockOut', tick: t + sec(5), station },
    { type: 'repair', tick: t + sec(10), station, action, ...extra },
    { type: 'removeLockOut', tick: done, station },
    { type: 'packml', tick: done + sec(1), station, command: 'reset' },
    { type: 'packml', tick: done + sec(10), station, command: 'start' },
  ];
}

/** Clear, Reset, Start on every station with controls, in that order. */
function restartAll(t: number): Command[] {
  const ids = ['SRC', 'C', 'M', 'QC'];
  return (['clear', 'reset', 'start'] as const).flatMap((command, k) =>
    ids.map((station, j): Command => ({ type: 'packml', tick: t + min(k) + j, station, command })),
  );
}

function play(model: LineModel, commands: Command[], until: number): State {
  const s = createState(model, 5);
  for (const c of commands) {
    const r = apply(s, c);
    if (!r.accepted) throw new Error(`refused ${JSON.stringify(c)}: ${r.reason}`);
  }
  advance(s, until);
  return s;
}

function producedBetween(model: LineModel, commands: Command[], from: number, to: number): number {
  const a = play(model, commands, from).line.good;
  const b = play(model, commands, to).line.good;
  return b - a;
}

describe('each fault shows its symptoms, its right fix resolves it and the tempting wrong one does not', () => {
  it('breakdown: Held with its stop reason and an alarm; general repair under lock-out restores production', () => {
    const model = line([{ id: 'F', type: 'breakdown', station: 'M', trigger: { at: '10m' }, stopReason: 258 }]);
    const s = play(model, [], min(12));
    expect(view(s, 'M').stateName).toBe('Held');
    expect(view(s, 'M').stopReason).toBe(258);
    expect(observe(s).alarms.map((a) => `${a.id}:${a.phase}`)).toContain('M.stopped:unack');
    expect(view(s, 'C').interlock).toBe('blocked');
    const right = procedure(model, min(15), 'M', 'generalRepair');
    const fixed = play(model, right, min(90));
    expect(phase(fixed, 'F')).toBe('resolved');
    expect(view(fixed, 'M').stateName).toMatch(/Execute|Suspended/);
    expect(producedBetween(model, right, min(60), min(90))).toBeGreaterThan(40);
    expect(fixed.truth.safetyBreaches).toEqual([]);
    const wrong = play(model, procedure(model, min(15), 'M', 'replaceTool'), min(90));
    expect(phase(wrong, 'F')).toBe('active');
    expect(view(wrong, 'M').stateName).toBe('Held');
    expect(wrong.truth.wrongRepairs.map((w) => w.action)).toEqual(['replaceTool']);
  });

  it('a part the breakdown stopped counts the time the machine ran on it as its cycle time, not the stop', () => {
    // Played from the UI: after the right repair the filler read "Cycle time 659.8 s ▲", the
    // stop counted as the interrupted part's cycle, a slow machine until its next part.
    const model = line([{ id: 'F', type: 'breakdown', station: 'M', trigger: { at: '10m' }, stopReason: 258 }]);
    const right = procedure(model, min(15), 'M', 'generalRepair');
    const start = right.at(-1)!.tick;
    const stopped = play(model, right.slice(0, -1), start - 1);
    expect(view(stopped, 'M').parts).toBe(1);
    // Starting takes 3 s, the rest of the part under 30 s; the next part is not done before 33 s.
    const after = play(model, right, start + sec(33));
    expect(after.stations[2]!.c.processed).toBe(stopped.stations[2]!.c.processed + 1);
    expect(sensor(after, 'M.cycleTime').value!).toBeCloseTo(30, 1);
  });

  it('bearing wear: vibration climbs through the ISO zones, then the bearing fails; a new bearing fixes it, a new sensor does not', () => {
    const model = line([{ id: 'F', type: 'bearingWear', station: 'M', trigger: { at: '5m' }, timeToFailure: '60m' }]);
    const early = play(model, [], min(6));
    const late = play(model, [], min(55));
    expect(sensor(early, 'M.vibration').value!).toBeLessThan(2.8);
    expect(sensor(late, 'M.vibration').value!).toBeGreaterThan(4.5);
    const failed = play(model, [], min(120));
    expect(view(failed, 'M').stateName).toBe('Held');
    expect(view(failed, 'M').stopReason).toBe(262);
    const fixed = play(model, procedure(model, min(40), 'M', 'replaceBearing'), min(150));
    expect(phase(fixed, 'F')).toBe('resolved');
    expect(sensor(fixed, 'M.vibration').value!).toBeLessThan(2.8);
    const wrong = play(model, procedure(model, min(40), 'M', 'replaceSensor', { sensor: 'vibration' }), min(150));
    expect(phase(wrong, 'F')).toBe('active');
    expect(view(wrong, 'M').stateName).toBe('Held');
  });

  it('lubrication failure: temperature and current rise, the level check shows it low; restoring lubrication fixes it', () => {
    const model = line([{ id: 'F', type: 'lubricationFailure', station: 'M', trigger: { at: '5m' }, timeToFailure: '90m' }]);
    const before = play(model, [], min(5));
    const after = play(model, [{ type: 'check', tick: min(60), station: 'M', check: 'lubricationLevel' }], min(65));
    expect(sensor(after, 'M.temperature').value!).toBeGreaterThan(sensor(before, 'M.temperature').value! + 10);
    expect(after.checkResults.at(-1)!.value).toBeLessThan(60);
    // The reading comes with its datasheet range, and a low level falls outside it.
    expect(after.checkResults.at(-1)!.normal).toEqual([60, 100]);
    // Before the fault the reservoir is full; early in it the level is still inside its band but
    // the check says what is gone since it was filled (a healthy machine uses next to none).
    const healthy = play(model, [{ type: 'check', tick: min(1), station: 'M', check: 'lubricationLevel' }], min(3)).checkResults.at(-1)!;
    expect(healthy.value).toBe(100);
    expect(healthy.message.key).toBe('result.lubricant');
    const early = play(model, [{ type: 'check', tick: min(20), station: 'M', check: 'lubricationLevel' }], min(25)).checkResults.at(-1)!;
    expect(early.value).toBeGreaterThanOrEqual(60);
    expect(early.message).toEqual({ key: 'result.lubricantLost', params: { value: early.value, lost: Math.round(100 - early.value) } });
    expect(early.message.params.lost).toBeGreaterThanOrEqual(5);
    expect(early.text).toMatch(/^Lubricant level \d+ %, \d+ % gone since it was filled/);
    expect(after.truth.checks.at(-1)!.relevant).toBe(true);
    expect(phase(play(model, procedure(model, min(30), 'M', 'restoreLubrication'), min(120)), 'F')).toBe('resolved');
    expect(phase(play(model, procedure(model, min(30), 'M', 'replaceSensor', { sensor: 'temperature' }), min(120)), 'F')).toBe('active');
  });

  it('tool wear: the measured diameter drifts part by part; a new tool brings it back, recalibrating the gauge does not', () => {
    const model = line([{ id: 'F', type: 'toolWear', station: 'M', trigger: { at: '5m' }, driftPerPart: 0.001 }]);
    const s = play(model, [], min(40));
    const dim = sensor(s, 'M.dimension').value!;
    expect(dim).toBeGreaterThan(20.04);
    expect(sensor(s, 'M.current').value!).toBeGreaterThan(7.5);
    const fixed = play(model, procedure(model, min(30), 'M', 'replaceTool'), min(60));
    expect(phase(fixed, 'F')).toBe('resolved');
    expect(Math.abs(sensor(fixed, 'M.dimension').value! - 20)).toBeLessThan(0.02);
    const wrong = play(model, procedure(model, min(30), 'M', 'recalibrate'), min(60));
    expect(phase(wrong, 'F')).toBe('active');
    expect(sensor(wrong, 'M.dimension').value!).toBeGreaterThan(20.04);
    // A master part at the gauge downstream tells tool wear from a gauge offset as well as one at
    // the machine: a purposeful check at both (at the gauge it counted as unneeded).
    const cross = play(model, [{ type: 'check', tick: min(20), station: 'QC', check: 'masterPart' }, { type: 'check', tick: min(20), station: 'M', check: 'masterPart' }], min(30));
    expect(cross.truth.checks.map((c) => [c.station, c.check, c.relevant])).toEqual([
      ['M', 'masterPart', true],
      ['QC', 'masterPart', true],
    ]);
    // Before the fault began it bears on nothing.
    const later = line([{ id: 'F', type: 'toolWear', station: 'M', trigger: { at: '30m' }, driftPerPart: 0.001 }]);
    expect(play(later, [{ type: 'check', tick: min(1), station: 'QC', check: 'masterPart' }], min(10)).truth.checks.map((c) => c.relevant)).toEqual([false]);
  });

  it('calibration offset: the gauge reads a step high and scraps good parts; a master part shows it, recalibration fixes it', () => {
    const model = line([{ id: 'F', type: 'calibrationOffset', station: 'QC', trigger: { at: '10m' }, offset: 0.06 }]);
    const s = play(model, [{ type: 'check', tick: min(20), station: 'QC', check: 'masterPart' }], min(30));
    expect(s.checkResults.at(-1)!.value).toBeCloseTo(0.06, 6);
    // Allowed gauge bias: a tenth of the ±0.05 tolerance.
    expect(s.checkResults.at(-1)!.normal[1]).toBeCloseTo(0.005, 9);
    expect(s.checkResults.at(-1)!.message.key).toBe('result.masterPart');
    expect(view(s, 'QC').scrap).toBeGreaterThan(20);
    expect(sensor(s, 'M.dimension').value!).toBeLessThan(20.02);
    const fixed = play(model, procedure(model, min(20), 'QC', 'recalibrate'), min(90));
    expect(phase(fixed, 'F')).toBe('resolved');
    const scrapBefore = view(play(model, procedure(model, min(20), 'QC', 'recalibrate'), min(60)), 'QC').scrap;
    expect(view(fixed, 'QC').scrap).toBe(scrapBefore);
    expect(phase(play(model, procedure(model, min(20), 'M', 'replaceTool'), min(90)), 'F')).toBe('active');
  });

  it('stuck sensor: a flat line while the process goes on; a false trip, found by a handheld check; a new sensor fixes it', () => {
    const model = line([{ id: 'F', type: 'sensorStuck', station: 'M', sensor: 'temperature', value: 92, trigger: { at: '10m' } }]);
    const s = play(model, [{ type: 'check', tick: min(12), station: 'M', check: 'handheld', sensor: 'temperature' }], min(16));
    expect(sensor(s, 'M.temperature').value).toBe(92);
    expect(view(s, 'M').stateName).toBe('Held');
    expect(view(s, 'M').stopReason).toBe(261);
    expect(s.checkResults.at(-1)!.value).toBeLessThan(50);
    const fixed = play(model, procedure(model, min(15), 'M', 'replaceSensor', { sensor: 'temperature' }), min(60));
    expect(phase(fixed, 'F')).toBe('resolved');
    expect(view(fixed, 'M').stateName).toMatch(/Execute|Suspended/);
    const wrong = play(model, procedure(model, min(15), 'M', 'restoreCooling'), min(60));
    expect(phase(wrong, 'F')).toBe('active');
    expect(view(wrong, 'M').stateName).toBe('Held');
  });

  it('noisy sensor: the spread of readings grows with no process change; a new sensor cures it', () => {
    const model = line([{ id: 'F', type: 'sensorNoisy', station: 'M', sensor: 'vibration', factor: 20, trigger: { at: '10m' } }]);
    const spread = (s0: State, from: number) => {
      const xs: number[] = [];
      for (let t = from; t < from + sec(60); t += sec(1)) {
        advance(s0, t);
        xs.push(sensor(s0, 'M.vibration').value!);
      }
      return Math.max(...xs) - Math.min(...xs);
    };
    const s = createState(model, 5);
    const quiet = spread(s, min(2));
    const noisy = spread(s, min(20));
    expect(noisy).toBeGreaterThan(quiet * 5);
    expect(phase(play(model, procedure(model, min(15), 'M', 'replaceSensor', { sensor: 'vibration' }), min(60)), 'F')).toBe('resolved');
    expect(phase(play(model, procedure(model, min(15), 'M', 'replaceBearing'), min(90)), 'F')).toBe('active');
  });

  it('dead sensor: bad quality, a loop current outside NAMUR NE43, and a signal-fault alarm', () => {
    const model = line([{ id: 'F', type: 'sensorDead', station: 'M', sensor: 'temperature', trigger: { at: '10m' } }]);
    const s = play(model, [], min(11));
    const r = sensor(s, 'M.temperature');
    expect(r.quality).toBe('bad');
    expect(r.value).toBeNull();
    expect(r.mA).toBeLessThan(3.6);
    expect(observe(s).alarms.map((a) => a.id)).toContain('M.temperature.bad');
    expect(phase(play(model, procedure(model, min(15), 'M', 'replaceSensor', { sensor: 'temperature' }), min(60)), 'F')).toBe('resolved');
  });

  it('conveyor jam: Held with stop reason 65, upstream blocked, downstream starved; repeated resets do not help', () => {
    const model = line([{ id: 'F', type: 'conveyorJam', station: 'C', trigger: { at: '10m' } }]);
    const s = play(model, [], min(15));
    expect(view(s, 'C').stateName).toBe('Held');
    expect(view(s, 'C').stopReason).toBe(65);
    expect(view(s, 'SRC').interlock).toBe('none');
    expect(view(s, 'M').interlock).toBe('starved');
    const resets: Command[] = [
      { type: 'packml', tick: min(12), station: 'C', command: 'stop' },
      { type: 'packml', tick: min(13), station: 'C', command: 'reset' },
      { type: 'packml', tick: min(14), station: 'C', command: 'start' },
    ];
    const retried = play(model, resets, min(20));
    expect(view(retried, 'C').stateName).toBe('Held');
    expect(phase(retried, 'F')).toBe('active');
    const fixed = play(model, procedure(model, min(12), 'C', 'clearJam'), min(40));
    expect(phase(fixed, 'F')).toBe('resolved');
    expect(view(fixed, 'C').stateName).toMatch(/Execute|Suspended/);
    expect(fixed.truth.safetyBreaches).toEqual([]);
  });

  it('clearing a jam without lock-out works but is recorded as a safety breach', () => {
    const model = line([{ id: 'F', type: 'conveyorJam', station: 'C', trigger: { at: '10m' } }]);
    const s = play(
      model,
      [
        { type: 'packml', tick: min(12), station: 'C', command: 'stop' },
        { type: 'repair', tick: min(13), station: 'C', action: 'clearJam' },
      ],
      min(30),
    );
    expect(phase(s, 'F')).toBe('resolved');
    expect(s.truth.safetyBreaches).toEqual([{ tick: min(13), station: 'C', what: 'this repair without lock-out' }]);
  });

  it('air pressure drop: header pressure falls, stroke times and dropped parts rise; restoring air fixes it', () => {
    const model = line([{ id: 'F', type: 'airPressureDrop', trigger: { at: '10m' }, drop: 2, develop: '5m' }]);
    const s = play(model, [], min(30));
    expect(sensor(s, 'M.airPressure').value!).toBeLessThan(4.2);
    expect(sensor(s, 'M.cycleTime').value!).toBeGreaterThan(40);
    expect(observe(s).alarms.map((a) => a.id)).toContain('M.airPressure.low');
    const fixed = play(model, [{ type: 'repair', tick: min(30), station: 'M', action: 'restoreAir' }], min(60));
    expect(phase(fixed, 'F')).toBe('resolved');
    expect(sensor(fixed, 'M.airPressure').value!).toBeGreaterThan(5.8);
    expect(phase(play(model, procedure(model, min(30), 'M', 'generalRepair'), min(90)), 'F')).toBe('active');
  });

  it('spindle overheating: temperature climbs and the dimension follows it; restoring cooling fixes it, a new tool does not', () => {
    const model = line([{ id: 'F', type: 'spindleOverheating', station: 'M', trigger: { at: '10m' }, rise: 40 }]);
    const before = play(model, [], min(10));
    const s = play(model, [], min(30));
    expect(sensor(s, 'M.temperature').value!).toBeGreaterThan(sensor(before, 'M.temperature').value! + 25);
    expect(sensor(s, 'M.dimension').value!).toBeGreaterThan(20.03);
    const fixed = play(model, procedure(model, min(30), 'M', 'restoreCooling'), min(120));
    expect(phase(fixed, 'F')).toBe('resolved');
    expect(phase(play(model, procedure(model, min(30), 'M', 'replaceTool'), min(120)), 'F')).toBe('active');
  });

  it('bad material lot: scrap jumps when the lot starts, machines stay normal; quarantining the lot fixes it', () => {
    const model = line([{ id: 'F', type: 'badMaterialLot', lot: 'LB', defectRate: 0.5 }]);
    const s = play(model, [], min(70));
    expect(phase(s, 'F')).toBe('active');
    expect(view(s, 'QC').scrap).toBeGreaterThan(10);
    expect(s.log.some((e) => e.kind === 'lot' && e.lot === 'LB')).toBe(true);
    const onset = truth(s).faults[0]!.onset;
    const fixed = play(model, [{ type: 'repair', tick: onset + min(5), station: 'SRC', action: 'quarantineLot', lot: 'LB' }], min(120));
    expect(phase(fixed, 'F')).toBe('resolved');
    expect(observe(fixed).quarantined).toEqual(['LB']);
    expect(view(fixed, 'SRC').lot).toBe('LC');
    expect(view(fixed, 'QC').scrap).toBeLessThan(view(play(model, [], min(120)), 'QC').scrap);
    expect(phase(play(model, procedure(model, onset + min(5), 'M', 'recalibrate'), min(120)), 'F')).toBe('active');
  });

  it('wrong parameter: speed drops after a changeover with no stops; restoring the approved value fixes it', () => {
    const model = line([{ id: 'F', type: 'wrongParameter', station: 'M', trigger: { at: '10m' }, speed: 60 }]);
    const s = play(model, [], min(20));
    expect(view(s, 'M').speed).toBe(60);
    expect(sensor(s, 'M.cycleTime').value!).toBeCloseTo(50, 0);
    expect(s.log.filter((e) => e.kind === 'state' && e.station === 'M')).toEqual([]);
    expect(phase(play(model, [{ type: 'repair', tick: min(20), station: 'M', action: 'restoreParameter' }], min(30)), 'F')).toBe('resolved');
    const bySetpoint = play(model, [{ type: 'setSpeed', tick: min(20), station: 'M', percent: 100 }], min(30));
    expect(phase(bySetpoint, 'F')).toBe('resolved');
    expect(phase(play(model, procedure(model, min(20), 'M', 'generalRepair'), min(90)), 'F')).toBe('active');
  });

  it('gripper misalignment: the robot retries its picks and damages parts; re-teaching fixes it, slowing it down does not', () => {
    const model = robotCell([{ id: 'F', type: 'gripperMisalignment', station: 'R', trigger: { at: '10m' }, retryFactor: 1.5, biasRate: 0.5 }]);
    const s = play(model, [], min(40));
    expect(sensor(s, 'R.cycleTime').value!).toBeCloseTo(45, 0);
    const clean = play(robotCell([]), [], min(40));
    expect(s.line.scrap).toBeGreaterThan(clean.line.scrap + 5);
    expect(phase(play(model, procedure(model, min(20), 'R', 'reteachRobot'), min(60)), 'F')).toBe('resolved');
    expect(phase(play(model, [{ type: 'setSpeed', tick: min(20), station: 'R', percent: 70 }], min(60)), 'F')).toBe('active');
    expect(phase(play(model, procedure(model, min(20), 'R', 'generalRepair'), min(90)), 'F')).toBe('active');
  });

  it('power dip: every drive trips to Aborted at the same instant; Clear, Reset, Start brings the line back', () => {
    const model = line([{ id: 'F', type: 'powerDip', trigger: { at: '10m' } }]);
    const s = play(model, [], min(11));
    for (const id of ['SRC', 'C', 'M', 'QC']) {
      expect(view(s, id).stateName).toBe('Aborted');
      expect(view(s, id).stopReason).toBe(260);
    }
    const restart = restartAll(min(12));
    const fixed = play(model, restart, min(30));
    expect(phase(fixed, 'F')).toBe('resolved');
    expect(producedBetween(model, restart, min(20), min(40))).toBeGreaterThan(20);
  });

  it('E-stop: the zone aborts with stop reason 1; Clear is refused until the E-stop is released', () => {
    const model = line([{ id: 'F', type: 'eStop', trigger: { at: '10m' } }]);
    const s = play(model, [], min(11));
    expect(view(s, 'M').stateName).toBe('Aborted');
    expect(view(s, 'M').stopReason).toBe(1);
    expect(observe(s).eStop).toBe(true);
    const refused = apply(s, { type: 'packml', tick: min(12), station: 'M', command: 'clear' });
    expect(refused).toEqual({ accepted: false, reason: 'The E-stop is pushed: release the E-stop first', refusal: { key: 'eStopPushed', params: {} } });
    const restart: Command[] = [{ type: 'releaseEStop', tick: min(12) }, ...restartAll(min(13))];
    expect(phase(play(model, restart, min(30)), 'F')).toBe('resolved');
  });

  it('a random breakdown with automatic repair comes back again and again, counting busy time only', () => {
    const model = line([{ id: 'F', type: 'breakdown', station: 'M', trigger: { mtbf: '20m', basis: 'busy' }, repair: 'auto', mttr: '2m' }]);
    const s = play(model, [], min(8 * 60));
    const f = truth(s).faults[0]!;
    expect(f.occurrences).toBeGreaterThan(10);
    expect(view(s, 'M').stateName).toMatch(/Execute|Suspended|Held/);
  });
});
