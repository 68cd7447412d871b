import { useEffect, useState } from 'react';
import { ObjectiveHow } from './ObjectiveHow';
import { objectiveText, textOf } from '../scenario';
import { LineView } from '../scene/LineView';
import { useSim } from '../store/use-sim';
import { AlarmList } from './AlarmList';
import { beep, unlockAudio } from './alarm-horn';
import { Faceplate } from './Faceplate';
import { useT } from '../i18n';
import { FollowPanel } from './FollowPanel';
import { InstructorMessage } from './InstructorMessage';
import { HmiDown } from './HmiDown';
import { LineLinkPanel } from './LineLinkPanel';
import { InstructorPanel } from './InstructorPanel';
import { KpiStrip } from './KpiStrip';
import { ReplayBar } from './ReplayBar';
import { ReportFigure } from './ReportFigure';
import { NotesPanel, PresenterNote, TruthPanel } from './ReplayPanels';
import { StationList } from './StationList';
import { HelpPanel, toggleHelp } from './HelpPanel';
import { Tour } from './Tour';
import { AlarmAnnouncer } from './AlarmAnnouncer';
import { StorageAlert } from './StorageAlert';
import { Timeline } from './Timeline';
import { Toasts } from './Toasts';
import { TopBar } from './TopBar';
import { WorkProgress } from './WorkProgress';

const MUTE_KEY = 'lf.muted';

function Objectives() {
  const { t, lang } = useT();
  const objectives = useSim((s) => s.scenario?.objectives);
  const hints = useSim((s) => s.scenario?.hints);
  const used = useSim((s) => s.commands.filter((c) => c.type === 'hint').length);
  const send = useSim((s) => s.send);
  const readOnly = useSim((s) => s.phase === 'replay');
  const hintsAllowed = useSim((s) => s.hintsAllowed);
  if (!objectives?.length && !hints?.length) return null;
  return (
    <section className="objectives-panel">
      <h3>{t('run.objectives')}</h3>
      <ul>
        {(objectives ?? []).map((o) => (
          <li key={objectiveText(o)}>
            {objectiveText(o, lang)}
            <ObjectiveHow objective={o} />
            {typeof o === 'object' && 'check' in o && o.check.kind === 'reportFigure' && <ReportFigure figure={o.check.figure} station={o.check.station} />}
          </li>
        ))}
      </ul>
      {hints && hints.length > 0 && !hintsAllowed && !readOnly && (
        <p className="muted" data-testid="hints-off">
          {t('assigned.noHints')}
        </p>
      )}
      {hints && hints.length > 0 && hintsAllowed && (
        <>
          <ol className="hints" data-testid="hints">
            {hints.slice(0, used).map((h) => (
              <li key={textOf(h)}>{textOf(h, lang)}</li>
            ))}
          </ol>
          {used < hints.length && !readOnly && (
            <button type="button" onClick={() => send({ type: 'hint' })}>
              {t('run.hint', { left: hints.length - used })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** While a replay is being opened or a run rebuilt: how far, and Cancel (back to the library). */
function Rebuilding() {
  const { t } = useT();
  const job = useSim((s) => (s.job?.what === 'replay' || s.job?.what === 'resume' ? s.job : null));
  const cancel = useSim((s) => s.cancelJob);
  if (job === null) return null;
  return (
    <div className="work-overlay">
      <WorkProgress label={t(job.what === 'replay' ? 'work.replay' : 'work.resume')} fraction={job.fraction} onCancel={cancel} />
    </div>
  );
}

export function ControlRoom() {
  const togglePlay = useSim((s) => s.togglePlay);
  const step = useSim((s) => s.step);
  const unacked = useSim((s) => s.observation?.alarms.filter((a) => a.phase === 'unack').length ?? 0);
  const replaying = useSim((s) => s.phase === 'replay');
  const send = useSim((s) => s.send);
  const { t } = useT();
  const presenter = useSim((s) => s.replay?.presenter ?? false);
  // A drill with the screens out: only a live run is dark (a replay shows the instructor everything).
  const dark = useSim((s) => s.scenario?.hmi === 'dark' && s.phase !== 'replay');
  const [muted, setMuted] = useState(() => globalThis.localStorage?.getItem(MUTE_KEY) === '1');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
      if (e.code === 'Space') {
        e.preventDefault();
        togglePlay();
      } else if (e.key === '.') {
        step();
      } else if (e.key === '?') {
        e.preventDefault();
        toggleHelp();
      } else if (e.key === 'E' && e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey && !replaying) {
        // The E-stop within one key press from anywhere in the control room (documented on the button).
        e.preventDefault();
        send({ type: 'eStop' });
      }
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', unlockAudio);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', unlockAudio);
    };
  }, [togglePlay, step, send, replaying]);
  useEffect(() => {
    // A replay is watched, not worked: no horn.
    if (muted || unacked === 0 || replaying) return;
    beep();
    const id = setInterval(beep, 2000);
    return () => clearInterval(id);
  }, [muted, unacked, replaying]);
  const onMute = () => {
    const next = !muted;
    setMuted(next);
    globalThis.localStorage?.setItem(MUTE_KEY, next ? '1' : '0');
  };
  return (
    <div className={`control-room${replaying ? ' replaying' : ''}${presenter ? ' presenter' : ''}`}>
      <nav className="skip-links" aria-label={t('skip.heading')}>
        {dark ? (
          <a href="#line-link-heading">{t('link.heading')}</a>
        ) : (
          <>
            <a href="#alarms">{t('skip.alarms')}</a>
            <a href="#faceplate">{t('skip.faceplate')}</a>
          </>
        )}
      </nav>
      {replaying ? <ReplayBar /> : <TopBar muted={muted} onMute={onMute} />}
      <StorageAlert />
      <InstructorMessage />
      <HelpPanel />
      {!replaying && <AlarmAnnouncer />}
      {!dark && <KpiStrip />}
      <div className="room">
        <div className="centre">
          {dark ? (
            <div className="view dark">
              <HmiDown />
              <Toasts />
            </div>
          ) : (
            <div className="view">
              <LineView />
              <Rebuilding />
              {!replaying && <Tour />}
              <PresenterNote />
              <Toasts />
            </div>
          )}
          {replaying && <Timeline />}
          {!dark && <StationList />}
          {!dark && <AlarmList />}
        </div>
        <div className="side">
          {replaying && <TruthPanel />}
          {replaying && <FollowPanel />}
          {replaying && <NotesPanel />}
          {!dark && <Faceplate />}
          <Objectives />
          <LineLinkPanel />
          {!replaying && <InstructorPanel />}
        </div>
      </div>
    </div>
  );
}
