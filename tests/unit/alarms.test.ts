import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario';
import { advance, apply, createState, observe, Pack, type State } from '../../src/engine';
import { min, modelOf, scenario, sec, simpleLine } from '../helpers';

const alarm = (s: State, id: string) => observe(s).alarms.find((a) => a.id === id);
const phaseOf = (s: State, id: string) => alarm(s, id)?.phase ?? 'normal';

describe('alarms follow ISA-18.2 (DOMAIN §3)', () => {
  const breakdown = modelOf(simpleLine({ faults: [{ id: 'F', type: 'breakdown', station: 'M', trigger: { at: '1m' } }] }));

  it('Normal → Unacknowledged on abnormal; acknowledge silences but does not clear; Normal when it clears', () => {
    const s = createState(breakdown, 1);
    advance(s, min(2));
    expect(phaseOf(s, 'M.stopped')).toBe('unack');
    expect(alarm(s, 'M.stopped')?.priority).toBe('high');
    expect(apply(s, { type: 'ackAlarm', tick: min(2), alarm: 'M.stopped' }).accepted).toBe(true);
    expect(phaseOf(s, 'M.stopped')).toBe('ack');
    expect(alarm(s, 'M.stopped')?.active).toBe(true);
    expect(apply(s, { type: 'ackAlarm', tick: min(2), alarm: 'M.stopped' }).reason).toBe('This alarm has nothing to acknowledge');
  });

  it('the alarm stays active while its cause is there: Stop and Reset change the state, not the drive fault', () => {
    const s = createState(breakdown, 1);
    advance(s, min(2));
    apply(s, { type: 'ackAlarm', tick: min(2), alarm: 'M.stopped' });
    apply(s, { type: 'packml', tick: min(3), station: 'M', command: 'stop' });
    advance(s, min(4));
    expect(observe(s).stations.find((x) => x.id === 'M')?.state).toBe(Pack.Stopped);
    expect(alarm(s, 'M.stopped')?.active).toBe(true);
    expect(phaseOf(s, 'M.stopped')).toBe('ack');
    apply(s, { type: 'packml', tick: min(4), station: 'M', command: 'reset' });
    advance(s, min(5));
    expect(observe(s).stations.find((x) => x.id === 'M')?.state).toBe(Pack.Idle);
    expect(alarm(s, 'M.stopped')?.active).toBe(true);
    // The repair removes the cause: the alarm returns to normal without another state change.
    apply(s, { type: 'lockOut', tick: min(5), station: 'M' });
    expect(apply(s, { type: 'repair', tick: min(5), station: 'M', action: 'generalRepair' }).accepted).toBe(true);
    advance(s, min(60));
    expect(observe(s).stations.find((x) => x.id === 'M')?.state).toBe(Pack.Idle);
    expect(alarm(s, 'M.stopped')?.active ?? false).toBe(false);
    expect(phaseOf(s, 'M.stopped')).toBe('normal');
  });

  it('the list keeps the time the alarm rose; acknowledging records its own time beside it', () => {
    const s = createState(breakdown, 1);
    advance(s, min(2));
    const rose = alarm(s, 'M.stopped')!.raisedAt;
    expect(rose).toBeGreaterThanOrEqual(min(1));
    expect(rose).toBeLessThan(min(2));
    expect(alarm(s, 'M.stopped')!.ackedAt).toBe(-1);
    advance(s, min(3));
    apply(s, { type: 'ackAlarm', tick: min(3), alarm: 'M.stopped' });
    expect(alarm(s, 'M.stopped')!.raisedAt).toBe(rose);
    expect(alarm(s, 'M.stopped')!.ackedAt).toBe(min(3));
    expect(alarm(s, 'M.stopped')!.since).toBe(min(3));
  });

  it('within a priority the newest raised alarm is on top, as the list shows it: acknowledging an older one does not move it up', () => {
    const two = modelOf(
      simpleLine({
        faults: [
          { id: 'F1', type: 'breakdown', station: 'M', trigger: { at: '1m' } },
          { id: 'F2', type: 'breakdown', station: 'QC', trigger: { at: '2m' } },
        ],
      }),
    );
    const s = createState(two, 1);
    advance(s, min(3));
    const order = () => observe(s).alarms.filter((a) => a.id.endsWith('.stopped')).map((a) => a.id);
    expect(order()).toEqual(['QC.stopped', 'M.stopped']);
    apply(s, { type: 'ackAlarm', tick: min(3), alarm: 'M.stopped' });
    expect(alarm(s, 'M.stopped')!.since).toBe(min(3));
    expect(order()).toEqual(['QC.stopped', 'M.stopped']);
  });

  it('an alarm that clears before it is acknowledged waits in Return-to-normal unacknowledged', () => {
    const s = createState(breakdown, 1);
    advance(s, min(2));
    apply(s, { type: 'packml', tick: min(3), station: 'M', command: 'stop' });
    advance(s, min(4));
    expect(phaseOf(s, 'M.stopped')).toBe('unack');
    apply(s, { type: 'lockOut', tick: min(4), station: 'M' });
    apply(s, { type: 'repair', tick: min(4), station: 'M', action: 'generalRepair' });
    advance(s, min(60));
    expect(phaseOf(s, 'M.stopped')).toBe('rtnUnack');
    apply(s, { type: 'ackAlarm', tick: min(60), alarm: 'M.stopped' });
    expect(phaseOf(s, 'M.stopped')).toBe('normal');
  });

  it('shelving hides an alarm for a time limit, then it returns in the state it would have had', () => {
    const s = createState(breakdown, 1);
    advance(s, min(2));
    expect(apply(s, { type: 'shelveAlarm', tick: min(2), alarm: 'M.stopped', seconds: 300 }).accepted).toBe(true);
    expect(phaseOf(s, 'M.stopped')).toBe('shelved');
    advance(s, min(6));
    expect(phaseOf(s, 'M.stopped')).toBe('shelved');
    advance(s, min(7) + 1);
    expect(phaseOf(s, 'M.stopped')).toBe('unack');
  });

  it('a vibration alarm is suppressed by design while its station is stopped', () => {
    const model = modelOf(simpleLine({ faults: [{ id: 'F', type: 'bearingWear', station: 'M', trigger: { at: '1m' }, timeToFailure: '30m' }] }));
    const s = createState(model, 1);
    advance(s, min(28));
    expect(phaseOf(s, 'M.vibration.high')).toBe('unack');
    apply(s, { type: 'packml', tick: min(28), station: 'M', command: 'stop' });
    advance(s, min(29));
    expect(phaseOf(s, 'M.vibration.high')).toBe('suppressed');
  });

  it('the on-delay keeps a noisy reading near its limit from chattering; without it the alarm chatters', () => {
    const withRule = (onDelay: string, deadband: number) =>
      modelOf(
        simpleLine({
          alarms: {
            defaults: 'none',
            rules: [{ id: 'hot', station: 'M', condition: 'high', sensor: 'temperature', limit: 40.25, deadband, onDelay, priority: 'low', message: 'hot' }],
          },
        }),
      );
    // The running spindle settles at 40 °C with noise, so the raw reading crosses 40.25 now and then.
    const bare = createState(withRule('0s', 0), 1);
    advance(bare, min(120));
    const delayed = createState(withRule('10s', 0.5), 1);
    advance(delayed, min(120));
    expect(bare.alarms[0]!.activations).toBeGreaterThan(20);
    expect(delayed.alarms[0]!.activations).toBeLessThan(2);
  });

  it('more than ten alarms in ten minutes raise the flood flag', () => {
    const stations = [{ id: 'SRC', type: 'source' }];
    const connections: [string, string][] = [];
    let prev = 'SRC';
    for (let k = 0; k < 12; k++) {
      stations.push({ id: `M${k}`, type: 'machine', processTime: '10s' } as never);
      connections.push([prev, `M${k}`]);
      prev = `M${k}`;
    }
    stations.push({ id: 'OUT', type: 'sink' });
    connections.push([prev, 'OUT']);
    const s = createState(modelOf(scenario({ line: { stations, connections } })), 1);
    advance(s, min(1));
    expect(observe(s).flood).toBe(false);
    apply(s, { type: 'eStop', tick: min(1) });
    advance(s, min(1) + sec(5));
    expect(observe(s).flood).toBe(true);
    advance(s, min(20));
    expect(observe(s).flood).toBe(false);
  });

  it('a dimension alarm does not chatter: a gauge reading 0.06 mm large raises it once, though single parts scatter back into tolerance', () => {
    const r = loadScenarioText(readFileSync('scenarios/calibration-offset.json', 'utf8'));
    if (!r.ok) throw new Error('calibration-offset does not load');
    const s = createState(r.model, r.scenario.seed);
    const ai = r.model.alarms.findIndex((a) => a.id === 'QC.dimension.high');
    let raises = 0;
    let wasActive = false;
    for (let t = 0; t <= r.model.durationTicks; t += 10) {
      advance(s, t);
      const active = s.alarms[ai]!.active;
      if (active && !wasActive) raises += 1;
      wasActive = active;
    }
    // Six times over the shift with no off-delay (each good part cleared it).
    expect(raises).toBe(1);
    expect(wasActive).toBe(true);
  });
});
