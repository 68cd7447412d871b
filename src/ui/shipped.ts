import { loadScenarioText, type ScenarioFile } from '../scenario';
import { curriculumOrder } from './library-progress';

/** Every scenario shipped in scenarios/, bundled at build time (no network at run time). */
const shipped = import.meta.glob<{ default: unknown }>(['../../scenarios/*.json', '!../../scenarios/scenario.schema.json'], { eager: true });

/** The shipped scenarios in curriculum order (the library's, and what an instructor assigns from). */
export function shippedScenarios(): ScenarioFile[] {
  const out: ScenarioFile[] = [];
  for (const mod of Object.values(shipped)) {
    const r = loadScenarioText(JSON.stringify(mod.default));
    if (r.ok) out.push(r.scenario);
  }
  return curriculumOrder(out);
}
