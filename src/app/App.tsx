import { useSim } from '../store/use-sim';
import { Briefing } from '../ui/Briefing';
import { Compare } from '../ui/Compare';
import { ControlRoom } from '../ui/ControlRoom';
import { Debrief } from '../ui/Debrief';
import { Library } from '../ui/Library';

/** The session flow: library → briefing → control room → debrief; replay and compare from the library. */
export function App() {
  const phase = useSim((s) => s.phase);
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
