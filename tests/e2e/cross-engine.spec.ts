import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { run } from './engine-entry';
import { expect, test } from './fixtures';

const TICKS = [0, 6_000, 36_000, 360_000, 864_000, 1_728_000];

for (const id of ['reference-line5', 'tool-wear-drift', 'stuck-sensor']) {
  test(`${id}: the engine gives bit-identical state hashes in Chromium and in Node`, async ({ page, guard }) => {
    void guard;
    const text = readFileSync(`scenarios/${id}.json`, 'utf8');
    const bundle = await build({ entryPoints: ['tests/e2e/engine-entry.ts'], bundle: true, write: false, format: 'iife', globalName: 'LF', target: 'es2022' });
    await page.goto('/');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const inBrowser = await page.evaluate(([t, ticks]) => (globalThis as unknown as { LF: { run: typeof run } }).LF.run(t as string, 7, ticks as number[]), [text, TICKS] as const);
    expect(inBrowser).toEqual(run(text, 7, TICKS));
  });
}
