/**
 * Registers the service worker that makes the app work offline (built by vite-plugin-pwa) and
 * passes what it says to the panels. A new version waits until the student chooses to take it.
 */
import { registerSW } from 'virtual:pwa-register';
import { setPwaState, setUpdater } from '../ui/pwa-state';

export function registerPwa(): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  // A page already controlled by the worker was loaded from its cache: it works offline.
  if (navigator.serviceWorker.controller !== null) setPwaState({ offline: true });
  const update = registerSW({
    onOfflineReady: () => setPwaState({ offline: true }),
    onNeedRefresh: () => setPwaState({ updateWaiting: true }),
  });
  setUpdater(() => {
    // Reload once the new version controls the page. The plugin reloads only a page that was
    // already controlled when it registered; a first visit's page must be reloaded here.
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    void update(true);
  });
}
