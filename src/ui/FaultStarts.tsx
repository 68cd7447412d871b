import { textOf } from '../scenario';
import { useSim } from '../store/use-sim';
import { useT } from '../i18n';
import { useNames } from '../store/use-names';

/**
 * The scenario's faults, each with a way to start it now (or "started" once the run's log has
 * it). The panel knows only what was commanded, never the engine's hidden truth, so it shows
 * nothing a student could not infer from the log.
 */
export function FaultStarts({ start, pending }: { start: (fault: string) => void; pending?: ReadonlySet<string> }) {
  const { t, lang } = useT();
  const names = useNames();
  const faults = useSim((s) => s.scenario?.faults);
  const commands = useSim((s) => s.commands);
  const started = new Set(commands.flatMap((c) => (c.type === 'injectFault' ? [c.fault] : [])));
  return (
    <ul>
      {(faults ?? []).map((f) => {
        const manual = f.trigger !== undefined && 'manual' in f.trigger;
        return (
          <li key={f.id}>
            <strong>{names.causeAt(f.type, f.station ?? null)}</strong> {f.description && <small className="muted" title={f.id}>({textOf(f.description, lang)})</small>}{' '}
            {started.has(f.id) ? (
              <em>{t('instructor.started')}</em>
            ) : pending?.has(f.id) ? (
              <em>{t('follow.faultSent')}</em>
            ) : (
              <>
                <small className="muted">{manual ? t('instructor.manual') : t('instructor.scheduled')}</small>{' '}
                <button type="button" onClick={() => start(f.id)} data-fault={f.id}>
                  {t('instructor.start')}
                </button>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
