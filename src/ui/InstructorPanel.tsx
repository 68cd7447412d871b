import { useSim } from '../store/use-sim';
import { FaultStarts } from './FaultStarts';
import { useT } from '../i18n';
import { useInstructorMode } from './instructor-mode';

/**
 * The instructor's fault injection during a live run (a flight simulator's instructor station):
 * start any fault of the scenario now. Shown only in instructor mode; the start is a recorded
 * command, so the session replays with it.
 */
export function InstructorPanel() {
  const { t } = useT();
  const on = useInstructorMode();
  const faults = useSim((s) => s.scenario?.faults);
  const send = useSim((s) => s.send);
  const refusal = useSim((s) => (s.commands.at(-1)?.type === 'injectFault' ? s.refusal : null));
  if (!on || !faults || faults.length === 0) return null;
  return (
    <section className="instructor-panel" data-testid="instructor-panel">
      <h3>{t('instructor.heading')}</h3>
      <p className="muted">{t('instructor.explain')}</p>
      <FaultStarts start={(fault) => send({ type: 'injectFault', fault })} />
      {refusal && <p className="refusal">{refusal}</p>}
    </section>
  );
}
