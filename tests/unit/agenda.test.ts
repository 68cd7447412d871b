/**
 * The agenda (src/engine/core/agenda.ts) in isolation: the order of events at one tick (line
 * timers, then faults, then stations, each in index order) and the earliest timer, the same in
 * its scan mode (small lines) and its heap mode (large ones), against a plain sort of every timer.
 */
import { describe, expect, it } from 'vitest';
import {
  agendaTop,
  closeAgenda,
  dueCount,
  dueTimer,
  firstFaultTimer,
  firstStationTimer,
  LineTimer,
  openAgenda,
  setFaultNext,
  setLineNext,
  setStationNext,
  takeDue,
} from '../../src/engine/core/agenda';
import type { State } from '../../src/engine/core/state';
import { NEVER } from '../../src/engine/core/time';

/** Just what the agenda reads: the timers of faults and stations, and which stations are passive. */
function fakeState(faults: number, stations: number): State {
  const types = ['source', 'machine', 'buffer', 'machine', 'sink'];
  return {
    nextScan: NEVER,
    faults: Array.from({ length: faults }, () => ({ next: NEVER })),
    stations: Array.from({ length: stations }, () => ({ next: NEVER })),
    model: { stations: Array.from({ length: stations }, (_, i) => ({ type: types[i % types.length] })) },
  } as unknown as State;
}

/** What the agenda must answer, worked out the slow way: every timer set, sorted by (tick, number). */
function expected(s: State, line: number[]): { top: number; due: number[] } {
  const all: [number, number][] = [];
  line.forEach((t, k) => all.push([t, k]));
  s.faults.forEach((f, fi) => all.push([f.next, firstFaultTimer() + fi]));
  s.stations.forEach((st, i) => {
    const type = s.model.stations[i]!.type;
    if (type !== 'buffer' && type !== 'sink') all.push([st.next, firstStationTimer() + i]);
  });
  const live = all.filter(([t]) => t < NEVER).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const top = live.length > 0 ? live[0]![0] : NEVER;
  return { top, due: live.filter(([t]) => t === top).map(([, n]) => n) };
}

function taken(top: number): number[] {
  takeDue(top);
  return Array.from({ length: dueCount() }, (_, k) => dueTimer(k));
}

/** A small deterministic generator (the test's own, so a failure repeats). */
function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

describe('agenda', () => {
  for (const [mode, faults, stations] of [
    ['scan', 3, 10],
    ['heap', 12, 60],
  ] as const) {
    it(`orders one tick's timers line, faults, stations, each by index (${mode} mode)`, () => {
      const s = fakeState(faults, stations);
      openAgenda(s);
      try {
        setStationNext(s, 3, 50);
        setStationNext(s, 1, 50);
        setFaultNext(s, 2, 50);
        setFaultNext(s, 0, 50);
        setLineNext(s, LineTimer.Shelf, 50);
        setLineNext(s, LineTimer.Scan, 50);
        setStationNext(s, 2, 50); // a buffer: passive, never an event of its own
        setStationNext(s, 5, 80);
        expect(s.nextScan).toBe(50);
        expect(agendaTop(s)).toBe(50);
        const f = firstFaultTimer();
        const st = firstStationTimer();
        const got = taken(50);
        // The buffer's timer (st + 2) is never set by the engine; only the heap would list it.
        expect(got.filter((n) => n !== st + 2)).toEqual([LineTimer.Scan, LineTimer.Shelf, f + 0, f + 2, st + 1, st + 3]);
        expect(f).toBe(3);
        expect(st).toBe(3 + faults);
      } finally {
        closeAgenda();
      }
    });

    it(`agrees with a sort of every timer through random moves (${mode} mode)`, () => {
      const s = fakeState(faults, stations);
      const line = [NEVER, NEVER, NEVER];
      const rnd = lcg(faults * 1000 + stations);
      openAgenda(s);
      try {
        let now = 0;
        for (let step = 0; step < 3000; step++) {
          // Move a few timers: later, sooner (not before now), or off the agenda.
          for (let m = 0; m < 3; m++) {
            const r = rnd();
            const tick = r < 0.15 ? NEVER : now + Math.floor(rnd() * 40);
            const which = rnd();
            if (which < 0.1) {
              const k = Math.floor(rnd() * 3) as LineTimer;
              line[k] = tick;
              setLineNext(s, k, tick);
            } else if (which < 0.4) setFaultNext(s, Math.floor(rnd() * faults), tick);
            else {
              const i = Math.floor(rnd() * stations);
              const type = s.model.stations[i]!.type;
              // The engine never times a passive station; the scan skips them.
              if (type !== 'buffer' && type !== 'sink') setStationNext(s, i, tick);
            }
          }
          const want = expected(s, line);
          const top = agendaTop(s);
          expect(top).toBe(want.top);
          if (top === NEVER) continue;
          expect(taken(top)).toEqual(want.due);
          // The engine handles what it took: each timer moves on or ends.
          for (const n of want.due) {
            const next = rnd() < 0.3 ? NEVER : top + 1 + Math.floor(rnd() * 30);
            if (n < firstFaultTimer()) {
              line[n] = next;
              setLineNext(s, n as LineTimer, next);
            } else if (n < firstStationTimer()) setFaultNext(s, n - firstFaultTimer(), next);
            else setStationNext(s, n - firstStationTimer(), next);
          }
          now = top;
        }
      } finally {
        closeAgenda();
      }
    });
  }
});
