import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assessment';
import { type Command, Pack, TICKS_PER_SECOND } from '../../src/engine';
import { replay } from '../../src/session/record';
import { modelOf } from '../helpers';

const load = (id: string) => JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8')) as Record<string, unknown>;
const solution = (id: string) => JSON.parse(readFileSync(`tests/solutions/${id}.json`, 'utf8')) as { reference: Command[] };

describe('a fault is restored when its station produces again', () => {
  it('a sensor replaced on a stopped mill is restored when the mill is started, not when the sensor is in', () => {
    const raw = load('noisy-sensor');
    const model = modelOf(raw);
    const seed = raw.seed as number;
    // The reference, but the student starts the mill again eleven minutes after the new sensor is in.
    const late = solution('noisy-sensor').reference.map((c) => (c.type === 'packml' && (c.command === 'reset' || c.command === 'start') ? { ...c, tick: c.tick + 6600 } : c));
    const end = 30_000;
    const a = assess(model, seed, late, end);
    const f = a.faults[0]!;
    const log = replay(model, seed, late, end).state.log;
    const replaced = log.find((e) => e.kind === 'taskDone' && e.action === 'replaceSensor')!.tick;
    const started = log.find((e) => e.kind === 'state' && e.station === 'CNC2' && e.tick > replaced && e.to === Pack.Execute)!.tick;
    expect(started - replaced).toBeGreaterThan(6000);
    expect(f.restoreSeconds).toBe((started - f.onsetSeconds * TICKS_PER_SECOND) / TICKS_PER_SECOND);
  });

  it('a fix made while the station runs restores it at once (a bad lot quarantined at the source)', () => {
    const raw = load('bad-material-lot');
    const model = modelOf(raw);
    const seed = raw.seed as number;
    const commands = solution('bad-material-lot').reference;
    const a = assess(model, seed, commands, 60_000);
    const f = a.faults[0]!;
    const log = replay(model, seed, commands, 60_000).state.log;
    const done = log.find((e) => e.kind === 'taskDone' && e.action === 'quarantineLot')!.tick;
    expect(f.restoreSeconds).toBe((done - f.onsetSeconds * TICKS_PER_SECOND) / TICKS_PER_SECOND);
  });
});
