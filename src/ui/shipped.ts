import { loadScenarioText, type ScenarioFile } from '../scenario';
import { curriculumOrder } from './library-progress';

/** Every scenario shipped in scenarios/, bundled at build time (no network at run time). */
const shipped = import.meta.glob<{ default: unknown }>(['../../scenarios/*.json', '!../../scenarios/scenario.schema.json'], { eager: true });

let checked: readonly ScenarioFile[] | null = null;

/**
 * The shipped scenarios in curriculum order (the library's, and what an instructor assigns
 * from), checked once per page: the library asked on every render, which validated and
 * compiled all of them each time (~20-80 ms here).
 */
export function shippedScenarios(): readonly ScenarioFile[] {
  if (checked === null) {
    const out: ScenarioFile[] = [];
    for (const mod of Object.values(shipped)) {
      const r = loadScenarioText(JSON.stringify(mod.default));
      if (r.ok) out.push(r.scenario);
    }
    checked = curriculumOrder(out);
  }
  return checked;
}

/** A shipped scenario's file as written (raw JSON, keys in the file's order), for the editor to copy. */
export function shippedFile(id: string): { [key: string]: unknown } | null {
  for (const mod of Object.values(shipped)) {
    const raw = mod.default as { id?: unknown };
    if (raw !== null && typeof raw === 'object' && raw.id === id) return JSON.parse(JSON.stringify(raw)) as { [key: string]: unknown };
  }
  return null;
}
