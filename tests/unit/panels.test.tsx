import { readFileSync } from 'node:fs';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type Clock, createSimStore, type SimStoreApi } from '../../src/store/sim-store';
import { SimContext } from '../../src/store/use-sim';
import { AlarmList } from '../../src/ui/AlarmList';
import { CouldHaveSeen } from '../../src/ui/CouldHaveSeen';
import { buildReplayIndex } from '../../src/session/replay-index';
import { replay } from '../../src/session/record';
import { makeSession } from '../../src/session/session-file';
import { runAnalysis } from '../../src/session/analysis';
import { loadScenarioText } from '../../src/scenario';
import type { Command } from '../../src/engine';
import { Faceplate } from '../../src/ui/Faceplate';
import { Briefing } from '../../src/ui/Briefing';
import { KpiStrip } from '../../src/ui/KpiStrip';
import { SensorBar } from '../../src/ui/SensorBar';
import { SpcChart } from '../../src/ui/Charts';
import type { SensorView } from '../../src/engine';
import { translate } from '../../src/i18n';
import { checkKey } from '../../src/i18n/names';

const clock: Clock = { now: () => 0, frame: () => undefined };
const breakdown = JSON.parse(readFileSync('scenarios/breakdown-drill.json', 'utf8'));

function render(store: SimStoreApi, node: ReactNode): string {
  return renderToStaticMarkup(createElement(SimContext.Provider, { value: store }, node));
}

