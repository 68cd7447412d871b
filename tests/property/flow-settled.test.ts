/**
 * The flow of parts is settled after every event: no part stands ready at a station that is
 * running while the next station could take it. A buffer is passive (it hands a part on only
 * when the engine wakes it), so a station freed without waking its inputs waits for ever: the
 * bore gauge of the bad-material drill did, each time it scrapped a part, and the line locked
 * up once the buffer before it filled (machines "blocked", the gauge "starved").
 *
 * Checked at every event tick, on random lines (every fault type, rework loops, assemblies,
 * conveyors) and on every shipped scenario.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, createState, type LineModel, type State } from '../../src/engine';
import { isRunning } from '../../src/engine/core/packml';
import { NEVER } from '../../src/engine/core/time';
import { compile } from '../helpers';
import { buildScenario, lineShape } from './gen';

/** Whether station o would take the part station u has ready (the engine's rules, written out again). */
function takes(s: State, o: number, u: number): boolean {
  const spec = s.model.stations[o]!;
  const st = s.stations[o]!;
  switch (spec.type) {
    case 'buffer':
      return st.queue.length < spec.capacity;
    case 'conveyor':
      return isRunning(st.pack) && st.queue.length < spec.capacity;
    case 'machine':
    case 'inspection':
      return isRunning(st.pack) && st.work === null && st.done === null;
    case 'assembly':
      return isRunning(st.pack) && st.work === null && st.done === null && st.kit[spec.inputs.indexOf(u)] === null;
    case 'sink':
      return true;
    default:
      return false;
  }
}

/** A part station u could hand on now, as a description, or null. */
function ready(s: State, u: number): { what: string; rework: number } | null {
  const spec = s.model.stations[u]!;
  const st = s.stations[u]!;
  if (spec.type === 'buffer') return st.queue.length > 0 ? { what: `${st.queue.length} waiting`, rework: -2 } : null;
  if (spec.type === 'conveyor') {
    const head = st.queue[0];
    return isRunning(st.pack) && head !== undefined && head.t <= s.tick ? { what: 'a part at the end', rework: -2 } : null;
  }
  if (spec.type === 'sink' || !isRunning(st.pack) || st.done === null) return null;
  // An inspection sends a part to rework only to its rework station, a good one anywhere else.
  const rework = spec.type === 'inspection' && spec.reworkTo >= 0 ? (st.done.t === spec.reworkTo ? spec.reworkTo : -1) : -2;
  return { what: 'a finished part', rework };
}

/** Every part that could move and has not, in words (empty: the flow is settled). */
function unsettled(s: State): string[] {
  const stuck: string[] = [];
  s.model.stations.forEach((spec, u) => {
    const r = ready(s, u);
    if (r === null) return;
    for (const o of spec.outputs) {
      if (r.rework >= 0 && o !== r.rework) continue;
      if (r.rework === -1 && o === (spec.type === 'inspection' ? spec.reworkTo : -1)) continue;
      if (takes(s, o, u)) stuck.push(`tick ${s.tick}: ${spec.id} has ${r.what}, ${s.model.stations[o]!.id} could take it`);
    }
  });
  return stuck;
}

/**
 * A running station's interlock is what it holds right now: working (none), a finished part it
 * cannot pass on (blocked), nothing (starved); a conveyor is blocked while a part waits at its
 * end. The screens, OPC UA and MQTT show it, so a stale one is a wrong word on the screen.
 */
function staleInterlocks(s: State): string[] {
  const names = ['none', 'starved', 'blocked'];
  const out: string[] = [];
  s.model.stations.forEach((spec, i) => {
    const st = s.stations[i]!;
    if (!isRunning(st.pack)) return;
    let want: number;
    switch (spec.type) {
      case 'machine':
      case 'assembly':
      case 'inspection':
        want = st.work !== null ? 0 : st.done !== null ? 2 : 1;
        break;
      case 'conveyor': {
        const head = st.queue[0];
        want = head !== undefined && head.t <= s.tick ? 2 : 0;
        break;
      }
      default:
        return;
    }
    if (st.interlock !== want) out.push(`tick ${s.tick}: ${spec.id} shows ${names[st.interlock]}, is ${names[want]}`);
  });
  return out;
}

/** The next tick at which anything is due (as the bench counts events). */
function nextEvent(s: State): number {
  let next = s.nextScan;
  s.stations.forEach((st, i) => {
    const type = s.model.stations[i]!.type;
    if (type !== 'buffer' && type !== 'sink') next = Math.min(next, st.next);
  });
  for (const f of s.faults) next = Math.min(next, f.next);
  return next;
}

/** Run from event to event up to `end`, collecting the first few unsettled moments. */
function check(model: LineModel, seed: number, end: number): string[] {
  const s = createState(model, seed);
  const found: string[] = [];
  for (;;) {
    const next = nextEvent(s);
    if (next >= NEVER || next > end) break;
    advance(s, Math.max(next, s.tick + 1));
    found.push(...unsettled(s), ...staleInterlocks(s));
    if (found.length >= 3) break;
  }
  return found;
}

describe('the flow of parts is settled after every event, and each station says truly whether it is starved or blocked', () => {
  it('on random lines', () => {
    fc.assert(
      fc.property(lineShape, (shape) => {
        const { model } = compile(buildScenario(shape));
        expect(check(model, shape.seed, 8 * 36_000)).toEqual([]);
      }),
      { numRuns: 60, seed: 20261203 },
    );
  });

  const dir = 'scenarios';
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')) {
    it(`in ${file}`, () => {
      const { model, scenario } = compile(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')));
      // The long reference runs: their first day is enough to meet every kind of event.
      expect(check(model, scenario.seed, Math.min(model.durationTicks, 864_000))).toEqual([]);
    });
  }
});
