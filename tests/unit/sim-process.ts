import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const TSX = join(__dirname, '../../node_modules/.bin/tsx');
export const SIM = join(__dirname, '../../src/cli/sim.ts');

/** `npm run sim -- …` as a child process, from the repository's root. */
export function sim(args: string[]) {
  return spawnSync(TSX, [SIM, ...args], { encoding: 'utf8', cwd: join(__dirname, '../..') });
}
