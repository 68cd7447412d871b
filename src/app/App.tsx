import { useSim } from '../store/use-sim';
import { Briefing } from '../ui/Briefing';
import { ControlRoom } from '../ui/ControlRoom';
import { Debrief } from '../ui/Debrief';
import { Library } from '../ui/Library';

/** The session flow: library → briefing → control room → debrief. */
export function App() {
  const phase = useSim((s) => s.phase);
  switch (phase) {
    case 'library':
      return <Library />;
    case 'briefing':
      return <Briefing />;
    case 'running':
      return <ControlRoom />;
    case 'debrief':
      return <Debrief />;
  }
}
