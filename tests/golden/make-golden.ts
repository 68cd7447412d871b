/**
 * Regenerates the golden sessions (run only after a deliberate engine change, together with a
 * new ENGINE_VERSION): `npx tsx tests/golden/make-golden.ts`. Each is a shipped drill played
 * with one of its scripted responses from tests/solutions/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from '../../src/engine';
import { loadScenarioText } from '../../src/scenario';
import { replay } from '../../src/session/record';
import { makeSession } from '../../src/session/session-file';

export const GOLDEN = [
  { scenario: 'breakdown-drill', response: 'reference', file: 'breakdown-drill', name: 'golden: breakdown drill, reference solution' },
  { scenario: 'tool-wear-drift', response: 'reference', file: 'tool-wear-drift', name: 'golden: tool wear drift, reference solution' },
  { scenario: 'stuck-sensor', response: 'wrong', file: 'stuck-sensor-wrong', name: 'golden: stuck sensor, the tempting wrong fix' },
] as const;

if (process.argv[1]?.endsWith('make-golden.ts')) {
  for (const g of GOLDEN) {
    const r = loadScenarioText(readFileSync(`scenarios/${g.scenario}.json`, 'utf8'));
    if (!r.ok) throw new Error(`${g.scenario} does not load`);
    const commands = (JSON.parse(readFileSync(`tests/solutions/${g.scenario}.json`, 'utf8')) as Record<string, Command[]>)[g.response]!;
    const { checkpoints } = replay(r.model, r.scenario.seed, commands, r.model.durationTicks);
    const session = makeSession(r.scenario, r.scenario.seed, commands, r.model.durationTicks, checkpoints, { name: g.name });
    writeFileSync(`tests/golden/${g.file}.session.json`, `${JSON.stringify(session, null, 1)}\n`);
  }
}
