import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioHash } from '../../src/scenario';
import { loadScenarioJson } from '../../src/scenario/load';
import type { RunEvent } from '../../src/session/school-api';
import { loadSessionText, type SessionFile } from '../../src/session/session-file';
import { replay } from '../../src/session/record';
import { scoreSession } from '../../src/session/verify';
import { instructor, testDatabases, testServerFor, bearer, injector } from './harness';

const golden = (() => {
  const r = loadSessionText(readFileSync('tests/golden/breakdown-drill.session.json', 'utf8'));
  if (!r.ok) throw new Error('golden session');
  return r.session;
})();
const tutorial = JSON.parse(readFileSync('scenarios/tutorial-line.json', 'utf8')) as Record<string, unknown>;

function eventsOf(s: SessionFile): RunEvent[] {
  const items = [...s.commands.map((c) => ({ tick: c.tick, e: { kind: 'command' as const, command: c } })), ...s.checkpoints.map((c) => ({ tick: c.tick, e: { kind: 'checkpoint' as const, tick: c.tick, hash: c.hash } }))];
  items.sort((a, b) => a.tick - b.tick);
  return [...items.map((x, seq) => ({ seq, ...x.e })), { seq: items.length, kind: 'end' as const, tick: s.endTick }] as RunEvent[];
}

