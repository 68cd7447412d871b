/**
 * The 3D preview beside the graph: the same line as the control room draws it, from a store
 * and engine of its own (in-process: it shows the line at its start, which costs nothing to
 * simulate), reloaded a moment after each change that leaves the file without errors.
 */
import { lazy, Suspense, useEffect, useMemo } from 'react';
import type { ScenarioFile } from '../../scenario';
import { localHost } from '../../session/engine-host';
import { browserClock, createSimStore } from '../../store/sim-store';
import { SimContext } from '../../store/use-sim';
import { useT } from '../../i18n';

const LineView = lazy(() => import('../../scene/LineView').then((m) => ({ default: m.LineView })));

/** How long the preview waits after a change before it draws the line again. */
const SETTLE_MS = 400;

export function LinePreview({ scenario }: { readonly scenario: ScenarioFile | null }) {
  const { t } = useT();
  const store = useMemo(() => createSimStore(browserClock, localHost()), []);
  useEffect(() => {
    if (scenario === null) return;
    const id = setTimeout(() => store.getState().load(scenario), SETTLE_MS);
    return () => clearTimeout(id);
  }, [scenario, store]);
  return (
    <section className="line-preview" aria-label={t('editor.preview')} data-testid="line-preview">
      {scenario === null ? (
        <p className="muted">{t('editor.previewInvalid')}</p>
      ) : (
        <SimContext.Provider value={store}>
          <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
            <LineView />
          </Suspense>
        </SimContext.Provider>
      )}
    </section>
  );
}
