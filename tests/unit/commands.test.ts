import { describe, expect, it } from 'vitest';
import { advance, apply, createState, observe, Pack, type PackCommand } from '../../src/engine';
import { type PackState, transition } from '../../src/engine/core/packml';
import { min, modelOf, sec, simpleLine } from '../helpers';

const view = (s: ReturnType<typeof createState>, id: string) => observe(s).stations.find((x) => x.id === id)!;

describe('PackML transitions (DOMAIN §1)', () => {
  const table: [number, PackCommand, number | null][] = [
    [Pack.Aborted, 'clear', Pack.Clearing],
    [Pack.Stopped, 'reset', Pack.Resetting],
    [Pack.Idle, 'start', Pack.Starting],
    [Pack.Execute, 'hold', Pack.Holding],
    [Pack.Execute, 'suspend', Pack.Suspending],
    [Pack.Held, 'unhold', Pack.Unholding],
    [Pack.Suspended, 'unsuspend', Pack.Unsuspending],
    [Pack.Complete, 'reset', Pack.Resetting],
    [Pack.Execute, 'stop', Pack.Stopping],
    [Pack.Held, 'stop', Pack.Stopping],
    [Pack.Idle, 'stop', Pack.Stopping],
    [Pack.Stopped, 'stop', null],
    [Pack.Aborted, 'stop', null],
    [Pack.Clearing, 'stop', null],
    [Pack.Execute, 'abort', Pack.Aborting],
    [Pack.Stopped, 'abort', Pack.Aborting],
    [Pack.Aborted, 'abort', null],
    [Pack.Stopped, 'start', null],
    [Pack.Execute, 'reset', null],
    [Pack.Execute, 'clear', null],
  ];
  for (const [from, cmd, to] of table) {
    it(`${from} --${cmd}--> ${to ?? 'refused'}`, () => {
      const r = transition(from as PackState, cmd);
      if (to === null) expect('refusal' in r && r.refusal.params.state).toBe(from);
      else expect(r).toEqual({ to });
    });
  }
});

