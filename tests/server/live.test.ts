import { describe, expect, it } from 'vitest';
import { scoreSoFar } from '../../src/assessment';
import { Pack } from '../../src/engine';
import { LiveRuns, QUIET_MS } from '../../src/server/live';
import type { LiveRow, RunEvent } from '../../src/session/school-api';
import { scoreSession } from '../../src/session/verify';
import { instructor, testDatabases, testServerFor, bearer, injector } from './harness';
import { goldenSession } from '../helpers';

const golden = goldenSession('breakdown-drill');

describe.each(testDatabases())('on %s', (database) => {
  const server = testServerFor({ database });
  const inject = injector(server);

  async function setUp(names: string[]) {
    const cookie = await instructor(server, `Live teacher of ${names.join(' ')}`);
    const cls = (await inject('POST', '/api/classes', { cookie }, { name: '3C' })).json().class;
    const tokens: string[] = [];
    for (const displayName of names) tokens.push((await inject('POST', '/api/join', {}, { code: cls.joinCode, displayName })).json().membership.token);
    const rows = async (): Promise<LiveRow[]> => (await inject('GET', `/api/classes/${cls.id}/live`, { cookie })).json().rows;
    return { cookie, classId: cls.id as number, tokens, rows };
  }
  const start = async (token: string, clientRunId: string) =>
    (await inject('POST', '/api/runs', bearer(token), { clientRunId, scenario: golden.scenario, scenarioHash: golden.scenarioHash, seed: golden.seed, engine: golden.engine })).json().runId as number;
  const commandEvents = (from: number, commands: typeof golden.commands): RunEvent[] => commands.map((command, k) => ({ seq: from + k, kind: 'command', command }) as RunEvent);

  it('shows each student’s live run as the server’s own simulation has it, never further than the commands it has', async () => {
    const { tokens, rows } = await setUp(['Ada', 'Bo', 'Cy']);
    const [ada, bo] = tokens as [string, string];
    const runId = await start(ada, 'run-live-ada-01');
    // The mill breaks down at 10 min (tick 6000); Ada's screen is at 10 min 30 s, nothing done yet.
    await inject('POST', `/api/runs/${runId}/status`, bearer(ada), { tick: 6300, speed: 60, running: true, commands: 0 });
    let [a, b, c] = await rows();
    expect(c!.displayName).toBe('Cy');
    expect(c!.run).toBeNull();
    expect(b!.run).toBeNull();
    expect(a!.run).toMatchObject({ runId, scenarioId: 'breakdown-drill', state: 'running', seconds: 630, speed: 60, firstActionSeconds: null, wrongRepairs: 0, safetyBreaches: 0 });
    expect(a!.run!.line).toMatchObject({ station: 'M1', name: { en: 'Mill M1' }, stopReason: 258 });
    expect(a!.run!.unackedAlarms).toBeGreaterThan(0);

    // Her screen says five commands by 11:30, but none has arrived: the simulation waits for them.
    await inject('POST', `/api/runs/${runId}/status`, bearer(ada), { tick: 6900, speed: 60, running: false, commands: 5 });
    [a] = await rows();
    expect(a!.run!.seconds).toBe(630);
    expect(a!.run!.state).toBe('paused');
    // They arrive (ack at 11:00, stop, lock-out, diagnosis, repair): the row follows.
    await inject('POST', `/api/runs/${runId}/events`, bearer(ada), { events: commandEvents(0, golden.commands.slice(0, 5)) });
    await inject('POST', `/api/runs/${runId}/status`, bearer(ada), { tick: 6900, speed: 60, running: false, commands: 5 });
    [a] = await rows();
    expect(a!.run).toMatchObject({ seconds: 690, unackedAlarms: 0, firstActionSeconds: 60, wrongRepairs: 0, safetyBreaches: 0 });
    expect(a!.run!.line).toMatchObject({ station: 'M1', state: Pack.Stopped });

    // Within seconds, the score so far: the server's own assessment of the run up to 11:30, and its time to detect.
    const partial = { ...golden, endTick: 6900, commands: golden.commands.slice(0, 5), checkpoints: [] };
    await expect.poll(async () => (await rows())[0]!.run!.score, { timeout: 20_000 }).toBe(scoreSoFar(scoreSession(partial)));
    expect((await rows())[0]!.run!.firstActionSeconds).toBe(scoreSession(partial).faults[0]!.detectSeconds);

    // Bo repairs the mill without locking it out: a safety breach, on his row at once.
    const boRun = await start(bo, 'run-live-bo-001');
    await inject('POST', `/api/runs/${boRun}/events`, bearer(bo), {
      events: commandEvents(0, [
        { type: 'ackAlarm', tick: 6600, alarm: 'M1.stopped' },
        { type: 'repair', tick: 6650, station: 'M1', action: 'replaceTool' },
      ] as typeof golden.commands),
    });
    await inject('POST', `/api/runs/${boRun}/status`, bearer(bo), { tick: 6700, speed: 10, running: true, commands: 2 });
    [, b] = await rows();
    expect(b!.run).toMatchObject({ runId: boRun, seconds: 670, safetyBreaches: 1, firstActionSeconds: 60 });
  });

  it('a finished run shows the server’s verdict; a status for another student’s run is refused', async () => {
    const { tokens, rows, cookie, classId } = await setUp(['Di', 'Ed']);
    const [di, ed] = tokens as [string, string];
    const runId = await start(di, 'run-live-di-001');
    expect((await inject('POST', `/api/runs/${runId}/status`, bearer(ed), { tick: 10, speed: 1, running: true, commands: 0 })).statusCode).toBe(403);
    const bad = await inject('POST', `/api/runs/${runId}/status`, bearer(di), { tick: 10, speed: 1, running: 'yes', commands: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().path).toBe('running');
    const events: RunEvent[] = [...commandEvents(0, golden.commands), { seq: golden.commands.length, kind: 'end', tick: golden.endTick }];
    await inject('POST', `/api/runs/${runId}/events`, bearer(di), { events });
    await expect.poll(async () => (await rows())[0]!.run?.verdict.status, { timeout: 30_000 }).toBe('reproduces');
    const [d] = await rows();
    expect(d!.run).toMatchObject({ state: 'finished', seconds: golden.endTick / 10, wrongRepairs: 0, safetyBreaches: 0, firstActionSeconds: 60 });
    expect(d!.run!.verdict.passed).toBe(true);

    // After the drill: the class's results hold Di's verified run, with the server's own score.
    const drills = (await inject('GET', `/api/classes/${classId}/results`, { cookie })).json().drills;
    expect(drills).toEqual([{ scenarioId: 'breakdown-drill', title: { en: 'Breakdown on the mill', nb: 'Havari på fresen' }, runs: 1 }]);
    const results = (await inject('GET', `/api/classes/${classId}/results/breakdown-drill`, { cookie })).json().results;
    expect(results.students).toHaveLength(1);
    expect(results.students[0]).toMatchObject({ displayName: 'Di', runs: 1, best: { runId, score: scoreSession(golden).score, passed: true, detect: 60 } });
    expect(results.passed).toBe(1);
    expect((await inject('GET', `/api/classes/${classId}/results/tutorial-line`, { cookie })).json().results.students).toEqual([]);
    // Another instructor learns nothing of it.
    const other = await instructor(server, 'Nosy Parker');
    expect((await inject('GET', `/api/classes/${classId}/results/breakdown-drill`, { cookie: other })).statusCode).toBe(404);
  });

  it('pushes the rows over a WebSocket when they change, only to the class’s instructor', async () => {
    const { tokens, cookie, classId } = await setUp(['Fay']);
    const pushed: LiveRow[][] = [];
    // Listening from the start, as a browser's socket does (the first rows come at once).
    const ws = await server.app.injectWS(`/api/classes/${classId}/live/stream`, { headers: { cookie } }, { onInit: (s) => s.on('message', (data) => pushed.push(JSON.parse(data.toString()).rows)) });
    try {
      await expect.poll(() => pushed.length).toBe(1);
      expect(pushed[0]![0]).toMatchObject({ displayName: 'Fay', run: null });
      const runId = await start(tokens[0]!, 'run-live-fay-01');
      await inject('POST', `/api/runs/${runId}/status`, bearer(tokens[0]!), { tick: 1200, speed: 5, running: true, commands: 0 });
      await expect.poll(() => pushed.at(-1)?.[0]?.run?.seconds, { timeout: 5000 }).toBe(120);
      // Then its score so far, a moment later (assessed in the verifier pool).
      await expect.poll(() => pushed.at(-1)?.[0]?.run?.score, { timeout: 20_000 }).not.toBeNull();
      // Nothing changed: nothing more is sent.
      const count = pushed.length;
      await new Promise((r) => setTimeout(r, 2500));
      expect(pushed.length).toBe(count);
    } finally {
      ws.terminate();
    }
    // Refused before the socket opens: another instructor (404), a student's device (403), nobody (401).
    const other = await instructor(server, 'Peeping Tom');
    await expect(server.app.injectWS(`/api/classes/${classId}/live/stream`, { headers: { cookie: other } })).rejects.toThrow('404');
    await expect(server.app.injectWS(`/api/classes/${classId}/live/stream`, { headers: bearer(tokens[0]!) })).rejects.toThrow('403');
    await expect(server.app.injectWS(`/api/classes/${classId}/live/stream`)).rejects.toThrow('401');
  });

  it('a run whose app stops reporting is shown as not reporting, and after half an hour leaves memory', async () => {
    const { tokens } = await setUp(['Gus', 'Hal']);
    let now = 1_000_000;
    const live = new LiveRuns(() => now);
    const gus = await start(tokens[0]!, 'run-live-gus-01');
    const hal = await start(tokens[1]!, 'run-live-hal-01');
    await live.status(server.db, gus, { tick: 600, speed: 1, running: true, commands: 0 });
    expect(live.row(gus)).toMatchObject({ state: 'running', seconds: 60 });
    now += QUIET_MS + 1000;
    expect(live.row(gus)?.state).toBe('quiet');
    now += 30 * 60_000;
    // Any other run's status sweeps it out; it would be rebuilt from its rows if its app came back.
    await live.status(server.db, hal, { tick: 100, speed: 1, running: true, commands: 0 });
    expect(live.row(gus)).toBeNull();
    expect(live.row(hal)).toMatchObject({ state: 'running', seconds: 10 });
    await live.status(server.db, gus, { tick: 900, speed: 1, running: false, commands: 0 });
    expect(live.row(gus)).toMatchObject({ state: 'paused', seconds: 90 });
  });
});
