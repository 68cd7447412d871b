/**
 * Short notices over the control room: a repair or check that finished (and what the check
 * found), a diagnosis that was recorded. They say what happened, never whether it was right.
 * Each stays a few seconds of wall time, or until dismissed; screen readers hear them (status).
 */
import { useEffect, useRef, useState } from 'react';
import type { CheckResult, Command, LogEntry } from '../engine';
import { useSim } from '../store/use-sim';
import { useNames } from '../store/use-names';
import { checkRange, resultText } from './check-text';
import { describeTask, sensorNote } from './describe';
import { type TextKey, useT } from '../i18n';

interface Toast {
  readonly id: number;
  readonly text: string;
}

const TOAST_MS = 7000;
const MAX_TOASTS = 4;

export function Toasts() {
  const { t, lang } = useT();
  const names = useNames();
  const log = useSim((s) => s.observation?.log);
  const results = useSim((s) => s.observation?.checkResults);
  const lastAccepted = useSim((s) => s.lastAccepted);
  const replaying = useSim((s) => s.phase === 'replay');
  const rebuiltTo = useSim((s) => s.rebuiltTo);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const seenTick = useRef<number | null>(null);
  const nextId = useRef(0);
  const push = (text: string) => {
    const id = nextId.current++;
    setToasts((prev) => [...prev.slice(-(MAX_TOASTS - 1)), { id, text }]);
    setTimeout(() => setToasts((prev) => prev.filter((x) => x.id !== id)), TOAST_MS);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the log grows; texts are read at that moment
  useEffect(() => {
    if (!log || replaying) return;
    const newest = log.length > 0 ? log[log.length - 1]!.tick : 0;
    // The first observation only sets the mark: a resumed run does not replay its old notices.
    if (seenTick.current === null) {
      seenTick.current = newest;
      return;
    }
    // Nor is what a resumed run did before the tick it was rebuilt to: its first frame is its
    // tick 0, so the mark alone let a repair finished at 00:31 come up again on resuming at 00:33.
    const since = Math.max(seenTick.current, rebuiltTo ?? -1);
    const done = log.filter((e): e is Extract<LogEntry, { kind: 'taskDone' }> => e.kind === 'taskDone' && e.tick > since);
    seenTick.current = Math.max(since, newest);
    for (const e of done) {
      // The station's name in the reader's language (the engine's model keeps the English one).
      const station = names.station(e.station);
      if (e.task === 'repair') {
        // Which sensor was replaced: "Replace sensor is finished" did not say it was the wrong one.
        push(t('toast.taskDone', { station, action: describeTask(e.task, e.action, e.target, e.station, t, names) }));
      } else {
        const r = (results ?? []).find((x: CheckResult) => x.tick === e.tick && x.station === e.station && x.check === e.action);
        // The result names what was checked ("Flank wear 0.104 mm after ..."); the range says
        // whether it is bad. "Handheld measurement finished: Handheld vibration" said it twice.
        if (r) push(t('toast.checkDone', { station, result: resultText(r, t, lang), range: checkRange(r, t, lang).text }));
        else push(t('toast.taskDone', { station, action: describeTask(e.task, e.action, e.target, e.station, t, names) }));
      }
    }
  }, [log]);
  const lastNoticed = useRef<Command | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: one notice per accepted command
  useEffect(() => {
    if (lastAccepted === null || lastAccepted === lastNoticed.current || replaying) return;
    lastNoticed.current = lastAccepted;
    if (lastAccepted.type === 'diagnose') {
      push(t('toast.diagnosis', { station: names.station(lastAccepted.station), cause: `${t(`cause.${lastAccepted.cause}` as TextKey)}${sensorNote(lastAccepted.sensor, t)}` }));
    }
  }, [lastAccepted]);
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
      {toasts.map((x) => (
        <p key={x.id} className="toast">
          <span>{x.text}</span>
          <button type="button" className="link" aria-label={t('toast.close')} onClick={() => setToasts((prev) => prev.filter((y) => y.id !== x.id))}>
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