describe('commands on a running line', () => {
  const model = modelOf(simpleLine());

  it('a stop goes Stopping → Stopped with the operator stop reason, and Reset → Start brings the station back', () => {
    const s = createState(model, 1);
    expect(apply(s, { type: 'packml', tick: sec(60), station: 'M', command: 'stop' }).accepted).toBe(true);
    expect(view(s, 'M').stateName).toBe('Stopping');
    advance(s, sec(70));
    expect(view(s, 'M').stateName).toBe('Stopped');
    expect(view(s, 'M').stopReason).toBe(33);
    expect(apply(s, { type: 'packml', tick: sec(71), station: 'M', command: 'start' })).toEqual({
      accepted: false,
      reason: 'Start works from Idle (Reset first); the station is Stopped',
      refusal: { key: 'startFrom', params: { state: Pack.Stopped } },
    });
    apply(s, { type: 'packml', tick: sec(72), station: 'M', command: 'reset' });
    advance(s, sec(80));
    expect(view(s, 'M').stateName).toBe('Idle');
    apply(s, { type: 'packml', tick: sec(81), station: 'M', command: 'start' });
    advance(s, sec(90));
    expect(view(s, 'M').stateName).toMatch(/Execute|Suspended/);
  });

  it('lock-out needs a standstill and blocks restarting until removed', () => {
    const s = createState(model, 1);
    expect(apply(s, { type: 'lockOut', tick: sec(5), station: 'M' }).reason).toBe('Stop M before locking it out (it is Execute)');
    apply(s, { type: 'packml', tick: sec(6), station: 'M', command: 'stop' });
    advance(s, sec(10));
    expect(apply(s, { type: 'lockOut', tick: sec(10), station: 'M' }).accepted).toBe(true);
    expect(view(s, 'M').lockedOut).toBe(true);
    expect(apply(s, { type: 'packml', tick: sec(11), station: 'M', command: 'reset' }).reason).toBe('M is locked out: remove the lock-out first');
    expect(apply(s, { type: 'removeLockOut', tick: sec(12), station: 'M' }).accepted).toBe(true);
    expect(apply(s, { type: 'packml', tick: sec(13), station: 'M', command: 'reset' }).accepted).toBe(true);
  });

  it('a repair that needs a standstill is refused while the station runs, with the reason', () => {
    const s = createState(model, 1);
    expect(apply(s, { type: 'repair', tick: sec(5), station: 'M', action: 'replaceTool' }).reason).toBe(
      'Stop M first: this repair needs it at a standstill (it is Execute)',
    );
    expect(s.truth.wrongRepairs).toEqual([]);
  });

  it('a wrong repair costs its time and fixes nothing; a refused command is recorded too', () => {
    const s = createState(model, 1);
    apply(s, { type: 'packml', tick: sec(5), station: 'M', command: 'stop' });
    apply(s, { type: 'lockOut', tick: sec(10), station: 'M' });
    apply(s, { type: 'repair', tick: sec(11), station: 'M', action: 'replaceBearing' });
    expect(view(s, 'M').task?.action).toBe('replaceBearing');
    expect(apply(s, { type: 'removeLockOut', tick: sec(12), station: 'M' }).reason).toBe('Work is still in progress inside the station');
    advance(s, sec(11) + model.repairTicks.replaceBearing);
    expect(view(s, 'M').task).toBeNull();
    expect(s.truth.wrongRepairs).toEqual([{ tick: sec(11) + model.repairTicks.replaceBearing, station: 'M', action: 'replaceBearing', target: '' }]);
    const refused = s.log.filter((e) => e.kind === 'command' && !e.accepted);
    expect(refused.length).toBe(1);
  });

  it('refuses unknown stations, bad values and commands stamped in the past', () => {
    const s = createState(model, 1);
    advance(s, min(1));
    expect(apply(s, { type: 'packml', tick: min(1), station: 'M9', command: 'stop' }).reason).toBe('There is no station "M9" on this line');
    expect(apply(s, { type: 'setSpeed', tick: min(1), station: 'M', percent: 500 }).reason).toBe('Speed must be between 10 % and 120 %');
    expect(apply(s, { type: 'setSpeed', tick: min(1), station: 'B', percent: 50 }).reason).toBe('B has no speed setting');
    expect(apply(s, { type: 'packml', tick: 5, station: 'M', command: 'stop' }).reason).toContain('before the current tick');
    expect(apply(s, { type: 'ackAlarm', tick: min(1), alarm: 'nope' }).reason).toBe('There is no alarm "nope"');
  });

  it('the line E-stop aborts every station with stop reason 1 until released, cleared, reset and started', () => {
    const s = createState(model, 1);
    apply(s, { type: 'eStop', tick: sec(30) });
    advance(s, sec(31));
    for (const id of ['SRC', 'M', 'QC']) expect(view(s, id).stateName).toBe('Aborted');
    expect(view(s, 'M').stopReason).toBe(1);
    expect(apply(s, { type: 'packml', tick: sec(32), station: 'M', command: 'clear' }).accepted).toBe(false);
    apply(s, { type: 'releaseEStop', tick: sec(33) });
    for (const [k, cmd] of (['clear', 'reset', 'start'] as const).entries()) {
      for (const id of ['SRC', 'M', 'QC']) expect(apply(s, { type: 'packml', tick: sec(40 + 10 * k), station: id, command: cmd }).accepted).toBe(true);
    }
    advance(s, min(5));
    expect(view(s, 'M').stateName).toMatch(/Execute|Suspended/);
  });

  it('a finished part waits in its station while the next one is full (blocking after service)', () => {
    const s = createState(model, 1);
    apply(s, { type: 'packml', tick: sec(1), station: 'QC', command: 'stop' });
    advance(s, min(10));
    const b = view(s, 'B');
    expect(b.parts).toBe(4);
    expect(view(s, 'M').interlock).toBe('blocked');
    expect(view(s, 'M').stateName).toBe('Suspended');
    expect(view(s, 'M').parts).toBe(1);
    // Stopped, it is no longer blocked: starved and blocked are kinds of Suspended only.
    apply(s, { type: 'packml', tick: min(10), station: 'M', command: 'stop' });
    advance(s, min(11));
    expect(view(s, 'M').stateName).toBe('Stopped');
    expect(view(s, 'M').interlock).toBe('none');
  });
});

