/**
 * Long re-simulations report their progress and give the same results as before: verifying,
 * scoring, the debrief's analysis and a comparison, run as jobs (the browser runs them in a
 * worker), with a progress that only grows and ends at 1.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess, scoringRules, throttled } from '../../src/assessment';
import type { Command } from '../../src/engine';
import { loadScenarioText } from '../../src/scenario';
import { runAnalysis } from '../../src/session/analysis';
import { analyseInProcess } from '../../src/session/analysis-client';
import { compareSide } from '../../src/session/compare';
import { replay } from '../../src/session/record';
import { buildReplayIndex } from '../../src/session/replay-index';
import { makeSession } from '../../src/session/session-file';
import { scoreSession, verifySession } from '../../src/session/verify';

const text = readFileSync('scenarios/breakdown-drill.json', 'utf8');
const loaded = loadScenarioText(text);
if (!loaded.ok) throw new Error('breakdown drill does not load');
const { scenario, model } = loaded;
const reference = (JSON.parse(readFileSync('tests/solutions/breakdown-drill.json', 'utf8')) as { reference: Command[] }).reference;

function recorded(commands: readonly Command[], endTick: number) {
  return makeSession(scenario, scenario.seed, commands, endTick, replay(model, scenario.seed, commands, endTick).checkpoints);
}

/** Collects reports and checks they only grow. */
function meter() {
  const seen: number[] = [];
  return {
    seen,
    progress: (f: number) => {
      seen.push(f);
    },
    grows: () => seen.every((f, k) => f >= 0 && f <= 1 && (k === 0 || f >= seen[k - 1]!)),
  };
}

describe('progress of long re-simulations', () => {
  const session = recorded(reference, model.durationTicks);

  it('verifying reports a growing fraction that ends at 1, and finds what it found without one', () => {
    const m = meter();
    const report = verifySession(session, m.progress);
    expect(report).toEqual(verifySession(session));
    expect(report.verification.reproduces).toBe(true);
    expect(m.grows()).toBe(true);
    expect(m.seen.at(-1)).toBe(1);
    // A two-hour drill: the replay reports at each ten-minute checkpoint, the assessment's passes each hour and at each command.
    expect(m.seen.length).toBeGreaterThan(25);
    expect(m.seen.filter((f) => f > 0 && f < 1 / 3).length).toBeGreaterThan(10);
    expect(m.seen.filter((f) => f > 1 / 3 && f < 2 / 3).length).toBeGreaterThan(0);
    expect(m.seen.filter((f) => f > 2 / 3 && f < 1).length).toBeGreaterThan(0);
  });

  it('the replay index and the score report progress and are unchanged by it', () => {
    const m = meter();
    const index = buildReplayIndex(model, session, { progress: m.progress });
    const plain = buildReplayIndex(model, session);
    expect(index.markers).toEqual(plain.markers);
    expect(index.keyframes).toEqual(plain.keyframes);
    expect(index.assessment).toEqual(plain.assessment);
    expect(m.grows()).toBe(true);
    expect(m.seen.at(-1)).toBe(1);
    const s = meter();
    expect(scoreSession(session, s.progress)).toEqual(assess(model, session.seed, session.commands, session.endTick, scoringRules(scenario)));
    expect(s.grows()).toBe(true);
    expect(s.seen.at(-1)).toBe(1);
  });

  it('a throttled progress passes on about one report per step, and always the last', () => {
    const out: number[] = [];
    const p = throttled((f) => out.push(f), 0.1);
    for (let k = 0; k <= 1000; k++) p(k / 1000);
    p(1);
    expect(out.length).toBeLessThanOrEqual(12);
    expect(out.at(-1)).toBe(1);
    expect(out.filter((f) => f === 1)).toHaveLength(1);
  });
});

