import type { Clock } from '../src/store/sim-store';

/** A clock the test moves by hand: the store's loop runs one frame per `step`. */
export function manualClock() {
  let now = 0;
  const frames: (() => void)[] = [];
  const clock: Clock = { now: () => now, frame: (cb) => frames.push(cb) };
  return {
    clock,
    step(ms: number) {
      now += ms;
      for (const f of frames.splice(0)) f();
    },
  };
}
