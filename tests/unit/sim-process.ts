import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The CLI as `npm run sim` runs it: the launcher, which (re)builds the bundle when a source is newer. */
export const NODE = process.execPath;
export const SIM = join(__dirname, '../../src/cli/launch.cjs');

/** `npm run sim -- …` as a child process, from the repository's root. */
export function sim(args: string[]) {
  return spawnSync(NODE, [SIM, ...args], { encoding: 'utf8', cwd: join(__dirname, '../..') });
}
