import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/engine';
import { replay } from '../../src/session/record';
import type { RunEvent } from '../../src/session/school-api';
import { goldenSession, modelOf } from '../helpers';
import { loadSessionText, loadSessionValue, type SessionFile } from '../../src/session/session-file';
import { verifySession } from '../../src/session/verify';
import { instructor, testDatabases, testServerFor, bearer, injector } from './harness';

const golden = goldenSession('breakdown-drill');

describe.each(testDatabases())('on %s', (database) => {
  const server = testServerFor({ database });
  const inject = injector(server);

  async function setUp(teacher: string, names: string[]) {
    const cookie = await instructor(server, teacher);
    const cls = (await inject('POST', '/api/classes', { cookie }, { name: '2B' })).json().class;
    const tokens: string[] = [];
    for (const displayName of names) tokens.push((await inject('POST', '/api/join', {}, { code: cls.joinCode, displayName })).json().membership.token);
    return { cookie, classId: cls.id as number, tokens };
  }
  const start = async (token: string, clientRunId: string) =>
    (await inject('POST', '/api/runs', bearer(token), { clientRunId, scenario: golden.scenario, scenarioHash: golden.scenarioHash, seed: golden.seed, engine: golden.engine })).json().runId as number;
  const status = (token: string, runId: number, tick: number, instructionsSeen?: number) =>
    inject('POST', `/api/runs/${runId}/status`, bearer(token), { tick, speed: 10, running: true, commands: 0, ...(instructionsSeen === undefined ? {} : { instructionsSeen }) });
  const commandEvents = (from: number, commands: typeof golden.commands): RunEvent[] => commands.map((command, k) => ({ seq: from + k, kind: 'command', command }) as RunEvent);

  it('a message and a fault reach one student’s live run with its next status, once, and never another run', async () => {
    const { cookie, classId, tokens } = await setUp('Ms Message', ['Ida', 'Jon']);
    const [ida, jon] = tokens as [string, string];
    const idaRun = await start(ida, 'run-instr-ida-1');
    const jonRun = await start(jon, 'run-instr-jon-1');
    expect((await status(ida, idaRun, 100)).json()).toEqual({ instructions: [] });

    const sent = await inject('POST', `/api/classes/${classId}/runs/${idaRun}/instructions`, { cookie }, { kind: 'message', text: '  Look at the mill’s spindle.  ' });
    expect(sent.statusCode).toBe(201);
    const fault = await inject('POST', `/api/classes/${classId}/runs/${idaRun}/instructions`, { cookie }, { kind: 'injectFault', fault: 'mill-drive' });
    expect(fault.statusCode).toBe(201);
    const got = (await status(ida, idaRun, 200)).json().instructions;
    expect(got).toEqual([
      { id: sent.json().instruction.id, kind: 'message', text: 'Look at the mill’s spindle.' },
      { id: fault.json().instruction.id, kind: 'injectFault', fault: 'mill-drive' },
    ]);
    // Carried out: the app says so, and they do not come again. Jon's run has none.
    expect((await status(ida, idaRun, 300, got[1].id)).json().instructions).toEqual([]);
    expect((await status(ida, idaRun, 300, got[0].id)).json().instructions).toHaveLength(1);
    expect((await status(jon, jonRun, 300)).json().instructions).toEqual([]);

    // Refused with the reason: an unknown fault (which ones there are), an empty or multi-line message, another class's run, an ended run.
    const unknown = await inject('POST', `/api/classes/${classId}/runs/${idaRun}/instructions`, { cookie }, { kind: 'injectFault', fault: 'spindle' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toEqual({ error: 'fault: this drill has no fault "spindle"; its faults are mill-drive', path: 'fault' });
    const empty = await inject('POST', `/api/classes/${classId}/runs/${idaRun}/instructions`, { cookie }, { kind: 'message', text: '   ' });
    expect(empty.json()).toMatchObject({ path: 'text', error: 'text: must not be empty' });
    const lines = await inject('POST', `/api/classes/${classId}/runs/${idaRun}/instructions`, { cookie }, { kind: 'message', text: 'one\ntwo' });
    expect(lines.json().path).toBe('text');
    const long = await inject('POST', `/api/classes/${classId}/runs/${idaRun}/instructions`, { cookie }, { kind: 'message', text: 'x'.repeat(281) });
    expect(long.json().error).toBe('text: must be at most 280 characters');
    const other = await setUp('Mr Other', ['Kim']);
    expect((await inject('POST', `/api/classes/${other.classId}/runs/${idaRun}/instructions`, { cookie: other.cookie }, { kind: 'message', text: 'hi' })).statusCode).toBe(404);
    expect((await inject('POST', `/api/classes/${classId}/runs/${idaRun}/instructions`, { cookie: other.cookie }, { kind: 'message', text: 'hi' })).statusCode).toBe(404);
    expect((await inject('POST', `/api/classes/${classId}/runs/${idaRun}/instructions`, bearer(ida), { kind: 'message', text: 'hi' })).statusCode).toBe(403);
    await inject('POST', `/api/runs/${jonRun}/events`, bearer(jon), { events: [{ seq: 0, kind: 'end', tick: 400 }] });
    const ended = await inject('POST', `/api/classes/${classId}/runs/${jonRun}/instructions`, { cookie }, { kind: 'message', text: 'too late' });
    expect(ended.statusCode).toBe(409);
    expect(ended.json().error).toBe('this run has ended: nothing reaches it any more');
  });

  it('a class message goes to every student in a drill now and names those who are not', async () => {
    const { cookie, classId, tokens } = await setUp('Mx Class', ['Lea', 'Max', 'Nor']);
    const [lea, max] = tokens as [string, string];
    const leaRun = await start(lea, 'run-instr-lea-1');
    const maxRun = await start(max, 'run-instr-max-1');
    await status(lea, leaRun, 50);
    await status(max, maxRun, 50);
    const r = await inject('POST', `/api/classes/${classId}/messages`, { cookie }, { text: 'Pause the line: we discuss in 2 minutes' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ sent: 2, notInDrill: ['Nor'] });
    for (const [token, run] of [[lea, leaRun], [max, maxRun]] as const) expect((await status(token, run, 60)).json().instructions).toMatchObject([{ kind: 'message', text: 'Pause the line: we discuss in 2 minutes' }]);
    expect((await inject('POST', `/api/classes/${classId}/messages`, { cookie }, { text: '' })).json().path).toBe('text');
  });

  it('gives a run as a session file: a finished one whole, a live one as far as the server has simulated it', async () => {
    const { cookie, classId, tokens } = await setUp('Dr Replay', ['Ola']);
    const [ola] = tokens as [string];
    const runId = await start(ola, 'run-instr-ola-1');
    const sessionOf = async () => (await inject('GET', `/api/classes/${classId}/runs/${runId}/session`, { cookie })).json() as { session: SessionFile; live: boolean; pace: unknown };
    // Live: five commands stored, the screen at 11:30 (tick 6900).
    await inject('POST', `/api/runs/${runId}/events`, bearer(ola), { events: commandEvents(0, golden.commands.slice(0, 5)) });
    await inject('POST', `/api/runs/${runId}/status`, bearer(ola), { tick: 6900, speed: 60, running: true, commands: 5 });
    let got = await sessionOf();
    expect(got.live).toBe(true);
    expect(got.pace).toEqual({ speed: 60, running: true });
    expect(got.session).toMatchObject({ scenarioHash: golden.scenarioHash, seed: golden.seed, endTick: 6900, commands: golden.commands.slice(0, 5) });
    // A session file like any other: its last checkpoint is the server's own state at its end, and a replay reproduces it.
    const checked = loadSessionValue(got.session);
    expect(checked.ok).toBe(true);
    expect(got.session.checkpoints.at(-1)!.tick).toBe(6900);
    expect(verifySession(got.session).verification.kind).toBe('reproduces');
    // Finished: the whole run, as the student's app recorded it.
    const events: RunEvent[] = [
      ...commandEvents(5, golden.commands.slice(5)),
      ...golden.checkpoints.slice(0, -1).map((c, k) => ({ seq: golden.commands.length + k, kind: 'checkpoint', tick: c.tick, hash: c.hash }) as RunEvent),
      { seq: golden.commands.length + golden.checkpoints.length - 1, kind: 'end', tick: golden.endTick },
    ];
    expect((await inject('POST', `/api/runs/${runId}/events`, bearer(ola), { events })).statusCode).toBe(200);
    got = await sessionOf();
    expect(got.live).toBe(false);
    expect(got.session).toMatchObject({ endTick: golden.endTick, commands: golden.commands, checkpoints: golden.checkpoints.slice(0, -1) });
    // Only the class's instructor gets it.
    const other = await instructor(server, 'Prof Peek');
    expect((await inject('GET', `/api/classes/${classId}/runs/${runId}/session`, { cookie: other })).statusCode).toBe(404);
    expect((await inject('GET', `/api/classes/${classId}/runs/999999/session`, { cookie })).statusCode).toBe(404);
  });

  it('class results name the evidence the students never looked at, with the drill’s station names', async () => {
    const stuck = loadSessionText(readFileSync('tests/golden/stuck-sensor-wrong.session.json', 'utf8'));
    if (!stuck.ok) throw new Error('golden session');
    const sc = stuck.session;
    const { cookie, classId, tokens } = await setUp('Mrs Evidence', ['Pia', 'Rut']);
    // Pia measures M1's temperature by hand before acting; Rut does not. Both runs recorded as an app records them.
    const commands = [[{ type: 'check', tick: 12_050, station: 'M1', check: 'handheld', sensor: 'temperature' }, ...sc.commands], sc.commands] as Command[][];
    for (const [k, token] of tokens.entries()) {
      const cmds = commands[k]!;
      const { checkpoints } = replay(modelOf(sc.scenario as never), sc.seed, cmds, sc.endTick);
      const runId = (await inject('POST', '/api/runs', bearer(token), { clientRunId: `run-evidence-${k}-0001`, scenario: sc.scenario, scenarioHash: sc.scenarioHash, seed: sc.seed, engine: sc.engine })).json().runId;
      const events: RunEvent[] = [
        ...commandEvents(0, cmds),
        ...checkpoints.slice(0, -1).map((c, j) => ({ seq: cmds.length + j, kind: 'checkpoint', tick: c.tick, hash: c.hash }) as RunEvent),
        { seq: cmds.length + checkpoints.length - 1, kind: 'end', tick: sc.endTick },
      ];
      expect((await inject('POST', `/api/runs/${runId}/events`, bearer(token), { events })).statusCode).toBe(200);
    }
    const got = async () => (await inject('GET', `/api/classes/${classId}/results/${sc.scenario.id}`, { cookie })).json();
    await expect.poll(async () => (await got()).results.students.length, { timeout: 30_000 }).toBe(2);
    const { results, stations } = await got();
    // Neither opened M1's faceplate in the app (the runs were sent as files are); Pia measured it.
    expect(results.evidenceMissed).toEqual([
      { station: 'M1', look: 'faceplate', missed: 2, of: 2 },
      { station: 'M1', look: 'handheld', missed: 1, of: 2 },
    ]);
    // Each station's type comes with its name: the page names a robot's tool check by it (its gripper).
    expect(stations.M1).toEqual(expect.objectContaining({ en: expect.any(String), type: 'machine' }));

    // Each student's progress over the term: the instructor's view of one, and the student's own.
    const pia = results.students.find((x: { displayName: string }) => x.displayName === 'Pia');
    const history = (await inject('GET', `/api/classes/${classId}/students/${pia.studentId}/history`, { cookie })).json().runs;
    expect(history).toEqual([expect.objectContaining({ scenarioId: sc.scenario.id, state: 'scored', score: pia.best.score, passed: pia.best.passed, detect: pia.best.detect, restore: pia.best.restore })]);
    expect((await inject('GET', '/api/student/history', bearer(tokens[0]!))).json().runs).toEqual(history);
    const stranger = await setUp('Mr Stranger', ['Sam']);
    expect((await inject('GET', `/api/classes/${stranger.classId}/students/${pia.studentId}/history`, { cookie: stranger.cookie })).statusCode).toBe(404);
    expect((await inject('GET', '/api/student/history', bearer(stranger.tokens[0]!))).json().runs).toEqual([]);
  });
});
