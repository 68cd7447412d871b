import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import defaultScenario from '../../scenarios/tutorial-line.json';
import { createSimStore } from '../store/sim-store';
import { SimContext } from '../store/use-sim';
import { getLanguage, setLanguage } from '../ui/i18n';
import { App } from './App';
import './styles.css';

const store = createSimStore();
setLanguage(getLanguage());
// `npm start` opens on the default scenario, running; `?library` opens the scenario library.
const params = new URLSearchParams(location.search);
if (!params.has('library')) {
  store.getState().load(defaultScenario);
  store.getState().begin();
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SimContext.Provider value={store}>
      <App />
    </SimContext.Provider>
  </StrictMode>,
);