describe('the instructor starts a fault', () => {
  it('injectFault starts a pending fault at its tick, is recorded, refuses unknown or started faults, and earns the student nothing', async () => {
    const { apply, createState, advance, truth, stateHash } = await import('../../src/engine');
    const { assess } = await import('../../src/assessment');
    const { modelOf, scenario } = await import('../helpers');
    const model = modelOf(
      scenario({
        line: {
          stations: [
            { id: 'SRC', type: 'source' },
            { id: 'M', type: 'machine', processTime: '30s' },
            { id: 'OUT', type: 'sink' },
          ],
          connections: [['SRC', 'M'], ['M', 'OUT']],
        },
        faults: [
          { id: 'later', type: 'breakdown', station: 'M', repair: 'manual', trigger: { at: '2h' } },
          { id: 'on-call', type: 'breakdown', station: 'M', repair: 'manual', stopReason: 300, trigger: { manual: true } },
        ],
      }),
    );
    const s = createState(model, 1);
    advance(s, 36_000);
    // A manual fault never starts by itself.
    expect(truth(s).faults.map((f) => f.phase)).toEqual(['pending', 'pending']);
    // A scheduled one can be started early.
    const early = createState(model, 1);
    expect(apply(early, { type: 'injectFault', tick: 6_000, fault: 'later' }).accepted).toBe(true);
    expect(truth(early).faults[0]).toMatchObject({ phase: 'active', onset: 6_000 });
    const s2 = createState(model, 1);
    expect(apply(s2, { type: 'injectFault', tick: 6_000, fault: 'nope' })).toEqual({ accepted: false, reason: 'There is no fault "nope" in this scenario', refusal: { key: 'noFault', params: { id: 'nope' } } });
    expect(apply(s2, { type: 'injectFault', tick: 6_000, fault: 'on-call' }).accepted).toBe(true);
    expect(truth(s2).faults[1]).toMatchObject({ phase: 'active', onset: 6_000 });
    expect(apply(s2, { type: 'injectFault', tick: 6_100, fault: 'on-call' })).toEqual({ accepted: false, reason: 'Fault "on-call" has already started', refusal: { key: 'faultStarted', params: { id: 'on-call' } } });
    // The same log replays to the same state.
    const log = [
      { type: 'injectFault' as const, tick: 6_000, fault: 'nope' },
      { type: 'injectFault' as const, tick: 6_000, fault: 'on-call' },
      { type: 'injectFault' as const, tick: 6_100, fault: 'on-call' },
    ];
    const again = createState(model, 1);
    for (const c of log) apply(again, c);
    expect(stateHash(again)).toBe(stateHash(s2));
    // Detection is the student's: the instructor's command does not count.
    const a = assess(model, 1, log, 12_000);
    expect(a.faults.find((f) => f.id === 'on-call')?.detectSeconds).toBeNull();
  });
});

describe('an instructor’s message and a panel opened', () => {
  it('are recorded at their tick and change nothing on the line, in what a student sees or in the truth', () => {
    const model = modelOf(simpleLine());
    const quiet = createState(model, 7);
    const told = createState(model, 7);
    advance(quiet, sec(30));
    advance(told, sec(30));
    const r = apply(told, { type: 'instructorMessage', tick: sec(30), text: 'Check the buffer levels.' });
    expect(r.accepted).toBe(true);
    // Nor does a faceplate the student opens.
    expect(apply(told, { type: 'openPanel', tick: sec(30), station: model.stations[1]!.id, panel: 'faceplate' }).accepted).toBe(true);
    advance(quiet, min(20));
    advance(told, min(20));
    const { log: _a, ...seenQuiet } = observe(quiet);
    const { log: _b, ...seenTold } = observe(told);
    expect(seenTold).toEqual(seenQuiet);
    expect(told.truth).toEqual(quiet.truth);
    expect(told.log.some((e) => e.kind === 'command' && e.command.type === 'instructorMessage' && e.tick === sec(30))).toBe(true);
  });
});
