import { clock } from './format';

/** Where a time scale has its labels: the start, the quarters, the end. */
const SCALE_STEPS = [0, 0.25, 0.5, 0.75, 1] as const;

/** The time scale under a track of `endTick` ticks (the replay timeline, the compare lanes). */
export function TimeScale({ endTick }: { endTick: number }) {
  return (
    <div className="time-scale" aria-hidden="true" data-testid="time-scale">
      {SCALE_STEPS.map((k) => (
        <span key={k} style={{ left: `${k * 100}%` }}>
          {clock((endTick * k) / 10)}
        </span>
      ))}
    </div>
  );
}
