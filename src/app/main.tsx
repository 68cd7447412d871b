import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import defaultScenario from '../../scenarios/tutorial-line.json';
import { createSimStore } from '../store/sim-store';
import { SimContext } from '../store/use-sim';
import { App } from './App';
import './styles.css';

const store = createSimStore();
store.getState().load(defaultScenario);
store.getState().play();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SimContext.Provider value={store}>
      <App />
    </SimContext.Provider>
  </StrictMode>,
);
