/**
 * A line as a browser would publish it, in Node: the engine stepped by the test, each step
 * observed, and commands applied at the current tick and recorded, as the engine service does.
 */
import { readFileSync } from 'node:fs';
import { advance, apply, type Command, createState, type Observation, observe, stateHash } from '../../src/engine';
import { textOf } from '../../src/scenario';
import type { LineSource } from '../../src/session/line-link/publisher';
import { compile } from '../helpers';

export function engineLine(id: string, originMs = Date.UTC(2026, 11, 2, 8, 0, 0)) {
  const { model, scenario } = compile(JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8')));
  const s = createState(model, scenario.seed);
  const commands: Command[] = [];
  const listeners = new Set<(o: Observation) => void>();
  const notify = () => {
    const o = observe(s);
    for (const l of listeners) l(o);
  };
  const source: LineSource = {
    model,
    title: textOf(scenario.title, 'en'),
    originMs,
    readOnly: false,
    watch(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async send(cmd) {
      const c = { ...cmd, tick: s.tick } as Command;
      commands.push(c);
      const r = apply(s, c);
      notify();
      return r;
    },
  };
  return {
    model,
    scenario,
    state: s,
    commands,
    source,
    /** Step the line to a tick, observed every `every` ticks (a browser observes a few times a second). */
    runTo(tick: number, every = 100) {
      while (s.tick < tick) {
        advance(s, Math.min(tick, s.tick + every));
        notify();
      }
    },
    /** The run replayed from its command log alone, to the same tick. */
    replayHash() {
      const r = createState(model, scenario.seed);
      for (const c of commands) apply(r, c);
      advance(r, s.tick);
      return stateHash(r);
    },
    hash: () => stateHash(s),
  };
}
