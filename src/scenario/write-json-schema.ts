import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from './json-schema';

writeFileSync('scenarios/scenario.schema.json', scenarioJsonSchema());
process.stdout.write('wrote scenarios/scenario.schema.json\n');
