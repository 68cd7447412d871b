import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario';
import { MAX_RUN_TICKS } from '../../src/scenario/limits';
import { loadSessionText } from '../../src/session/session-file';
import { verifySession } from '../../src/session/verify';
import { sim } from './sim-process';

const drill = readFileSync(join(__dirname, '../../scenarios/breakdown-drill.json'), 'utf8');
const golden = readFileSync(join(__dirname, '../golden/breakdown-drill.session.json'), 'utf8');
const errorsOf = (text: string) => {
  const r = loadScenarioText(text);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('files that would crash or hang are refused with a sentence', () => {
  it('JSON nested 10,000 levels deep, under any key, is refused before anything recurses', () => {
    const deep = drill.replace('"format": 1', `"format": 1, "unused": ${'['.repeat(10_000)}1${']'.repeat(10_000)}`);
    expect(errorsOf(deep)).toEqual([': the file nests objects and arrays more than 64 levels deep; a scenario needs fewer than 10']);
    const session = golden.replace('"format": 1', `"format": 1, "x": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
    const r = loadSessionText(session);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain('more than 64 levels deep');
  });

  it('10,000 stations wired to unknown ids are refused at once with the limit, and long error lists are cut', () => {
    const sc = JSON.parse(drill);
    sc.line.stations = [{ id: 'S', type: 'source' }, ...Array.from({ length: 10_000 }, (_, k) => ({ id: `M${k}`, type: 'buffer', capacity: 1 })), { id: 'OUT', type: 'sink' }];
    sc.line.connections = sc.line.stations.map((s: { id: string }) => [`X${s.id}`, s.id]);
    const t0 = performance.now();
    const errors = errorsOf(JSON.stringify(sc));
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(errors).toContain(`line.stations: a line may have at most 500 stations; got ${JSON.stringify(sc.line.stations).slice(0, 57)}...`);
    sc.line.stations = sc.line.stations.slice(0, 400);
    sc.line.connections = sc.line.connections.slice(0, 1900);
    const many = errorsOf(JSON.stringify(sc));
    expect(many.length).toBe(51);
    expect(many[50]).toMatch(/^: … and \d+ more errors like these$/);
  });

  it('a key of another station type names the types that have it, not itself', () => {
    const sc = JSON.parse(drill);
    const i = sc.line.stations.findIndex((s: { type: string }) => s.type === 'machine');
    sc.line.stations[i].gaugeSd = 0.001;
    expect(errorsOf(JSON.stringify(sc))).toEqual([`line.stations[${i}].gaugeSd: unknown key "gaugeSd" on a machine station: only inspection stations have it`]);
    sc.line.stations[i] = { ...sc.line.stations[i], gaugeSd: undefined, procesTime: '3s' };
    expect(errorsOf(JSON.stringify(sc))).toEqual([`line.stations[${i}].procesTime: unknown key "procesTime" (did you mean "processTime"?)`]);
  });

  it('a session past the longest run, or with commands after its end, is refused with the limit in words', () => {
    const s = JSON.parse(golden);
    s.endTick = MAX_RUN_TICKS + 1;
    const r = loadSessionText(JSON.stringify(s));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => `${e.path}: ${e.message}`)).toContain(`endTick: must be at most ${MAX_RUN_TICKS} (1000 simulated days, the longest run); got ${MAX_RUN_TICKS + 1}`);
    const late = JSON.parse(golden);
    late.commands.push({ ...late.commands[late.commands.length - 1], tick: late.endTick + 10 });
    const l = loadSessionText(JSON.stringify(late));
    expect(l.ok).toBe(false);
    if (!l.ok) expect(l.errors[0]!.message).toBe(`is after the end of the session (endTick ${late.endTick})`);
  });

  it('a session of an older engine version is verified all the same, and names its version', () => {
    const s = JSON.parse(golden);
    const current = s.engine as number;
    s.engine = current - 1;
    const r = loadSessionText(JSON.stringify(s));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Its checkpoints hash the whole state: this engine reproducing them is the same run.
    expect(verifySession(r.session).verification).toEqual({ kind: 'reproduces', reproduces: true, recordedWith: current - 1 });
    const dir = mkdtempSync(join(tmpdir(), 'lf-'));
    writeFileSync(join(dir, 'old.session.json'), JSON.stringify(s));
    const ok = sim(['--verify', join(dir, 'old.session.json')]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`reproduces (recorded with engine version ${current - 1}, this Learning Factory runs version ${current}; `);
    // One that this engine plays differently cannot tell a changed rule from an edited file, and says both.
    s.checkpoints[4].hash = '0123456789abcdef';
    const edited = loadSessionText(JSON.stringify(s));
    if (!edited.ok) throw new Error('the edited session should load');
    expect(verifySession(edited.session).verification).toMatchObject({ kind: 'diverges', firstDivergentTick: s.checkpoints[4].tick, recordedWith: current - 1 });
    writeFileSync(join(dir, 'edited.session.json'), JSON.stringify(s));
    const out = sim(['--verify', join(dir, 'edited.session.json')]);
    expect(out.status).toBe(3);
    expect(out.stdout).toContain(`DIVERGES at tick ${s.checkpoints[4].tick} (recorded with engine version ${current - 1}`);
    expect(out.stdout).toContain('a rule of the engine changed since, or the file was edited');
  });

  it('the runner refuses a duration beyond the longest run with the limit in words', () => {
    const out = sim(['scenarios/breakdown-drill.json', '--duration', '1300d']);
    expect(out.status).toBe(2);
    expect(out.stderr).toBe('--duration may be at most 1000 days (the longest run the simulation allows); got 1300d\n');
  });
});
