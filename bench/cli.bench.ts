/**
 * The CLI as a whole process (issue 15), printed, never asserted: how long `npm run sim` takes to
 * start (a one-minute run) and to simulate the reference line for 300 days, pre-bundled (as
 * shipped: src/cli/launch.cjs) and from source through tsx, side by side, median of five each.
 * npm's own start-up (~0.25 s here) comes on top of both and is not ours to cut: run
 * `node src/cli/launch.cjs` to skip it. SimPy's peer model takes about 4.7 s for 300 days here.
 */
import { spawnSync } from 'node:child_process';

const SHORT = ['scenarios/reference-line5.json', '--duration', '1m', '--warmup', '1s'];
const LONG = ['scenarios/reference-line5.json', '--duration', '300d'];
const SIMPY_300D_MS = 4700;

function median(xs: number[]): number {
  const a = xs.slice().sort((x, y) => x - y);
  return a[Math.floor(a.length / 2)]!;
}

function timed(cmd: string, args: string[]): number {
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
    times.push(performance.now() - t0);
  }
  return median(times);
}

spawnSync(process.execPath, ['src/cli/launch.cjs', '--build']);
const node = timed(process.execPath, ['-e', '0']);
const rows: [string, string[]][] = [
  ['pre-bundled (npm run sim)', [process.execPath, 'src/cli/launch.cjs']],
  ['from source (tsx)', ['node_modules/.bin/tsx', 'src/cli/sim.ts']],
];
console.log(`CLI, whole process (median of 5; node itself starts in ${node.toFixed(0)} ms here)`);
console.log('                             start (1 min run)   reference line 300 d   vs SimPy 300 d');
for (const [name, [cmd, ...pre]] of rows) {
  const start = timed(cmd!, [...pre, ...SHORT]);
  const long = timed(cmd!, [...pre, ...LONG]);
  console.log(`${name.padEnd(28)} ${`${start.toFixed(0)} ms`.padStart(17)}   ${`${long.toFixed(0)} ms`.padStart(20)}   ${(SIMPY_300D_MS / long).toFixed(1).padStart(12)}x`);
}
