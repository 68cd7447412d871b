import { useEffect, useRef } from 'react';
import { externalValue } from './external-value';
import { useT } from '../i18n';
import { startTour } from './Tour';

/** Whether the keyboard help is open (the `?` key and the top bar's button toggle it). */
const open = externalValue(false);
export const toggleHelp = (): void => open.set(!open.get());

export function HelpButton() {
  const { t } = useT();
  return (
    <button type="button" onClick={toggleHelp} aria-keyshortcuts="?" title={`${t('help.button')} (?)`} data-testid="help-button">
      ? <span className="sr-only">{t('help.button')}</span>
    </button>
  );
}

const KEYS = [
  ['Space', 'help.space'],
  ['.', 'help.step'],
  ['Shift + E', 'help.estop'],
  ['?', 'help.help'],
  ['Tab', 'help.tab'],
  ['Enter', 'help.stations'],
  ['← →', 'help.arrows'],
] as const;

/** The shapes that say what colour says (src/scene/stack-light.ts, AlarmList, the SPC chart). */
const SYMBOLS = [
  ['✖', 'help.lamp.fault'],
  ['■', 'help.lamp.stopped'],
  ['□', 'help.lamp.changing'],
  ['▶', 'help.lamp.running'],
  ['▷', 'help.lamp.waiting'],
  ['◆ ▲ ●', 'help.alarmPriority'],
  ['◯', 'help.spcMark'],
] as const;

/** The control room's shortcuts, in a dialog that takes the focus and gives it back. */
export function HelpPanel() {
  const { t } = useT();
  const shown = open.use();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!shown) return;
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') open.set(false);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      before?.focus();
    };
  }, [shown]);
  if (!shown) return null;
  return (
    <div className="help-panel" role="dialog" aria-modal="false" aria-labelledby="help-heading" data-testid="help-panel">
      <h2 id="help-heading">{t('help.heading')}</h2>
      <table>
        <tbody>
          {KEYS.map(([key, text]) => (
            <tr key={key}>
              <th scope="row">
                <kbd>{key}</kbd>
              </th>
              <td>{t(text)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('help.symbols')}</h3>
      <table>
        <tbody>
          {SYMBOLS.map(([symbol, text]) => (
            <tr key={text}>
              <th scope="row" className="symbol">
                {symbol}
              </th>
              <td>{t(text)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="buttons">
        <button
          type="button"
          onClick={() => {
            open.set(false);
            startTour();
          }}
        >
          {t('tour.again')}
        </button>
        <button ref={close} type="button" onClick={() => open.set(false)}>
          {t('help.close')}
        </button>
      </div>
    </div>
  );
}
