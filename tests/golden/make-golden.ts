/**
 * Regenerates the golden session (run only after a deliberate engine change, together with a
 * new ENGINE_VERSION): `npx tsx tests/golden/make-golden.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from '../../src/engine';
import { loadScenarioText } from '../../src/scenario';
import { replay } from '../../src/session/record';
import { makeSession } from '../../src/session/session-file';

const r = loadScenarioText(readFileSync('scenarios/breakdown-drill.json', 'utf8'));
if (!r.ok) throw new Error('scenario does not load');
const commands = (JSON.parse(readFileSync('tests/solutions/breakdown-drill.json', 'utf8')) as { reference: Command[] }).reference;
const { checkpoints } = replay(r.model, r.scenario.seed, commands, r.model.durationTicks);
const session = makeSession(r.scenario, r.scenario.seed, commands, r.model.durationTicks, checkpoints, 'golden: breakdown drill, reference solution');
writeFileSync('tests/golden/breakdown-drill.session.json', `${JSON.stringify(session, null, 1)}\n`);
