import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import defaultScenario from '../../scenarios/tutorial-line.json';
import { clearDraft, type Draft, loadDraft } from '../session/autosave';
import { hasSessions } from '../session/saved-sessions';
import { createSimStore } from '../store/sim-store';
import { SimContext } from '../store/use-sim';
import { getLanguage, setLanguage } from '../i18n';
import { ResumeBanner } from '../ui/ResumeBanner';
import { UpdateBanner } from '../ui/UpdateBanner';
import { App, preloadControlRoom } from './App';
import { idsOf, openClassCompare, openClassRun } from './class-run';
import { persist } from './persist';
import { registerPwa } from './pwa';
import { startLineLink } from './line-link';
import { startSchoolSync } from './school-sync';
import './styles.css';

const store = createSimStore();
setLanguage(getLanguage());

const InstructorPage = lazy(() => import('../ui/InstructorPage').then((m) => ({ default: m.InstructorPage })));

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  if (params.has('instructor')) {
    // The instructor's page on a school server: no drill, no store, no sync.
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <Suspense fallback={null}>
          <InstructorPage />
        </Suspense>
      </StrictMode>,
    );
    return;
  }
  // An instructor opening a student's run (class pages): a replay, followed while it runs, or two side by side.
  const classRun = idsOf(params.get('classRun'), 2);
  const classCompare = idsOf(params.get('classCompare'), 3);
  const fromClass = classRun !== null || classCompare !== null;
  // Opening on a drill: the 3D control room's code (the biggest part) loads beside the rest, not
  // after it (index.html already fetches it; this runs it). The library loads without it.
  const room = params.has('library') || classCompare !== null ? null : preloadControlRoom();
  const [draft, returning]: [Draft | null, boolean] = await Promise.all([loadDraft(), hasSessions()]);
  // A first visit (`npm start` on a fresh browser) opens on the default scenario, running; a
  // returning student (a run or a session kept in this browser) on the library, with their
  // progress, and `?library` always. A saved run is offered first and nothing overwrites it
  // until the student chooses.
  if (draft === null && !returning && !params.has('library') && !fromClass) {
    store.getState().load(defaultScenario);
    store.getState().begin();
  }
  // Loading in parallel with the draft: a drill page renders the control room at once.
  await room;
  persist(store);
  startSchoolSync(store);
  startLineLink(store);
  registerPwa();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SimContext.Provider value={store}>
        {draft && !fromClass && <ResumeBanner draft={draft} onDiscard={() => void clearDraft()} />}
        <UpdateBanner />
        <App />
      </SimContext.Provider>
    </StrictMode>,
  );
  if (classRun !== null) void openClassRun(store, classRun[0]!, classRun[1]!);
  if (classCompare !== null) void openClassCompare(store, classCompare[0]!, classCompare[1]!, classCompare[2]!);
}

void start();
