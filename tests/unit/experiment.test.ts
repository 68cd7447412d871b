import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { experimentScenario, prepare, replicate, seedOf, summarize } from '../../src/experiment/experiment';
import { runJob } from '../../src/experiment/pool';
import { estimate, tQuantile975 } from '../../src/experiment/stats';
import { parseSweep, sweepValues, withParameter } from '../../src/experiment/sweep';
import { loadScenarioJson } from '../../src/scenario';
import { sim } from './sim-process';

const raw = (id: string) => JSON.parse(readFileSync(join(__dirname, '../../scenarios', `${id}.json`), 'utf8')) as { [key: string]: unknown };

describe('replication statistics', () => {
  it('gives the mean and the 95 % interval from Student’s t', () => {
    expect(tQuantile975(4)).toBe(2.776);
    expect(tQuantile975(100)).toBe(1.96);
    const e = estimate([10, 12, 14, 16, 18]);
    expect(e.mean).toBe(14);
    // sd = sqrt(10); half = 2.776 * sqrt(10) / sqrt(5)
    expect(e.half).toBeCloseTo((2.776 * Math.sqrt(10)) / Math.sqrt(5), 12);
    expect(estimate([3]).half).toBe(0);
  });

  it('spreads the seeds of replications and keeps the first the scenario’s own', () => {
    expect(seedOf(7, 0)).toBe(7);
    const seeds = Array.from({ length: 100 }, (_, k) => seedOf(7, k));
    expect(new Set(seeds).size).toBe(100);
    expect(seeds.every((s) => Number.isInteger(s) && s >= 0 && s <= 0xffffffff)).toBe(true);
  });
});

describe('an experiment', () => {
  it('keeps the line’s random failures and drops a drill’s scheduled faults and objectives', () => {
    expect((experimentScenario(raw('reference-line5'), 'random').faults as unknown[]).length).toBe(5);
    const drill = experimentScenario(raw('breakdown-drill'), 'random');
    expect('faults' in drill).toBe(false);
    expect('objectives' in drill).toBe(false);
    expect((experimentScenario(raw('breakdown-drill'), 'all').faults as unknown[]).length).toBe(1);
  });

  it('summarises replications: figures with intervals, state fractions per station, the bottleneck most runs name', () => {
    const p = prepare(raw('reference-line5'), 'random');
    if (!p.ok) throw new Error('does not load');
    const model = { ...p.model, durationTicks: 2 * 86_400 * 10, warmupTicks: 0 };
    const reps = [0, 1, 2].map((k) => replicate(model, seedOf(p.seed, k)));
    const s = summarize(reps);
    expect(s.n).toBe(3);
    expect(s.figures.throughputPerHour.mean).toBeCloseTo((reps[0]!.throughputPerHour + reps[1]!.throughputPerHour + reps[2]!.throughputPerHour) / 3, 9);
    expect(s.figures.throughputPerHour.half).toBeGreaterThan(0);
    const m3 = s.stations.find((x) => x.id === 'M3')!;
    const total = Object.values(m3.fractions).reduce((a, e) => a + e.mean, 0);
    expect(total).toBeCloseTo(1, 6);
    expect(reps.filter((r) => r.constraint === s.constraint.id).length).toBe(s.constraint.count);
  });
});

describe('a sweep', () => {
  it('reads path=from:to:step and refuses what it cannot do, saying why', () => {
    expect(parseSweep('B1.capacity=0:10:2')).toEqual({ path: 'B1.capacity', from: 0, to: 10, step: 2 });
    expect(sweepValues({ path: 'x', from: 0, to: 1, step: 0.1 })).toHaveLength(11);
    expect(parseSweep('B1.capacity=0-10')).toEqual({ error: '--sweep must be path=from:to:step, like B1.capacity=0:10:1; got B1.capacity=0-10' });
    expect(parseSweep('x=0:1000:1')).toEqual({ error: 'a sweep may have at most 50 points; this one has 51' });
    expect(withParameter(raw('reference-line5'), 'Q9.capacity', 3)).toMatchObject({ error: expect.stringContaining('no parameter "Q9.capacity"') });
  });

  it('sets a station’s field, every buffer’s, or a JSON path; a buffer of 0 is taken out of the line', () => {
    const one = withParameter(raw('reference-line5'), 'B2.capacity', 7) as { line: { stations: { id: string; capacity?: number }[] } };
    expect(one.line.stations.find((s) => s.id === 'B2')!.capacity).toBe(7);
    const none = withParameter(raw('reference-line5'), 'buffers.capacity', 0) as { line: { stations: { type: string }[]; connections: [string, string][] } };
    expect(none.line.stations.some((s) => s.type === 'buffer')).toBe(false);
    expect(none.line.connections).toContainEqual(['M1', 'M2']);
    expect(loadScenarioJson(none).ok).toBe(true);
    const mtbf = withParameter(raw('reference-line5'), 'faults[0].trigger.mtbf', 1800) as { faults: { trigger: { mtbf: number } }[] };
    expect(mtbf.faults[0]!.trigger.mtbf).toBe(1800);
  });

  it('a job whose scenario does not load says why, in the file check’s words', () => {
    const out = runJob({ id: 0, scenario: withParameter(raw('reference-line5'), 'B1.capacity', -1) as { [key: string]: unknown }, faults: 'random', seed: 1 });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toMatch(/^line\.stations\[\d+\]\.capacity: must be more than 0/);
  });
});

describe('npm run sim -- --replications', () => {
  it('runs the replications in worker threads and reports what in-process replications give', () => {
    const r = sim(['scenarios/reference-line5.json', '--replications', '3', '--duration', '1d', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { replications: number; summary: ReturnType<typeof summarize> };
    const p = prepare(raw('reference-line5'), 'random');
    if (!p.ok) throw new Error('does not load');
    const model = { ...p.model, durationTicks: 86_400 * 10 };
    const expected = summarize([0, 1, 2].map((k) => replicate(model, seedOf(p.seed, k))));
    expect(report.summary).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('sweeps a parameter and names the bottleneck at each point', () => {
    const r = sim(['scenarios/reference-line5.json', '--replications', '2', '--sweep', 'buffers.capacity=0:4:2', '--duration', '1d']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('sweep of buffers.capacity:');
    expect(r.stdout.split('\n').filter((l) => /^\s+[024]\s+\d/.test(l))).toHaveLength(3);
  });

  it('refuses a bad experiment with a clear message (exit 2)', () => {
    expect(sim(['scenarios/reference-line5.json', '--replications', '0']).stderr).toContain('--replications must be a whole number from 1 to 200; got 0');
    expect(sim(['scenarios/reference-line5.json', '--sweep', 'B1.capacity=1:3:1']).stderr).toContain('--sweep needs --replications');
    const bad = sim(['scenarios/reference-line5.json', '--replications', '2', '--sweep', 'Q9.capacity=1:3:1']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('no parameter "Q9.capacity"');
  });
});
