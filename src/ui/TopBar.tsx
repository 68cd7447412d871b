import { useState } from 'react';
import { textOf } from '../scenario';
import { useSim, useSimApi } from '../store/use-sim';
import { SpeedButtons } from './SpeedButtons';
import { ExportButton } from './ExportButton';
import { clock } from './format';
import { setLanguage, useT } from '../i18n';
import { HelpButton } from './HelpPanel';

/** Ending is final (the debrief scores the run as it stands): ask first, unless the shift is over. */
function EndDrill({ ended, onEnd, onRunOn }: { ended: boolean; onEnd: () => void; onRunOn: () => void }) {
  const { t } = useT();
  // Ending early judges a customer order on what is made so far: a student who has fixed
  // everything may rather let the shift run out than watch it at 60x.
  const order = useSim((s) => s.scenario?.scoring?.order !== undefined);
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" onClick={() => (ended ? onEnd() : setAsking(true))}>
        {t('run.end')}
      </button>
    );
  }
  return (
    <span className="confirm" role="alertdialog" aria-label={t('run.end')} data-testid="end-confirm">
      <span>
        {t('run.endConfirm')}
        {order && ` ${t('run.endOrder')}`}
      </span>
      <button type="button" className="danger" onClick={onEnd}>
        {t('run.endYes')}
      </button>
      <button type="button" onClick={onRunOn} title={t('run.runOnHint')}>
        {t('run.runOn')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('run.endNo')}
      </button>
    </span>
  );
}

/**
 * How long, in simulated seconds, the note that a run was resumed stays in the bar: long enough
 * to read, then it gives the drill's title its room back. A state that differs stays noted.
 */
const RESUMED_NOTE_SECONDS = 120;

export function TopBar({ muted, onMute }: { muted: boolean; onMute: () => void }) {
  const { t, lang } = useT();
  const scenario = useSim((s) => s.scenario);
  const seconds = useSim((s) => s.observation?.seconds ?? 0);
  const running = useSim((s) => s.running);
  const ended = useSim((s) => s.ended);
  const eStop = useSim((s) => s.observation?.eStop ?? false);
  // Actions only: they never change, so this does not re-render with the whole store.
  const api = useSimApi().getState();
  const resumed = useSim((s) => s.resumed);
  const branchOf = useSim((s) => s.branchOf);
  const title = scenario ? textOf(scenario.title, lang) : '';
  const noteText =
    resumed === null
      ? ''
      : resumed.expected === null
        ? t('resume.unchecked', { time: clock(resumed.tick / 10) })
        : resumed.expected === resumed.got
          ? t('resume.matched', { time: clock(resumed.tick / 10) })
          : t('resume.mismatch', { time: clock(resumed.tick / 10) });
  // The state's hash stays in the tooltip (with the note, should the bar cut it short): a student
  // reads whether it matched, not the hash.
  const resumedNote =
    resumed && ((resumed.expected !== null && resumed.expected !== resumed.got) || seconds < resumed.tick / 10 + RESUMED_NOTE_SECONDS) ? (
      <span className={resumed.expected === null || resumed.expected === resumed.got ? 'resumed-note' : 'resumed-note mismatch'} data-testid="resumed" title={`${noteText} · ${resumed.got}`}>
        {noteText}
      </span>
    ) : null;
  return (
    <header className="topbar">
      <div className="bar-info">
        {/* The app's name over the drill's: the title gets the brand's width too, and the bar stays one row. */}
        <span className="bar-name">
          {/* The note that a run was resumed takes the brand's line for a while: in the row of
              buttons it pushed the bar to two rows at 1440 px, which then jumped back to one. */}
          {resumedNote ?? <strong className="brand">{t('app.title')}</strong>}
          <span className="scenario-title" title={title}>
            {title}
          </span>
        </span>
        <span className="clock" data-testid="clock" title={t('run.clock')}>
          {clock(seconds)}
        </span>
        <button type="button" onClick={api.togglePlay} disabled={ended} aria-keyshortcuts="Space">
          {running ? t('run.pause') : t('run.play')}
        </button>
        <button type="button" onClick={api.step} disabled={ended}>
          {t('run.step')}
        </button>
        <SpeedButtons />
        {branchOf && (
          <span className="badge-note" data-testid="branch-of">
            {t('run.branch', { name: branchOf.name, time: clock(branchOf.tick / 10) })}
          </span>
        )}
      </div>
      <div className="bar-actions">
        {eStop ? (
          <button type="button" className="estop released" onClick={() => api.send({ type: 'releaseEStop' })}>
            {t('cmd.releaseEStop')}
          </button>
        ) : (
          <button type="button" className="estop" onClick={() => api.send({ type: 'eStop' })} aria-keyshortcuts="Shift+E" title={t('run.eStopKey')}>
            {t('cmd.eStop')}
          </button>
        )}
        <button type="button" onClick={onMute} aria-pressed={muted}>
          {muted ? t('run.unmute') : t('run.mute')}
        </button>
        <button type="button" onClick={() => setLanguage(lang === 'en' ? 'nb' : 'en')}>
          {t('lang.switch')}
        </button>
        <HelpButton />
        <ExportButton />
        <EndDrill ended={ended} onEnd={api.finish} onRunOn={api.runToEnd} />
      </div>
    </header>
  );
}
