import { describeTask } from './describe';
import { clock } from './format';
import { useNames } from '../store/use-names';
import { useT } from '../i18n';

interface Task {
  readonly kind: 'repair' | 'check';
  readonly action: string;
  readonly target: string;
  readonly remainingSeconds: number;
  readonly totalSeconds: number;
}

/** Work in progress as a countdown with a bar: "General repair · 19:57 left", never a clock time. */
export function TaskProgress({ task, station }: { task: Task; station: string }) {
  const { t } = useT();
  const names = useNames();
  // A check by its name at this station: a robot's tool inspection is the gripper's.
  const name = describeTask(task.kind, task.action, task.target, station, t, names);
  const done = task.totalSeconds > 0 ? 1 - task.remainingSeconds / task.totalSeconds : 1;
  const left = clock(Math.max(0, Math.ceil(task.remainingSeconds))).replace(/^00:/, '');
  return (
    <span className="task-progress">
      <span>
        {name} · {t('faceplate.remaining', { time: left })}
      </span>
      <progress max={1} value={done} aria-label={name} />
    </span>
  );
}
