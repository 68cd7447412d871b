import { SPEEDS } from '../store/sim-store';
import { useSim } from '../store/use-sim';
import { clock } from './format';

export function RunControls() {
  const seconds = useSim((s) => s.observation?.seconds ?? 0);
  const running = useSim((s) => s.running);
  const speed = useSim((s) => s.speed);
  const ended = useSim((s) => s.ended);
  const play = useSim((s) => s.play);
  const pause = useSim((s) => s.pause);
  const setSpeed = useSim((s) => s.setSpeed);
  return (
    <div className="controls">
      <span className="clock" data-testid="clock">
        {clock(seconds)}
      </span>
      <button type="button" onClick={running ? pause : play} disabled={ended}>
        {running ? 'Pause' : ended ? 'Ended' : 'Play'}
      </button>
      {SPEEDS.map((x) => (
        <button type="button" key={x} aria-pressed={speed === x} onClick={() => setSpeed(x)}>
          {x}×
        </button>
      ))}
    </div>
  );
}
