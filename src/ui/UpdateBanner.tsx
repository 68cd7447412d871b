import { useEffect, useState } from 'react';
import { useSim } from '../store/use-sim';
import { useT } from '../i18n';
import { applyUpdate, usePwa } from './pwa-state';

/**
 * A new version of the app has been downloaded: offered, never forced. Nothing reloads while a
 * drill, a replay or an analysis is under way: the offer comes back in the library. There it
 * can be put away (it sat over the alarm list at 1024 x 768 for the rest of the drill).
 */
export function UpdateBanner() {
  const { t } = useT();
  const busy = useSim((s) => s.phase === 'running' || s.phase === 'replay' || s.job !== null);
  const { updateWaiting } = usePwa();
  const [hidden, setHidden] = useState(false);
  // Put away for this drill only: out of it, the offer is back.
  useEffect(() => {
    if (!busy) setHidden(false);
  }, [busy]);
  if (!updateWaiting || (busy && hidden)) return null;
  return (
    <div className="app-banner" role="status" data-testid="update-available">
      <span>{busy ? t('pwa.updateLater') : t('pwa.update')}</span>
      {busy ? (
        <button type="button" onClick={() => setHidden(true)}>
          {t('pwa.hide')}
        </button>
      ) : (
        <button type="button" className="primary" onClick={applyUpdate}>
          {t('pwa.updateNow')}
        </button>
      )}
    </div>
  );
}

/** In the library: whether this browser can run the app with the network off. */
export function OfflineStatus() {
  const { t } = useT();
  const { offline } = usePwa();
  // The development server has no service worker: it would promise what it cannot keep.
  if (import.meta.env.DEV) return null;
  return (
    <span className={`offline-status ${offline ? 'ready' : ''}`} data-testid="offline-status">
      {offline ? `✓ ${t('pwa.offlineReady')}` : t('pwa.offlineNotYet')}
    </span>
  );
}
