import { ENGINE_VERSION } from '../engine';
import { textOf } from '../scenario';
import { scoreSoFar } from '../assessment';
import { useSim, useSimApi } from '../store/use-sim';
import { clock, scoreText } from './format';
import { downloadSession } from './download';
import { setLanguage, useT } from '../i18n';
import { HelpButton } from './HelpPanel';

/** A followed run: live (moving with it), behind it (with the way back), or ended. */
function LiveTail() {
  const { t } = useT();
  const live = useSim((s) => s.replay?.live ?? null);
  const behind = useSim((s) => Math.max(0, (s.replay?.endTick ?? 0) - (s.observation?.tick ?? 0)));
  const backToLive = useSim((s) => s.backToLive);
  if (live === null) return null;
  if (live.ended) return <span className="badge" data-testid="live-tail">{t('follow.ended')}</span>;
  return (
    <span className="live-tail" data-testid="live-tail">
      {live.following ? (
        <span className="badge live">● {t('follow.live')}</span>
      ) : (
        <>
          <span className="muted">{t('follow.behind', { time: clock(behind / 10) })}</span>{' '}
          <button type="button" onClick={backToLive} data-testid="back-to-live">
            {t('follow.backToLive')}
          </button>
        </>
      )}
    </span>
  );
}

/** The replay's top bar: what is replayed, whether it is genuine, and the instructor's switches. */
export function ReplayBar() {
  const { t, lang } = useT();
  const scenario = useSim((s) => s.scenario);
  const replay = useSim((s) => s.replay);
  // Actions only: they never change, so this does not re-render with the whole store.
  const api = useSimApi().getState();
  if (replay === null) return null;
  const v = replay.verification;
  const a = replay.assessment;
  const title = (scenario ? textOf(scenario.title, lang) : '') + (replay.session.name ? ` · ${replay.session.name}` : '');
  return (
    <header className="topbar replay-bar">
      <div className="bar-info">
        <strong className="brand">{t('app.title')}</strong>
        <span className="badge" data-testid="replay-badge">
          {t('replay.badge')}
        </span>
        <span className="scenario-title" title={title}>
          {title}
        </span>
        <span className={v === null ? 'muted' : v.reproduces ? 'ok' : 'refusal'} data-testid="replay-verification">
          {v === null
            ? t('replay.checking')
            : v.kind === 'reproduces'
              ? `✓ ${v.recordedWith === null ? t('replay.reproduces') : t('replay.reproducesOther', { recorded: v.recordedWith })}`
              : v.recordedWith === null
                ? `⚠ ${t('replay.diverges', { time: clock(v.firstDivergentTick / 10) })}`
                : `⚠ ${t('replay.divergesOther', { time: clock(v.firstDivergentTick / 10), recorded: v.recordedWith, current: ENGINE_VERSION })}`}
        </span>
        {replay.live !== null && <LiveTail />}
        {a && (
          <span data-testid="replay-score">
            {replay.live !== null && !replay.live.ended ? t('follow.scoreSoFar', { score: scoreText(scoreSoFar(a), lang) }) : t('replay.scoreLine', { score: scoreText(a.score, lang), verdict: a.passed ? t('debrief.passed') : t('debrief.failed') })}
          </span>
        )}
      </div>
      <div className="bar-actions">
        <label className="toggle">
          <input type="checkbox" checked={replay.presenter} onChange={(e) => api.setPresenter(e.target.checked)} data-testid="presenter-toggle" />
          {t('replay.presenter')}
        </label>
        <label className="toggle">
          <input type="checkbox" checked={replay.showTruth} onChange={(e) => api.setShowTruth(e.target.checked)} data-testid="truth-toggle" />
          {t('replay.truth')}
        </label>
        <button type="button" onClick={() => setLanguage(lang === 'en' ? 'nb' : 'en')}>
          {t('lang.switch')}
        </button>
        <HelpButton />
        <button
          type="button"
          onClick={() => {
            const file = api.replaySession();
            if (file) downloadSession(file, `${scenario?.id ?? 'session'}-${file.endTick}.session.json`);
          }}
        >
          {t('replay.export')}
        </button>
        <button type="button" className="primary" onClick={api.takeOver} disabled={!replay.ready} data-testid="take-over">
          {t('replay.takeOver')}
        </button>
        <button type="button" onClick={api.toLibrary}>
          {t('replay.close')}
        </button>
      </div>
    </header>
  );
}
