import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Command, createState } from '../../src/engine';
import { loadScenarioText } from '../../src/scenario';
import { localHost } from '../../src/session/engine-host';
import type { FromEngine } from '../../src/session/engine-protocol';
import { advanceRecording, type Checkpoint, replay } from '../../src/session/record';
import { loadSessionText, makeSession } from '../../src/session/session-file';
import { verifySession } from '../../src/session/verify';

const text = readFileSync('scenarios/breakdown-drill.json', 'utf8');
const loaded = loadScenarioText(text);
if (!loaded.ok) throw new Error('breakdown drill does not load');
const { scenario, model } = loaded;
const reference = (JSON.parse(readFileSync('tests/solutions/breakdown-drill.json', 'utf8')) as { reference: Command[] }).reference;

/** Drive the engine service the way the store does: runs of uneven length, commands in between. */
function liveRun(commands: readonly Command[], end: number) {
  const host = localHost();
  let requests = 0;
  const log: Command[] = [];
  let checkpoints: readonly Checkpoint[] = [];
  let tick = 0;
  host.listen((m: FromEngine) => {
    if (m.type === 'frame') tick = m.scene.tick;
    if (m.type === 'commandResult') log.push(m.command);
    if (m.type === 'checkpoints') checkpoints = m.checkpoints;
  });
  host.post({ id: ++requests, type: 'load', scenario });
  let step = 37;
  for (const c of commands) {
    while (tick < c.tick) {
      host.post({ id: ++requests, type: 'run', to: Math.min(c.tick, tick + step), observe: false });
      step = (step * 7) % 997 + 13;
    }
    const { tick: _t, ...rest } = c;
    host.post({ id: ++requests, type: 'command', command: rest as never });
  }
  host.post({ id: ++requests, type: 'run', to: end, observe: false });
  host.post({ id: ++requests, type: 'checkpoints' });
  return makeSession(scenario, scenario.seed, log, end, checkpoints);
}

describe('sessions: record, save, verify', () => {
  it('a live run, saved as a session file, replays to the same hashes at every checkpoint', () => {
    const session = liveRun(reference, model.durationTicks);
    expect(session.checkpoints.length).toBeGreaterThan(10);
    const back = loadSessionText(JSON.stringify(session));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const report = verifySession(back.session);
    expect(report.verification).toEqual({ kind: 'reproduces', reproduces: true, recordedWith: null });
    expect(report.assessment.passed).toBe(true);
  });

  it('a one-hour session file stays small', () => {
    const session = liveRun(reference, 36_000);
    expect(JSON.stringify(session).length).toBeLessThan(200_000);
  });

  it('an edited command log is reported with the first tick where it diverges', () => {
    const session = liveRun(reference, model.durationTicks);
    const edited = { ...session, commands: session.commands.filter((c) => c.type !== 'repair') };
    const report = verifySession(edited);
    expect(report.verification.kind).toBe('diverges');
    if (report.verification.kind !== 'diverges') return;
    const repairTick = session.commands.find((c) => c.type === 'repair')!.tick;
    expect(report.verification.firstDivergentTick).toBeGreaterThanOrEqual(repairTick);
    expect(report.verification.firstDivergentTick).toBeLessThanOrEqual(repairTick + 6000 * 3);
  });

  it('checkpoints taken while advancing in pieces equal those of one replay', () => {
    const s = createState(model, 3);
    const pieces: Checkpoint[] = [];
    for (const t of [1, 5999, 6000, 6001, 20_000, 72_000]) advanceRecording(s, t, pieces);
    const once = replay(model, 3, [], 72_000).checkpoints.slice(0, -1);
    expect(pieces).toEqual(once);
  });

  it('corrupted, truncated, edited and newer files get clear messages', () => {
    const good = JSON.stringify(liveRun(reference, 36_000));
    const truncated = loadSessionText(good.slice(0, good.length / 2));
    expect(truncated.ok).toBe(false);
    if (!truncated.ok) expect(truncated.errors[0]!.message).toContain('not valid JSON');
    const corrupted = loadSessionText(JSON.stringify({ ...JSON.parse(good), seed: 'eleven' }));
    expect(corrupted.ok).toBe(false);
    if (!corrupted.ok) expect(corrupted.errors.map((e) => e.path)).toContain('seed');
    const raw = JSON.parse(good);
    raw.scenario.duration = '3h';
    const edited = loadSessionText(JSON.stringify(raw));
    expect(edited.ok).toBe(false);
    if (!edited.ok) expect(edited.errors[0]).toEqual(expect.objectContaining({ path: 'scenarioHash' }));
    const newer = loadSessionText(JSON.stringify({ ...JSON.parse(good), format: 9 }));
    expect(newer.ok).toBe(false);
    if (!newer.ok) expect(newer.errors[0]!.message).toContain('newer Learning Factory');
  });

  it('the golden session still replays to its recorded hashes (change ENGINE_VERSION and regenerate when it must not)', () => {
    const golden = loadSessionText(readFileSync('tests/golden/breakdown-drill.session.json', 'utf8'));
    expect(golden.ok).toBe(true);
    if (!golden.ok) return;
    expect(verifySession(golden.session).verification).toEqual({ kind: 'reproduces', reproduces: true, recordedWith: null });
  });
});

describe('the engine service tells a safety breach when it happens', () => {
  /** The verdict of each command, sent at its tick as the store sends them. */
  function verdicts(commands: readonly Command[]) {
    const host = localHost();
    let tick = 0;
    let id = 0;
    const out: { type: string; accepted: boolean; breach: boolean }[] = [];
    host.listen((m: FromEngine) => {
      if (m.type === 'frame') tick = m.scene.tick;
      if (m.type === 'commandResult') out.push({ type: m.command.type, accepted: m.accepted, breach: m.breach });
    });
    host.post({ id: ++id, type: 'load', scenario });
    for (const c of commands) {
      if (tick < c.tick) host.post({ id: ++id, type: 'run', to: c.tick, observe: false });
      const { tick: _t, ...rest } = c;
      host.post({ id: ++id, type: 'command', command: rest as never });
    }
    return out;
  }

  it('a repair begun inside a machine that is not locked out is accepted, and flagged as a breach; the reference never is', () => {
    expect(reference.some((c) => c.type === 'lockOut')).toBe(true);
    const right = verdicts(reference);
    expect(right.every((v) => v.accepted && !v.breach)).toBe(true);
    const careless = verdicts(reference.filter((c) => c.type !== 'lockOut' && c.type !== 'removeLockOut'));
    const repair = careless.find((v) => v.type === 'repair')!;
    expect(repair).toEqual({ type: 'repair', accepted: true, breach: true });
    expect(careless.filter((v) => v.breach)).toHaveLength(1);
  });
});