describe('analysis jobs', () => {
  const good = recorded(reference, model.durationTicks);
  const idle = recorded([], model.durationTicks);

  it('each job gives what the direct function gives', () => {
    expect(runAnalysis({ kind: 'verify', session: good })).toEqual({ kind: 'verify', report: verifySession(good) });
    expect(runAnalysis({ kind: 'score', session: idle })).toEqual({ kind: 'score', assessment: scoreSession(idle) });
    const index = buildReplayIndex(model, good, { keyframes: false });
    expect(runAnalysis({ kind: 'debrief', session: good })).toEqual({ kind: 'debrief', debrief: { assessment: index.assessment, markers: index.markers, kpis: index.kpis, seen: expect.any(Array) } });
    const r = runAnalysis({ kind: 'compare', sessions: [good, idle] });
    expect(r).toEqual({ kind: 'compare', sides: [compareSide(good), compareSide(idle)] });
    if (r.kind === 'compare') expect(r.sides[0].assessment.score).toBeGreaterThan(r.sides[1].assessment.score);
  });

  it('the debrief tells what a quality fault showed, which no stop or alarm says: scrap above a normal shift, before the student acted', () => {
    const lot = loadScenarioText(readFileSync('scenarios/bad-material-lot.json', 'utf8'));
    if (!lot.ok) throw new Error('bad-material-lot does not load');
    const commands = (JSON.parse(readFileSync('tests/solutions/bad-material-lot.json', 'utf8')) as { reference: Command[] }).reference;
    const end = lot.model.durationTicks;
    const session = makeSession(lot.scenario, lot.scenario.seed, commands, end, replay(lot.model, lot.scenario.seed, commands, end).checkpoints);
    const r = runAnalysis({ kind: 'debrief', session });
    if (r.kind !== 'debrief') throw new Error('not a debrief');
    const onset = r.debrief.assessment.faults[0]!.onsetSeconds * 10;
    const scrap = r.debrief.seen.find((x) => x.kind === 'scrap');
    expect(scrap).toMatchObject({ fault: 'porous-castings', station: null });
    expect(scrap!.tick).toBeGreaterThanOrEqual(onset);
    expect(scrap!.tick).toBeLessThan(commands[0]!.tick);
    expect(Number(scrap!.detail)).toBeGreaterThanOrEqual(3);
    // No alarm or stop rows twice: those come from the run's markers with their own words.
    expect(r.debrief.seen.some((x) => (x.kind as string) === 'alarm' || (x.kind as string) === 'state')).toBe(false);
    // A run ended early is looked at only as far as it went.
    const early = makeSession(lot.scenario, lot.scenario.seed, [], onset + 600, replay(lot.model, lot.scenario.seed, [], onset + 600).checkpoints);
    const e = runAnalysis({ kind: 'debrief', session: early });
    if (e.kind === 'debrief') expect(e.debrief.seen.every((x) => x.tick <= onset + 600)).toBe(true);
  });

  /** What the lubrication drill's debrief lists of its fault, after these commands and ten minutes more. */
  function lubeSeen(commands: Command[], at: number) {
    const lube = loadScenarioText(readFileSync('scenarios/lubrication-failure.json', 'utf8'));
    if (!lube.ok) throw new Error('lubrication-failure does not load');
    const end = at + 600;
    const session = makeSession(lube.scenario, lube.scenario.seed, commands, end, replay(lube.model, lube.scenario.seed, commands, end).checkpoints);
    const r = runAnalysis({ kind: 'debrief', session });
    if (r.kind !== 'debrief') throw new Error('not a debrief');
    return r.debrief.seen;
  }

  it('a slow fault shows what it showed before the student acted, even after the first hour: a lubrication failure\'s temperature above its band', () => {
    // The student checks the lubrication two hours after the fault began (at 00:40), as a slow reader of trends does.
    const at = (2400 + 2 * 3600) * 10;
    const seen = lubeSeen([{ type: 'check', tick: at, station: 'M1', check: 'lubricationLevel' }], at);
    expect(seen.find((x) => x.kind === 'trend')).toMatchObject({ fault: 'm1-lube', station: 'M1', detail: 'temperature' });
    const high = seen.find((x) => x.kind === 'sensor');
    expect(high).toMatchObject({ fault: 'm1-lube', station: 'M1', detail: 'temperature', side: 'high' });
    expect(high!.tick).toBeGreaterThan(2400 * 10 + 3600 * 10);
    expect(high!.tick).toBeLessThan(at);
  });

  it('an early look that found nothing does not end what could have been seen: what showed before the diagnosis is listed', () => {
    // Played from the UI: the level checked 18 min after the fault began (still in its band), the
    // diagnosis two hours later. The table showed the student's actions and nothing the line showed.
    const early = (2400 + 18 * 60) * 10;
    const at = (2400 + 2 * 3600 + 300) * 10;
    const seen = lubeSeen(
      [
        { type: 'check', tick: early, station: 'M1', check: 'lubricationLevel' },
        { type: 'diagnose', tick: at, station: 'M1', cause: 'lubricationFailure' },
      ],
      at,
    );
    const high = seen.find((x) => x.kind === 'sensor');
    expect(high).toMatchObject({ fault: 'm1-lube', station: 'M1', detail: 'temperature', side: 'high' });
    expect(high!.tick).toBeGreaterThan(early);
    expect(high!.tick).toBeGreaterThan(2400 * 10 + 3600 * 10);
    expect(high!.tick).toBeLessThan(at);
  });

  it("the line's output and scrap are told under the fault that began last before them: the rush order's drop after the jam is the jam's", () => {
    const rush = loadScenarioText(readFileSync('scenarios/rush-order.json', 'utf8'));
    if (!rush.ok) throw new Error('rush-order does not load');
    // Nobody acts for 40 minutes: the lubrication fault begins at 00:02, the jam at 00:08.
    const end = 2400 * 10;
    const session = makeSession(rush.scenario, rush.scenario.seed, [], end, replay(rush.model, rush.scenario.seed, [], end).checkpoints);
    const r = runAnalysis({ kind: 'debrief', session });
    if (r.kind !== 'debrief') throw new Error('not a debrief');
    const onsetOf = (id: string) => r.debrief.assessment.faults.find((f) => f.id.includes(id))!.onsetSeconds * 10;
    const jam = onsetOf('jam');
    const lineOf = (fault: string) => r.debrief.seen.filter((x) => x.fault === fault && (x.kind === 'output' || x.kind === 'scrap'));
    const jamId = r.debrief.assessment.faults.find((f) => f.id.includes('jam'))!.id;
    const lubeId = r.debrief.assessment.faults.find((f) => f.id !== jamId)!.id;
    expect(jam).toBeGreaterThan(onsetOf(lubeId));
    expect(lineOf(jamId).some((x) => x.kind === 'output')).toBe(true);
    expect(lineOf(lubeId).filter((x) => x.tick >= jam)).toEqual([]);
  });

  it('a comparison reports one growing progress over both sessions', () => {
    const m = meter();
    runAnalysis({ kind: 'compare', sessions: [good, idle] }, m.progress);
    expect(m.grows()).toBe(true);
    expect(m.seen.at(-1)).toBe(1);
    expect(m.seen.some((f) => f > 0.2 && f < 0.5)).toBe(true);
    expect(m.seen.some((f) => f > 0.5 && f < 0.8)).toBe(true);
  });

  it('a job refuses sessions of two scenarios and a session whose scenario does not load, in words', () => {
    const other = { ...idle, scenario: { ...idle.scenario, id: 'other' } };
    expect(() => runAnalysis({ kind: 'compare', sessions: [good, other] })).toThrow('only sessions of the same scenario');
    const broken = { ...good, scenario: { ...good.scenario, line: { stations: [], connections: [] } } };
    expect(() => runAnalysis({ kind: 'debrief', session: broken as never })).toThrow('does not load');
  });

  it('run in-process, a job ends with its result, a failure with its sentence, and a cancel before it starts with cancelled', async () => {
    const ok = await analyseInProcess({ kind: 'score', session: good }).done;
    expect(ok.ok && ok.value.assessment.passed).toBe(true);
    const other = { ...idle, scenario: { ...idle.scenario, id: 'other' } };
    const failed = await analyseInProcess({ kind: 'compare', sessions: [good, other] }).done;
    expect(failed).toEqual({ ok: false, cancelled: false, message: 'only sessions of the same scenario can be compared' });
    const run = analyseInProcess({ kind: 'verify', session: good });
    run.cancel();
    expect(await run.done).toEqual({ ok: false, cancelled: true, message: 'cancelled' });
  });
});
