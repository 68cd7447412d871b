import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import defaultScenario from '../../scenarios/tutorial-line.json';
import { clearDraft, type Draft, loadDraft, saveDraft } from '../session/autosave';
import { createSimStore } from '../store/sim-store';
import { SimContext } from '../store/use-sim';
import { getLanguage, setLanguage } from '../ui/i18n';
import { ResumeBanner } from '../ui/ResumeBanner';
import { App } from './App';
import './styles.css';

const store = createSimStore();
setLanguage(getLanguage());

/** Save the run as the student works: on every command and every few seconds while it runs. */
function autosave(): void {
  let lastSave = 0;
  let lastCommands = 0;
  store.subscribe((s) => {
    if (s.scenario === null || s.observation === null || s.phase !== 'running') return;
    const now = Date.now();
    if (s.commands.length === lastCommands && now - lastSave < 3000) return;
    lastSave = now;
    lastCommands = s.commands.length;
    void saveDraft({ scenario: s.scenario, commands: s.commands, tick: s.observation.tick, savedAt: new Date().toISOString() });
  });
}

async function start(): Promise<void> {
  const draft: Draft | null = await loadDraft();
  const params = new URLSearchParams(location.search);
  // `npm start` opens on the default scenario, running; `?library` opens the library. A saved
  // run is offered first and nothing overwrites it until the student chooses.
  if (draft === null && !params.has('library')) {
    store.getState().load(defaultScenario);
    store.getState().begin();
  }
  autosave();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SimContext.Provider value={store}>
        {draft && <ResumeBanner draft={draft} onDiscard={() => void clearDraft()} />}
        <App />
      </SimContext.Provider>
    </StrictMode>,
  );
}

void start();
