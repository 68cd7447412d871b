import { textOf } from '../scenario';
import { useSim } from '../store/use-sim';
import { LineKpis } from '../ui/LineKpis';
import { RunControls } from '../ui/RunControls';
import { StationTable } from '../ui/StationTable';

export function App() {
  const scenario = useSim((s) => s.scenario);
  const error = useSim((s) => s.error);
  return (
    <main>
      <header>
        <h1>Learning Factory</h1>
        {scenario && <h2>{textOf(scenario.title)}</h2>}
      </header>
      {error && (
        <pre className="error" role="alert">
          {error}
        </pre>
      )}
      {scenario && <p className="briefing">{textOf(scenario.briefing)}</p>}
      <RunControls />
      <LineKpis />
      <StationTable />
    </main>
  );
}
