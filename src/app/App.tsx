import { Component, type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { useSim } from '../store/use-sim';
import { Briefing } from '../ui/Briefing';
import { useT } from '../i18n';
import { Library } from '../ui/Library';
import { useEditorRoute } from '../ui/editor-route';

// Split by route: the library and the briefing load first and light; the 3D control room
// (three, fiber, drei), the debrief and the compare view (charts) load when they are opened.
const loadControlRoom = () => import('../ui/ControlRoom');
const LazyControlRoom = lazy(() => loadControlRoom().then((m) => ({ default: m.ControlRoom })));
let LoadedControlRoom: ComponentType | null = null;

/**
 * Start fetching the control room's code now (the page opens on a drill, or the library is
 * idle); resolves once it is loaded, never rejects. A page that waits for it before its first
 * render draws the control room in that render: a lazy component suspends once even when its
 * code is already there, and React then holds the content back up to 300 ms after the
 * fallback was shown, on the way to the first 3D frame.
 */
export function preloadControlRoom(): Promise<void> {
  return loadControlRoom().then(
    (m) => {
      LoadedControlRoom = m.ControlRoom;
    },
    () => undefined,
  );
}

function ControlRoom() {
  return LoadedControlRoom === null ? <LazyControlRoom /> : <LoadedControlRoom />;
}
const Debrief = lazy(() => import('../ui/Debrief').then((m) => ({ default: m.Debrief })));
const Compare = lazy(() => import('../ui/Compare').then((m) => ({ default: m.Compare })));
// The editor (graph, forms, code editor) loads only when an instructor opens it.
const ScenarioEditor = lazy(() => import('../ui/editor/ScenarioEditor').then((m) => ({ default: m.ScenarioEditor })));

function Loading() {
  const { t } = useT();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

function Page() {
  const phase = useSim((s) => s.phase);
  const editing = useEditorRoute();
  if (editing !== null && phase === 'library') return <ScenarioEditor key={String(editing.draft.id)} open={editing} />;
  switch (phase) {
    case 'library':
      return <Library />;
    case 'briefing':
      return <Briefing />;
    case 'running':
    case 'replay':
      return <ControlRoom />;
    case 'compare':
      return <Compare />;
    case 'debrief':
      return <Debrief />;
  }
}

/**
 * A route's code that cannot be loaded (offline before the app was cached, or a file replaced by
 * a new version) says so and how to recover, instead of leaving an empty page.
 */
class RouteLoadError extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}

function LoadFailed() {
  const { t } = useT();
  return (
    <div className="error" role="alert" data-testid="load-failed">
      <p>{t('app.loadFailed')}</p>
      <button type="button" onClick={() => location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}

/** The session flow: library → briefing → control room → debrief; replay and compare from the library. */
export function App() {
  return (
    <RouteLoadError>
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    </RouteLoadError>
  );
}
