import { textOf } from '../scenario';
import { useSim } from '../store/use-sim';
import { type TextKey, useT } from './i18n';
import { useInstructorMode } from './instructor-mode';
import { useNames } from './names';

/**
 * The instructor's fault injection during a live run (a flight simulator's instructor station):
 * start any fault of the scenario now. Shown only in instructor mode; the start is a recorded
 * command, so the session replays with it. The panel knows only what was commanded, never the
 * engine's hidden truth, so it shows nothing a student could not infer from the log.
 */
export function InstructorPanel() {
  const { t, lang } = useT();
  const names = useNames();
  const on = useInstructorMode();
  const faults = useSim((s) => s.scenario?.faults);
  const commands = useSim((s) => s.commands);
  const send = useSim((s) => s.send);
  const refusal = useSim((s) => (s.commands.at(-1)?.type === 'injectFault' ? s.refusal : null));
  if (!on || !faults || faults.length === 0) return null;
  const started = new Set(commands.flatMap((c) => (c.type === 'injectFault' ? [c.fault] : [])));
  return (
    <section className="instructor-panel" data-testid="instructor-panel">
      <h3>{t('instructor.heading')}</h3>
      <p className="muted">{t('instructor.explain')}</p>
      <ul>
        {faults.map((f) => {
          const manual = f.trigger !== undefined && 'manual' in f.trigger;
          return (
            <li key={f.id}>
              <strong>{t(`cause.${f.type}` as TextKey)}</strong>
              {f.station ? ` @ ${names.station(f.station)}` : ''} {f.description && <small className="muted" title={f.id}>({textOf(f.description, lang)})</small>}{' '}
              {started.has(f.id) ? (
                <em>{t('instructor.started')}</em>
              ) : (
                <>
                  <small className="muted">{manual ? t('instructor.manual') : t('instructor.scheduled')}</small>{' '}
                  <button type="button" onClick={() => send({ type: 'injectFault', fault: f.id })} data-fault={f.id}>
                    {t('instructor.start')}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {refusal && <p className="refusal">{refusal}</p>}
    </section>
  );
}
