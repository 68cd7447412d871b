import { useCallback, useEffect, useRef, useState } from 'react';
import type { Marker, MarkerKind } from '../session/replay-index';
import { useSim, useSimApi } from '../store/use-sim';
import { describeMarker } from './describe';
import { clock } from './format';
import { type TextKey, useT } from '../i18n';
import { TimeScale } from './TimeScale';
import { useNames } from '../store/use-names';
import { SpeedButtons } from './SpeedButtons';

/** Lanes from the instructor's point of view: what happened, what was seen, what was done, what it scored. */
const LANES: readonly MarkerKind[] = ['fault', 'alarm', 'state', 'command', 'score'];

const STEPS: readonly { ticks: number; label: string }[] = [
  { ticks: 600, label: '1 min' },
  { ticks: 100, label: '10 s' },
];

/**
 * The replay's timeline (a flight simulator's instructor station): markers in lanes, a
 * playhead, click or drag anywhere to seek, transport buttons down to a single tick.
 */
export function Timeline() {
  const { t } = useT();
  const names = useNames();
  const replay = useSim((s) => s.replay);
  const tick = useSim((s) => s.observation?.tick ?? 0);
  const running = useSim((s) => s.running);
  // Actions only: they never change, so the timeline does not re-render with the whole store.
  const api = useSimApi().getState();
  const track = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState(false);
  // While dragging, seek at most once per animation frame: the engine answers each in a few ms.
  const wanted = useRef<number | null>(null);
  // The last tick asked for: a click's pointerup lands where its pointerdown already sought.
  const sent = useRef<number | null>(null);
  const seek = api.seek;
  const seekOnce = useCallback(
    (tick: number) => {
      if (sent.current === tick) return;
      sent.current = tick;
      seek(tick);
    },
    [seek],
  );
  useEffect(() => {
    if (!dragging) return;
    let id = 0;
    const pump = () => {
      if (wanted.current !== null) {
        seekOnce(wanted.current);
        wanted.current = null;
      }
      id = requestAnimationFrame(pump);
    };
    id = requestAnimationFrame(pump);
    return () => cancelAnimationFrame(id);
  }, [dragging, seekOnce]);
  if (replay === null) return null;
  const end = Math.max(1, replay.endTick);
  const at = (x: number) => {
    const r = track.current?.getBoundingClientRect();
    if (!r || r.width === 0) return 0;
    return Math.round((Math.max(0, Math.min(1, (x - r.left) / r.width)) * end) / 10) * 10;
  };
  const left = (tk: number) => `${(tk / end) * 100}%`;
  const lanes = LANES.filter((k) => k !== 'fault' || replay.showTruth);
  const byLane = (k: MarkerKind) => replay.markers.filter((m) => m.kind === k);
  const markerClass = (m: Marker) =>
    m.kind === 'alarm' ? `marker alarm ${m.priority}` : m.kind === 'command' ? `marker command ${m.accepted ? '' : 'refused'}` : m.kind === 'score' ? `marker score ${m.what}` : `marker ${m.kind}`;
  return (
    <section className="timeline" aria-label={t('replay.timeline')} data-testid="timeline">
      <div className="transport">
        <button type="button" onClick={() => api.seek(0)} title={t('replay.toStart')} aria-label={t('replay.toStart')}>
          |◀
        </button>
        {STEPS.map((s) => (
          <button type="button" key={`b${s.ticks}`} onClick={() => api.stepBy(-s.ticks)} aria-label={t('replay.back', { step: s.label })}>
            −{s.label}
          </button>
        ))}
        <button type="button" onClick={() => api.stepBy(-1)} aria-label={t('replay.back', { step: t('replay.tick') })} data-testid="tick-back">
          −1
        </button>
        <button type="button" className="primary" onClick={api.togglePlay} disabled={!replay.ready} aria-keyshortcuts="Space">
          {running ? t('run.pause') : t('run.play')}
        </button>
        <button type="button" onClick={() => api.stepBy(1)} aria-label={t('replay.forward', { step: t('replay.tick') })} data-testid="tick-forward">
          +1
        </button>
        {[...STEPS].reverse().map((s) => (
          <button type="button" key={`f${s.ticks}`} onClick={() => api.stepBy(s.ticks)} aria-label={t('replay.forward', { step: s.label })}>
            +{s.label}
          </button>
        ))}
        <button type="button" onClick={() => api.seek(end)} title={t('replay.toEnd')} aria-label={t('replay.toEnd')}>
          ▶|
        </button>
        <span className="clock" data-testid="replay-clock">
          {clock(tick / 10)} / {clock(end / 10)}
        </span>
        <SpeedButtons />
      </div>
      <div className="lanes">
        <div className="lane-labels">
          {lanes.map((k) => (
            <span key={k}>{t(`replay.lane.${k}` as TextKey)}</span>
          ))}
          <span>{t('replay.lane.note')}</span>
        </div>
        <div
          className="timeline-track"
          ref={track}
          data-testid="timeline-track"
          role="slider"
          tabIndex={0}
          aria-label={t('replay.timeline')}
          aria-valuemin={0}
          aria-valuemax={end}
          aria-valuenow={tick}
          aria-valuetext={clock(tick / 10)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowLeft') api.stepBy(e.shiftKey ? -600 : -100);
            else if (e.key === 'ArrowRight') api.stepBy(e.shiftKey ? 600 : 100);
            else return;
            e.preventDefault();
          }}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            setDragging(true);
            sent.current = null;
            seekOnce(at(e.clientX));
          }}
          onPointerMove={(e) => {
            if (dragging) wanted.current = at(e.clientX);
          }}
          onPointerUp={(e) => {
            setDragging(false);
            wanted.current = null;
            seekOnce(at(e.clientX));
          }}
        >
          {lanes.map((k) => (
            <div className="lane" key={k} data-lane={k}>
              {byLane(k).map((m, n) => (
                <span
                  // biome-ignore lint/suspicious/noArrayIndexKey: markers never reorder
                  key={n}
                  className={markerClass(m)}
                  style={{ left: left(m.tick) }}
                  title={`${clock(m.tick / 10)} · ${describeMarker(m, t, names)}`}
                />
              ))}
            </div>
          ))}
          <div className="lane" data-lane="note">
            {replay.notes.map((n, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: notes are sorted by tick; position is their identity here
              <span key={k} className="marker note" style={{ left: left(n.tick) }} title={`${clock(n.tick / 10)} · ${n.text}`} />
            ))}
          </div>
          <div className="playhead" style={{ left: left(tick) }} />
        </div>
        <span />
        <TimeScale endTick={end} />
      </div>
    </section>
  );
}