/** A store with a shipped drill loaded and stepped `seconds` of simulated time. */
function storeAt(id: string, seconds: number): SimStoreApi {
  const store = createSimStore(clock);
  store.getState().load(id === 'breakdown-drill' ? breakdown : JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8')));
  for (let k = 0; k < seconds; k++) store.getState().step();
  return store;
}

/** A store with the breakdown drill advanced past the fault (10 minutes), by stepping. */
function brokenStore(): SimStoreApi {
  return storeAt('breakdown-drill', 11 * 60);
}

describe('control-room panels (rendered from the store)', () => {
  it('the alarm list shows the fault alarm with its priority, state and an acknowledge button', () => {
    const html = render(brokenStore(), createElement(AlarmList));
    expect(html).toContain('data-alarm="M1.stopped"');
    expect(html).toContain('◆ 1');
    expect(html).toContain('Unacknowledged');
    expect(html).toContain('Acknowledge');
  });

  it('acknowledging through the store changes the alarm state shown', () => {
    const store = brokenStore();
    store.getState().send({ type: 'ackAlarm', alarm: 'M1.stopped' });
    expect(store.getState().refusal).toBeNull();
    const html = render(store, createElement(AlarmList));
    expect(html).toContain('>Acknowledged<');
    expect(html).not.toContain('>Acknowledge</button>');
  });

  it('the faceplate shows the held station, its stop reason, instruments and a refused command with its reason', () => {
    const store = brokenStore();
    store.getState().select('M1');
    store.getState().send({ type: 'lockOut', station: 'M1' });
    expect(store.getState().refusal).toContain('before locking it out');
    const html = render(store, createElement(Faceplate));
    expect(html).toContain('Held');
    expect(html).toContain('258 Drive fault');
    expect(html).toContain('Refused: Stop Mill M1 before locking it out (it is Held)');
    expect(html).toContain('data-sensor="vibration"');
    expect(html).toContain('Lock out / tag out');
    expect(store.getState().commands.map((c) => c.type)).toEqual(['lockOut']);
  });

  it('the faceplate offers only the checks a station allows: a machine its tool and lubrication, a buffer none', () => {
    const store = brokenStore();
    store.getState().select('M1');
    const machine = render(store, createElement(Faceplate));
    expect(machine).toContain('Inspect the tool');
    expect(machine).toContain('Check lubrication level');
    expect(machine).toContain('Handheld measurement');
    const buffer = store.getState().observation!.stations.find((x) => x.type === 'buffer')!;
    store.getState().select(buffer.id);
    const html = render(store, createElement(Faceplate));
    expect(html).not.toContain('Inspect the tool');
    expect(html).not.toContain('Check lubrication level');
    expect(html).not.toContain('Diagnostic checks');
    expect(html).toContain('Lock out / tag out');
  });

  it('the faceplate offers only the repairs a station allows: a mill its tool and bearing, no robot to re-teach; a buffer a general repair', () => {
    const store = brokenStore();
    store.getState().select('M1');
    const mill = render(store, createElement(Faceplate));
    expect(mill).toContain('<option value="replaceTool">');
    expect(mill).toContain('<option value="replaceBearing">');
    expect(mill).toContain('<option value="generalRepair"');
    expect(mill).not.toContain('value="reteachRobot"');
    expect(mill).not.toContain('value="quarantineLot"');
    expect(mill).not.toContain('value="recalibrate"');
    const buffer = store.getState().observation!.stations.find((x) => x.type === 'buffer')!;
    store.getState().select(buffer.id);
    const html = render(store, createElement(Faceplate));
    expect(html.match(/<option value="[a-zA-Z]+"[^>]*>[^<]*<\/option>/g)?.filter((o) => /value="(generalRepair|replaceBearing|replaceTool|clearJam|restoreLubrication|restoreCooling|reteachRobot|restoreParameter|recalibrate|replaceSensor|restoreAir|quarantineLot)"/.test(o))).toEqual([
      expect.stringContaining('value="generalRepair"'),
    ]);
  });

  it('a robot\'s faceplate inspects its gripper, as the gripper drill\'s objective says', () => {
    const store = storeAt('gripper-misalignment', 1);
    store.getState().select('ROB');
    const robot = render(store, createElement(Faceplate));
    expect(robot).toContain('>Inspect the gripper</button>');
    expect(robot).not.toContain('>Inspect the tool</button>');
    store.getState().select('CNC1');
    expect(render(store, createElement(Faceplate))).toContain('>Inspect the tool</button>');
    // The inspection under way reads as the one asked for (its countdown said "Inspect the tool").
    store.getState().select('ROB');
    store.getState().send({ type: 'packml', station: 'ROB', command: 'stop' });
    for (let k = 0; k < 5; k++) store.getState().step();
    store.getState().send({ type: 'check', station: 'ROB', check: 'inspectTool' });
    store.getState().step();
    expect(store.getState().refusal).toBeNull();
    const busy = render(store, createElement(Faceplate));
    expect(busy).toMatch(/data-testid="faceplate-task"><span class="task-progress"><span>Inspect the gripper · /);
    // The class results name it so too, from the station's type the server sends with its name.
    expect([translate('en', checkKey('inspectTool', true)), translate('nb', checkKey('inspectTool', true))]).toEqual([translate('en', 'check.inspectGripper'), translate('nb', 'check.inspectGripper')]);
    expect(translate('en', checkKey('inspectTool', false))).toBe('Inspect the tool');
    expect(translate('en', checkKey('handheld', true))).toBe(translate('en', 'check.handheld'));
  });

  it('an instrument out of its band says on which side: a low air pressure is not marked as a high one', () => {
    const air: SensorView = { id: 'M1.airPressure', kind: 'airPressure', unit: 'bar', value: 3.5, mA: 10, quality: 'good', normal: [5.5, 6.5], range: [0, 10] } as SensorView;
    const store = brokenStore();
    const low = render(store, createElement(SensorBar, { sensor: air }));
    expect(low).toContain('▼');
    expect(low).not.toContain('▲');
    expect(low).toContain('aria-label="below its normal band"');
    const high = render(store, createElement(SensorBar, { sensor: { ...air, value: 7.2 } }));
    expect(high).toContain('▲');
    expect(high).toContain('above its normal band');
    const normal = render(store, createElement(SensorBar, { sensor: { ...air, value: 6 } }));
    expect(normal).not.toMatch(/[▲▼]/);
  });

  it('a machine\'s faceplate shows its speed setpoint beside the approved value, marked when they differ', () => {
    const store = storeAt('wrong-parameter', 60);
    store.getState().select('CNC2');
    // Below the approved value it is marked ▼, as an instrument below its band is (it read ▲).
    expect(render(store, createElement(Faceplate))).toContain('<dd data-testid="faceplate-speed" class="abnormal"><span aria-hidden="true">▼ </span>60 % (approved 100 %)</dd>');
    store.getState().send({ type: 'setSpeed', station: 'CNC2', percent: 110 });
    store.getState().step();
    expect(render(store, createElement(Faceplate))).toContain('<dd data-testid="faceplate-speed" class="abnormal"><span aria-hidden="true">▲ </span>110 % (approved 100 %)</dd>');
    store.getState().select('CNC1');
    expect(render(store, createElement(Faceplate))).toContain('<dd data-testid="faceplate-speed">100 % (approved 100 %)</dd>');
    // A buffer has no speed.
    store.getState().select('B1');
    expect(render(store, createElement(Faceplate))).not.toContain('faceplate-speed');
  });

  it('an aborted station\'s stop reason names the step that works next: Clear, then Reset (Reset alone is refused from Aborted)', () => {
    const store = storeAt('blackout-restart', 21 * 60);
    store.getState().select('M1');
    expect(render(store, createElement(Faceplate))).toContain('260 Power failure (cause cleared; Clear, then Reset)');
    store.getState().send({ type: 'packml', station: 'M1', command: 'reset' });
    expect(store.getState().refusal).not.toBeNull();
  });

  it('mid-way through Clear and Reset the faceplate says the step is being taken, and a command refused until it ends says to wait (it said "Reset first" while Resetting)', () => {
    const store = storeAt('blackout-restart', 21 * 60);
    store.getState().select('M1');
    const faceplate = () => render(store, createElement(Faceplate));
    store.getState().send({ type: 'packml', station: 'M1', command: 'clear' });
    expect(faceplate()).toContain('260 Power failure (cause cleared; Clearing now)');
    store.getState().send({ type: 'packml', station: 'M1', command: 'reset' });
    expect(faceplate()).toContain('The station is Clearing: wait until it is Stopped, then try again');
    for (let k = 0; k < 5 && !faceplate().includes('>Stopped<'); k++) store.getState().step();
    expect(faceplate()).toContain('260 Power failure (cause cleared; Reset to clear)');
    store.getState().send({ type: 'packml', station: 'M1', command: 'reset' });
    expect(store.getState().refusal).toBeNull();
    expect(faceplate()).toContain('260 Power failure (cause cleared; Resetting now)');
    store.getState().send({ type: 'packml', station: 'M1', command: 'start' });
    expect(faceplate()).toContain('The station is Resetting: wait until it is Idle, then try again');
    // A refusal that waiting would not cure keeps its own reason: Unhold does not work from Stopped either.
    store.getState().send({ type: 'packml', station: 'M1', command: 'unhold' });
    expect(faceplate()).toContain('Unhold works from Held; the station is Resetting');
  });

  it('an E-stop still pushed is a cause still present; released, the station says Clear, then Reset', () => {
    const store = storeAt('e-stop-assembly', 16 * 60);
    store.getState().select('ASM');
    expect(render(store, createElement(Faceplate))).toContain('1 E-stop pushed (cause still present)');
    store.getState().send({ type: 'releaseEStop' });
    store.getState().step();
    expect(render(store, createElement(Faceplate))).toContain('1 E-stop pushed (cause cleared; Clear, then Reset)');
  });

  it('a station locked out names the lock-out as the step before a restart (Reset is refused while it is on)', () => {
    const store = storeAt('breakdown-drill', 60);
    store.getState().select('M1');
    store.getState().send({ type: 'packml', station: 'M1', command: 'stop' });
    for (let k = 0; k < 5; k++) store.getState().step();
    store.getState().send({ type: 'lockOut', station: 'M1' });
    // An operator's stop has no cause to clear: "cause cleared" read as if the station's fault were gone.
    expect(render(store, createElement(Faceplate))).toContain('33 Operator stop (remove the lock-out before restarting)');
    store.getState().send({ type: 'packml', station: 'M1', command: 'reset' });
    expect(store.getState().refusal).not.toBeNull();
    store.getState().send({ type: 'removeLockOut', station: 'M1' });
    expect(render(store, createElement(Faceplate))).toContain('33 Operator stop (Reset to clear)');
    expect(render(store, createElement(Faceplate))).not.toContain('cause cleared');
  });

  it('a held station names Unhold as the step that restarts it: Reset is refused there (it said "Reset to clear")', () => {
    const store = storeAt('breakdown-drill', 60);
    store.getState().select('M1');
    store.getState().send({ type: 'packml', station: 'M1', command: 'hold' });
    for (let k = 0; k < 5; k++) store.getState().step();
    expect(render(store, createElement(Faceplate))).toContain('34 Operator hold (Unhold to restart)');
    store.getState().send({ type: 'packml', station: 'M1', command: 'reset' });
    expect(store.getState().refusal).not.toBeNull();
    store.getState().send({ type: 'packml', station: 'M1', command: 'unhold' });
    expect(store.getState().refusal).toBeNull();
  });

  it('a finished check is logged by its result, which names the check ("Handheld measurement finished: Handheld vibration" said it twice)', () => {
    const store = storeAt('breakdown-drill', 60);
    store.getState().select('M1');
    store.getState().send({ type: 'check', station: 'M1', check: 'handheld', sensor: 'vibration' });
    for (let k = 0; k < 400; k++) store.getState().step();
    const html = render(store, createElement(Faceplate));
    expect(html).toMatch(/Handheld vibration: \d\.\d\d mm\/s/);
    expect(html).not.toContain('finished: Handheld');
    // The event log gives the band the reading is judged by, as the list of results does.
    const logged = [...html.matchAll(/<li>([^<]*Handheld vibration[^<]*)<\/li>/g)].map((m) => m[1]);
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(line).toMatch(/Handheld vibration: \d\.\d\d mm\/s \((normal|limit) /);
  });

  it('without a selection the faceplate says how to open one; the KPI strip shows OEE', () => {
    const store = brokenStore();
    expect(render(store, createElement(Faceplate))).toContain('Select a station');
    expect(render(store, createElement(KpiStrip))).toMatch(/OEE.*%/);
  });

  it('the KPI strip names both alarm counts: active, and unacknowledged (an alarm back to normal is still to acknowledge)', () => {
    const store = storeAt('blackout-restart', 21 * 60);
    const counts = () => render(store, createElement(KpiStrip)).match(/data-testid="kpi-alarms">(.*?)<\/dd>/)![1]!.replace(/<[^>]+>/g, '');
    expect(counts()).toBe('13 active 13 unack.');
    for (const st of ['M1', 'M2', 'QC', 'WASH']) store.getState().send({ type: 'packml', station: st, command: 'clear' });
    for (let k = 0; k < 5; k++) store.getState().step();
    expect(counts()).toMatch(/^\d+ active 13 unack\.$/);
    expect(counts()).not.toBe('13 active 13 unack.');
  });

  it('with two faults, what the student did about one is not listed under the other in "What you could have seen"', () => {
    const r = loadScenarioText(readFileSync('scenarios/rush-order.json', 'utf8'));
    if (!r.ok) throw new Error('rush-order does not load');
    const commands = (JSON.parse(readFileSync('tests/solutions/rush-order.json', 'utf8')) as { reference: Command[] }).reference;
    const end = 16_000;
    const session = makeSession(r.scenario, r.scenario.seed, commands, end, replay(r.model, r.scenario.seed, commands, end).checkpoints);
    const index = buildReplayIndex(r.model, session, { keyframes: false });
    const store = storeAt('rush-order', 0);
    const html = render(store, createElement(CouldHaveSeen, { assessment: index.assessment, markers: index.markers, seen: [], onReplayAt: () => undefined }));
    const [jam, lube] = html.split('<div class="seen">').slice(1).map((x) => x.split('</table>')[0]!);
    expect(jam).toContain('Conveyor C3: Clear jam');
    expect(jam).toContain('Acknowledge: Conveyor C3');
    expect(jam).not.toContain('Filler:');
    expect(lube).toContain('Filler: Restore lubrication');
    expect(lube).not.toContain('Conveyor C3');
  });

  it('"What you could have seen" lists an alarm once, when it first rose, however often it rose again', () => {
    const r = loadScenarioText(readFileSync('scenarios/spindle-overheating.json', 'utf8'));
    if (!r.ok) throw new Error('spindle-overheating does not load');
    const end = r.model.durationTicks;
    const session = makeSession(r.scenario, r.scenario.seed, [], end, replay(r.model, r.scenario.seed, [], end).checkpoints);
    const index = buildReplayIndex(r.model, session, { keyframes: false });
    // The lathe's size leaves its tolerance twice in the shift (in it for more than the off-delay between).
    expect(index.markers.filter((m) => m.kind === 'alarm' && m.alarm === 'CNC1.dimension.high').length).toBe(2);
    const html = render(storeAt('spindle-overheating', 0), createElement(CouldHaveSeen, { assessment: index.assessment, markers: index.markers, seen: [], onReplayAt: () => undefined }));
    expect(html.split('Alarm: CNC lathe: dimension above tolerance').length - 1).toBe(1);
  });

  it('"What you could have seen" says which way a reading left its band: the worn bearing\'s vibration above it', () => {
    const r = loadScenarioText(readFileSync('scenarios/bearing-wear.json', 'utf8'));
    if (!r.ok) throw new Error('bearing-wear does not load');
    // A student who measures the vibration by hand at 02:50, as one who watched the trend did.
    const at = (2 * 3600 + 50 * 60) * 10;
    const commands: Command[] = [{ type: 'check', tick: at, station: 'M2', check: 'handheld', sensor: 'vibration' }];
    const end = at + 3000;
    const session = makeSession(r.scenario, r.scenario.seed, commands, end, replay(r.model, r.scenario.seed, commands, end).checkpoints);
    const a = runAnalysis({ kind: 'debrief', session });
    if (a.kind !== 'debrief') throw new Error('not a debrief');
    const html = render(storeAt('bearing-wear', 0), createElement(CouldHaveSeen, { assessment: a.debrief.assessment, markers: a.debrief.markers, seen: a.debrief.seen, onReplayAt: () => undefined }));
    expect(html).toContain('Machining centre M2: vibration above its normal band');
    expect(html).not.toContain('or no signal');
  });

  /** The bearing drill's debrief with M2's vibration measured by hand at `at` and the wear declared three minutes later. */
  function bearingFoundAt(at: number) {
    const r = loadScenarioText(readFileSync('scenarios/bearing-wear.json', 'utf8'));
    if (!r.ok) throw new Error('bearing-wear does not load');
    const commands: Command[] = [
      { type: 'check', tick: at, station: 'M2', check: 'handheld', sensor: 'vibration' },
      { type: 'diagnose', tick: at + 1800, station: 'M2', cause: 'bearingWear' },
    ];
    const end = at + 3000;
    const session = makeSession(r.scenario, r.scenario.seed, commands, end, replay(r.model, r.scenario.seed, commands, end).checkpoints);
    const a = runAnalysis({ kind: 'debrief', session });
    if (a.kind !== 'debrief') throw new Error('not a debrief');
    const html = render(storeAt('bearing-wear', 0), createElement(CouldHaveSeen, { assessment: a.debrief.assessment, markers: a.debrief.markers, seen: a.debrief.seen, onReplayAt: () => undefined }));
    return { r, seen: a.debrief.seen, html };
  }

  it('"What you could have seen" says when nothing stood out before the student found the fault (the column was left empty)', () => {
    // Measured at 01:10, 40 min after the bearing began to wear: before its rise shows on the
    // trend (01:31) or leaves its band.
    const at = (3600 + 10 * 60) * 10;
    const { r, seen, html } = bearingFoundAt(at);
    expect(seen).toEqual([]);
    expect(html).toContain('nothing out of its normal band or clearly drifting before you found it: you caught it early');
    // Nobody found it yet: the same without the praise.
    const idle = makeSession(r.scenario, r.scenario.seed, [], at, replay(r.model, r.scenario.seed, [], at).checkpoints);
    const b = runAnalysis({ kind: 'debrief', session: idle });
    if (b.kind !== 'debrief') throw new Error('not a debrief');
    const quiet = render(storeAt('bearing-wear', 0), createElement(CouldHaveSeen, { assessment: b.debrief.assessment, markers: b.debrief.markers, seen: b.debrief.seen, onReplayAt: () => undefined }));
    expect(quiet).toContain('>nothing out of its normal band or clearly drifting<');
  });

  it('"What you could have seen" lists the drift a student saw on the trend before measuring it: the bearing drill played from the UI', () => {
    // Played from the UI: M2's vibration read from its trend and measured by hand at 01:34. The
    // debrief said "nothing out of its normal band or clearly drifting" (it had risen from 1.1 to
    // 1.5 mm/s, and the drill's objective is to spot that).
    const at = (3600 + 34 * 60) * 10;
    const { seen, html } = bearingFoundAt(at);
    expect(seen.map((x) => `${x.kind} ${x.station} ${x.detail}`)).toEqual(['trend M2 vibration']);
    expect(seen[0]!.tick).toBeLessThan(at);
    expect(html).not.toContain('nothing out of its normal band');
  });

  it('"What you could have seen" ends where the student found the fault: the output lost while they stopped the mill to repair it is not a symptom', () => {
    const r = loadScenarioText(readFileSync('scenarios/noisy-sensor.json', 'utf8'));
    if (!r.ok) throw new Error('noisy-sensor does not load');
    // Played from the UI: measured by hand, declared at 00:19:29, the sensor replaced from 00:44:36.
    const commands: Command[] = [
      { type: 'ackAlarm', tick: 9770, alarm: 'CNC2.vibration.alert' },
      { type: 'check', tick: 9770, station: 'CNC2', check: 'handheld', sensor: 'vibration' },
      { type: 'diagnose', tick: 11690, station: 'CNC2', cause: 'sensorNoisy', sensor: 'vibration' },
      { type: 'packml', tick: 26760, station: 'CNC2', command: 'stop' },
      { type: 'lockOut', tick: 26800, station: 'CNC2' },
      { type: 'repair', tick: 26810, station: 'CNC2', action: 'replaceSensor', sensor: 'vibration' },
      { type: 'removeLockOut', tick: 33460, station: 'CNC2' },
      { type: 'packml', tick: 33461, station: 'CNC2', command: 'reset' },
      { type: 'packml', tick: 33490, station: 'CNC2', command: 'start' },
    ];
    const end = r.model.durationTicks;
    const session = makeSession(r.scenario, r.scenario.seed, commands, end, replay(r.model, r.scenario.seed, commands, end).checkpoints);
    const a = runAnalysis({ kind: 'debrief', session });
    if (a.kind !== 'debrief') throw new Error('not a debrief');
    expect(a.debrief.assessment.faults[0]!.diagnoseSeconds).toBeCloseTo(1169 - 900, 0);
    // The re-run saw the output fall during the repair, after the diagnosis...
    expect(a.debrief.seen.some((x) => x.kind === 'output' && x.tick > 26760)).toBe(true);
    const html = render(storeAt('noisy-sensor', 0), createElement(CouldHaveSeen, { assessment: a.debrief.assessment, markers: a.debrief.markers, seen: a.debrief.seen, onReplayAt: () => undefined }));
    // ...which the table does not list; what showed before the diagnosis it does.
    expect(html).not.toContain('output down');
    expect(html).toContain('vibration above its normal band');
  });

  it('"What you could have seen" leaves out the line\'s output once the student stopped a station: the robot locked out for its inspection is not the fault\'s symptom', () => {
    const r = loadScenarioText(readFileSync('scenarios/gripper-misalignment.json', 'utf8'));
    if (!r.ok) throw new Error('gripper-misalignment does not load');
    // Played from the UI: the robot stopped and locked out at 00:17:28, its gripper inspected, then declared.
    const commands: Command[] = [
      { type: 'packml', tick: 10480, station: 'ROB', command: 'stop' },
      { type: 'lockOut', tick: 10510, station: 'ROB' },
      { type: 'check', tick: 10520, station: 'ROB', check: 'inspectTool' },
      { type: 'diagnose', tick: 12960, station: 'ROB', cause: 'gripperMisalignment' },
      { type: 'repair', tick: 12960, station: 'ROB', action: 'reteachRobot' },
    ];
    const end = 14000;
    const session = makeSession(r.scenario, r.scenario.seed, commands, end, replay(r.model, r.scenario.seed, commands, end).checkpoints);
    const a = runAnalysis({ kind: 'debrief', session });
    if (a.kind !== 'debrief') throw new Error('not a debrief');
    // The re-run saw the output fall after the stop...
    expect(a.debrief.seen.some((x) => x.kind === 'output' && x.tick > 10480)).toBe(true);
    const html = render(storeAt('gripper-misalignment', 0), createElement(CouldHaveSeen, { assessment: a.debrief.assessment, markers: a.debrief.markers, seen: a.debrief.seen, onReplayAt: () => undefined }));
    // ...which is not listed; the slow cycles and the scrap before it are.
    expect(html).not.toContain('output down');
    expect(html).toContain('Loading robot: cycle time above its normal band');
    expect(html).toMatch(/\d+ parts scrapped since the fault began/);
  });

  it('an objective judged by a declared diagnosis says so in the briefing (a student who restarted the power dip right was told "not diagnosed")', () => {
    const html = render(storeAt('power-dip', 0), createElement(Briefing));
    expect(html).toContain('Recognise a line-wide trip from one instant, not an equipment fault.<span class="objective-how muted">Judged by the cause you declare in a station&#x27;s faceplate (Diagnosis) within 10 min of the fault');
    // Only that one: the others say what to do in their own words, and no answer is given away.
    expect(html.split('objective-how').length - 1).toBe(1);
    // With the control room's screens down there is no faceplate: the diagnosis goes in the logbook.
    const dark = render(storeAt('hmi-down', 0), createElement(Briefing));
    expect(dark).toContain('Judged by the cause you write in the logbook (Declare diagnosis) within 10 min of the fault');
    expect(dark).not.toContain('faceplate');
  });

  it('the SPC chart says when each rule was last broken: after a right fix the parts made before the process settled keep their flags', () => {
    // Twenty parts at 30.000 ± 0.002, then one far above at 00:30:00, then quiet again.
    const values = Array.from({ length: 40 }, (_, k) => (k === 25 ? 30.05 : 30 + ((k % 3) - 1) * 0.002));
    const ticks = values.map((_, k) => (5 + k) * 600);
    const html = render(storeAt('tool-wear-drift', 0), createElement(SpcChart, { series: { ticks, values }, tolerance: [29.95, 30.05], interventions: [], unit: 'mm' }));
    expect(html).toContain('▲ Rule 1: a point beyond 3σ · last broken at 00:30:00');
  });

  it("a trend's normal band is told with the reading's own decimals: a cycle time to a tenth of a second", () => {
    const store = storeAt('noisy-sensor', 5);
    store.getState().select('CNC2');
    const html = render(store, createElement(Faceplate));
    // The mill's 45 s cycle: its band ends 15 % over (45 × 1.15), shown as the instrument shows a cycle time.
    expect(html).toContain('Dashed lines show the normal band, 0 to 51.7 s');
    expect(html).not.toContain('51.75');
  });
});