describe.each(testDatabases())('on %s', (database) => {
  const server = testServerFor({ database });
  const inject = injector(server);

  async function classWithStudents(names: string[]): Promise<{ cookie: string; classId: number; tokens: string[] }> {
    const cookie = await instructor(server, `Teacher of ${names.join(' ') || 'nobody'}`);
    const cls = (await inject('POST', '/api/classes', { cookie }, { name: '2A' })).json().class;
    const tokens: string[] = [];
    for (const displayName of names) tokens.push((await inject('POST', '/api/join', {}, { code: cls.joinCode, displayName })).json().membership.token);
    return { cookie, classId: cls.id, tokens };
  }

  async function waitForVerdict(runId: number, token: string): Promise<void> {
    for (let k = 0; k < 300; k++) {
      if ((await inject('GET', `/api/runs/${runId}`, bearer(token))).json().run.verdict.status !== 'pending') return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no verdict');
  }

  it('an instructor assigns a scenario; it is stored as assigned, with its hash, and its title in both languages', async () => {
    const { cookie, classId } = await classWithStudents(['Per']);
    const res = await inject('POST', `/api/classes/${classId}/assignments`, { cookie }, { scenario: golden.scenario, dueAt: '2026-12-10T14:00:00+01:00', hintsAllowed: false });
    expect(res.statusCode).toBe(201);
    const a = res.json().assignment;
    expect(a).toMatchObject({ scenarioId: 'breakdown-drill', scenarioHash: golden.scenarioHash, opensAt: null, dueAt: '2026-12-10T13:00:00.000Z', hintsAllowed: false });
    expect(a.title.en).toBe((golden.scenario.title as { en: string }).en);
    expect(a.title.nb).toBe((golden.scenario.title as { nb: string }).nb);
    const listed = (await inject('GET', `/api/classes/${classId}/assignments`, { cookie })).json().assignments;
    expect(listed).toEqual([{ ...a, progress: { notStarted: 1, inProgress: 0, passed: 0, failed: 0 } }]);
  });

  it('a broken scenario is refused with the same path and words as the library’s file check', async () => {
    const { cookie, classId } = await classWithStudents([]);
    const broken = structuredClone(tutorial) as { line: { stations: { id: string }[] } };
    broken.line.stations[1]!.id = broken.line.stations[0]!.id;
    const library = loadScenarioJson(broken);
    expect(library.ok).toBe(false);
    const first = !library.ok ? library.errors[0]! : { path: '', message: '' };
    const res = await inject('POST', `/api/classes/${classId}/assignments`, { cookie }, { scenario: broken });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: `scenario.${first.path}: ${first.message}`, path: `scenario.${first.path}` });
    // And the request's own fields: a due time before the opening time names `dueAt`.
    const late = await inject('POST', `/api/classes/${classId}/assignments`, { cookie }, { scenario: tutorial, opensAt: '2026-12-10T08:00:00Z', dueAt: '2026-12-09T08:00:00Z' });
    expect(late.statusCode).toBe(400);
    expect(late.json()).toEqual({ error: 'dueAt: must be after the opening time', path: 'dueAt' });
    const when = await inject('POST', `/api/classes/${classId}/assignments`, { cookie }, { scenario: tutorial, dueAt: 'Friday' });
    expect(when.json().path).toBe('dueAt');
    expect((await inject('GET', `/api/classes/${classId}/assignments`, { cookie })).json().assignments).toEqual([]);
  });

  it('students see what is open to them with their own status, from the server’s verdicts on runs of that exact scenario', async () => {
    const { cookie, classId, tokens } = await classWithStudents(['Ada', 'Bo', 'Cy']);
    const [ada, bo, cy] = tokens as [string, string, string];
    await inject('POST', `/api/classes/${classId}/assignments`, { cookie }, { scenario: golden.scenario });
    // Not open yet: nobody sees it until its opening time.
    await inject('POST', `/api/classes/${classId}/assignments`, { cookie }, { scenario: tutorial, opensAt: '2099-01-01T00:00:00Z' });
    const statusOf = async (token: string) => (await inject('GET', '/api/assignments', bearer(token))).json().assignments.map((a: { scenarioId: string; status: string }) => `${a.scenarioId} ${a.status}`);
    expect(await statusOf(ada)).toEqual(['breakdown-drill notStarted']);

    // Ada runs it to the fix (the golden run), Bo ends it at once having done nothing, Cy is still running.
    const header = (clientRunId: string) => ({ clientRunId, scenario: golden.scenario, scenarioHash: golden.scenarioHash, seed: golden.seed, engine: golden.engine });
    const adaRun = (await inject('POST', '/api/runs', bearer(ada), header('run-ada-0001'))).json().runId;
    await inject('POST', `/api/runs/${adaRun}/events`, bearer(ada), { events: eventsOf(golden) });
    const boRun = (await inject('POST', '/api/runs', bearer(bo), header('run-bo-00001'))).json().runId;
    await inject('POST', `/api/runs/${boRun}/events`, bearer(bo), { events: [{ seq: 0, kind: 'end', tick: golden.endTick }] });
    await inject('POST', '/api/runs', bearer(cy), header('run-cy-00001'));
    await waitForVerdict(adaRun, ada);
    await waitForVerdict(boRun, bo);

    expect(scoreSession(golden).passed).toBe(true);
    expect(await statusOf(ada)).toEqual(['breakdown-drill passed']);
    expect(await statusOf(bo)).toEqual(['breakdown-drill failed']);
    expect(await statusOf(cy)).toEqual(['breakdown-drill inProgress']);
    const [assigned] = (await inject('GET', '/api/assignments', bearer(ada))).json().assignments;
    // The scenario to run is the one assigned: the app's hash of it is the assignment's.
    const loaded = loadScenarioJson(assigned.scenario);
    expect(loaded.ok && scenarioHash(loaded.scenario)).toBe(assigned.scenarioHash);
    const [progress] = (await inject('GET', `/api/classes/${classId}/assignments`, { cookie })).json().assignments;
    expect(progress.progress).toEqual({ notStarted: 0, inProgress: 1, passed: 1, failed: 1 });
  });

  it('where the hints are off, a run that asked for one does not pass the assignment (the same drill from the library offers them)', async () => {
    const { cookie, classId, tokens } = await classWithStudents(['Fay', 'Gus']);
    const [fay, gus] = tokens as [string, string];
    await inject('POST', `/api/classes/${classId}/assignments`, { cookie }, { scenario: golden.scenario, hintsAllowed: false });
    // Fay's run is the golden fix with one hint asked for early on: re-recorded, so it reproduces.
    const model = loadScenarioJson(golden.scenario);
    if (!model.ok) throw new Error('golden scenario');
    const commands = [{ type: 'hint' as const, tick: 10 }, ...golden.commands];
    const withHint: SessionFile = { ...golden, commands, checkpoints: replay(model.model, golden.seed, commands, golden.endTick).checkpoints };
    expect(scoreSession(withHint)).toMatchObject({ passed: true, hints: 1 });
    const send = async (token: string, clientRunId: string, s: SessionFile) => {
      const runId = (await inject('POST', '/api/runs', bearer(token), { clientRunId, scenario: s.scenario, scenarioHash: s.scenarioHash, seed: s.seed, engine: s.engine })).json().runId;
      await inject('POST', `/api/runs/${runId}/events`, bearer(token), { events: eventsOf(s) });
      await waitForVerdict(runId, token);
      return (await inject('GET', `/api/runs/${runId}`, bearer(token))).json().run.verdict;
    };
    expect(await send(fay, 'run-fay-00001', withHint)).toMatchObject({ status: 'reproduces', passed: true });
    await send(gus, 'run-gus-00001', golden);
    const statusOf = async (token: string) => (await inject('GET', '/api/assignments', bearer(token))).json().assignments.map((a: { status: string }) => a.status);
    expect(await statusOf(fay)).toEqual(['failed']);
    expect(await statusOf(gus)).toEqual(['passed']);
    const [progress] = (await inject('GET', `/api/classes/${classId}/assignments`, { cookie })).json().assignments;
    expect(progress.progress).toEqual({ notStarted: 0, inProgress: 0, passed: 1, failed: 1 });
    // Without the hint she passes: a second run counts.
    await send(fay, 'run-fay-00002', golden);
    expect(await statusOf(fay)).toEqual(['passed']);
  });

  it('a run of another version of the scenario does not count for the assignment', async () => {
    const { cookie, classId, tokens } = await classWithStudents(['Di']);
    const edited = { ...structuredClone(golden.scenario), title: { en: 'Breakdown, edited', nb: 'Havari, redigert' } };
    await inject('POST', `/api/classes/${classId}/assignments`, { cookie }, { scenario: edited });
    const runId = (await inject('POST', '/api/runs', bearer(tokens[0]!), { clientRunId: 'run-di-00001', scenario: golden.scenario, scenarioHash: golden.scenarioHash, seed: golden.seed, engine: golden.engine })).json().runId;
    await inject('POST', `/api/runs/${runId}/events`, bearer(tokens[0]!), { events: eventsOf(golden) });
    await waitForVerdict(runId, tokens[0]!);
    expect((await inject('GET', '/api/assignments', bearer(tokens[0]!))).json().assignments.map((a: { status: string }) => a.status)).toEqual(['notStarted']);
  });

  it('withdrawing an assignment removes it for the class; another instructor can neither list, assign nor withdraw', async () => {
    const { cookie, classId, tokens } = await classWithStudents(['Eli']);
    const a = (await inject('POST', `/api/classes/${classId}/assignments`, { cookie }, { scenario: tutorial })).json().assignment;
    const ola = await instructor(server, 'Ola');
    for (const [method, url] of [
      ['GET', `/api/classes/${classId}/assignments`],
      ['POST', `/api/classes/${classId}/assignments`],
      ['DELETE', `/api/classes/${classId}/assignments/${a.id}`],
    ] as const) {
      const res = await inject(method, url, { cookie: ola }, method === 'POST' ? { scenario: tutorial } : undefined);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    // A student's device is refused the instructor's route, and an instructor has no student list.
    expect((await inject('GET', `/api/classes/${classId}/assignments`, bearer(tokens[0]!))).statusCode).toBe(403);
    expect((await inject('GET', '/api/assignments', { cookie })).statusCode).toBe(401);
    expect((await inject('DELETE', `/api/classes/${classId}/assignments/${a.id}`, { cookie })).statusCode).toBe(200);
    expect((await inject('DELETE', `/api/classes/${classId}/assignments/${a.id}`, { cookie })).statusCode).toBe(404);
    expect((await inject('GET', '/api/assignments', bearer(tokens[0]!))).json().assignments).toEqual([]);
  });
});
