/**
 * Regenerates the golden sessions (run only after a deliberate engine change, together with a
 * new ENGINE_VERSION): `npx tsx tests/golden/make-golden.ts`. Each is a shipped drill played
 * with one of its scripted responses from tests/solutions/.
 *
 * `npx tsx tests/golden/make-golden.ts --migrate` instead keeps each file as it is (its embedded
 * scenario, from an older edition of the drill, and its commands) and records only its hashes
 * again with this engine, and this engine's version: the files then go on testing that an old
 * session's scenario still loads.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type Command, ENGINE_VERSION } from '../../src/engine';
import { loadScenarioJson, loadScenarioText } from '../../src/scenario';
import { replay } from '../../src/session/record';
import { loadSessionText, makeSession } from '../../src/session/session-file';

export const GOLDEN = [
  { scenario: 'breakdown-drill', response: 'reference', file: 'breakdown-drill', name: 'golden: breakdown drill, reference solution' },
  { scenario: 'tool-wear-drift', response: 'reference', file: 'tool-wear-drift', name: 'golden: tool wear drift, reference solution' },
  { scenario: 'stuck-sensor', response: 'wrong', file: 'stuck-sensor-wrong', name: 'golden: stuck sensor, the tempting wrong fix' },
] as const;

function migrate(): void {
  for (const f of readdirSync('tests/golden').filter((x) => x.endsWith('.session.json'))) {
    const text = readFileSync(`tests/golden/${f}`, 'utf8');
    const loaded = loadSessionText(text);
    if (!loaded.ok) throw new Error(`${f} does not load`);
    const r = loadScenarioJson(loaded.session.scenario);
    if (!r.ok) throw new Error(`${f}: its scenario does not load`);
    const { checkpoints } = replay(r.model, loaded.session.seed, loaded.session.commands, loaded.session.endTick);
    // Written from the file's own JSON, so nothing but the version and the hashes moves.
    const raw = JSON.parse(text) as Record<string, unknown>;
    writeFileSync(`tests/golden/${f}`, `${JSON.stringify({ ...raw, engine: ENGINE_VERSION, checkpoints }, null, 1)}\n`);
  }
}

if (process.argv[1]?.endsWith('make-golden.ts') && process.argv.includes('--migrate')) migrate();
else if (process.argv[1]?.endsWith('make-golden.ts')) {
  for (const g of GOLDEN) {
    const r = loadScenarioText(readFileSync(`scenarios/${g.scenario}.json`, 'utf8'));
    if (!r.ok) throw new Error(`${g.scenario} does not load`);
    const commands = (JSON.parse(readFileSync(`tests/solutions/${g.scenario}.json`, 'utf8')) as Record<string, Command[]>)[g.response]!;
    const { checkpoints } = replay(r.model, r.scenario.seed, commands, r.model.durationTicks);
    const session = makeSession(r.scenario, r.scenario.seed, commands, r.model.durationTicks, checkpoints, { name: g.name });
    writeFileSync(`tests/golden/${g.file}.session.json`, `${JSON.stringify(session, null, 1)}\n`);
  }
}
