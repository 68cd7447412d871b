import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE, SIM } from './sim-process';

/**
 * `npm run sim` runs a pre-bundled CLI (issue 15): built on first use and whenever a source is
 * newer than the bundle, never stale. Built here into a folder of its own (LF_CLI_CACHE), so the
 * other tests' shared bundle is left alone.
 */
describe('the pre-bundled CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lf-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) => spawnSync(NODE, [SIM, ...args], { encoding: 'utf8', cwd: join(__dirname, '../..'), env: { ...process.env, LF_CLI_CACHE: dir } });
  const bundle = join(dir, 'sim.cjs');
  const args = ['scenarios/reference-line5.json', '--duration', '1h', '--warmup', '10m', '--json'];

  it('builds the bundle on first use, then runs from it (with a code cache) without building again', () => {
    const first = run(args);
    expect(first.status).toBe(0);
    const built = statSync(bundle).mtimeMs;
    expect(statSync(join(dir, 'experiment-worker.js')).size).toBeGreaterThan(10_000);
    const second = run(args);
    expect(second.status).toBe(0);
    expect(statSync(bundle).mtimeMs).toBe(built);
    expect(statSync(join(dir, 'sim.v8cache')).size).toBeGreaterThan(1000);
    // Same scenario, seed and duration: the same report, bundled or not.
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
  }, 120_000);

  it('rebuilds a bundle older than the sources', () => {
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(bundle, old, old);
    const r = run(args);
    expect(r.status).toBe(0);
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(old.getTime());
  }, 120_000);
});
