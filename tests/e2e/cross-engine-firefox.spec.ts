import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { replaySession, run } from './engine-entry';
import { expect, test } from './fixtures';

/**
 * Firefox (SpiderMonkey) against Node (V8): Playwright cannot drive Debian's firefox-esr, so
 * puppeteer-core does, over WebDriver BiDi. No WebGL is needed: only the engine runs there.
 */
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const golden = readFileSync('tests/golden/breakdown-drill.session.json', 'utf8');
const reference = readFileSync('scenarios/reference-line5.json', 'utf8');
const TICKS = [0, 6_000, 36_000, 360_000, 864_000];

test('a recorded session and a long run give bit-identical hashes in Firefox, Chromium and Node', async ({ page, guard }) => {
  void guard;
  test.setTimeout(120_000);
  const bundle = (await build({ entryPoints: ['tests/e2e/engine-entry.ts'], bundle: true, write: false, format: 'iife', globalName: 'LF', target: 'es2022' })).outputFiles[0]!.text;
  const inNode = { session: replaySession(golden), run: run(reference, 7, TICKS) };
  // The golden file's own hashes: Node reproduces them.
  expect(inNode.session).toEqual(JSON.parse(golden).checkpoints);

  await page.goto('/');
  await page.addScriptTag({ content: bundle });
  type LF = { LF: { replaySession: typeof replaySession; run: typeof run } };
  const inChromium = await page.evaluate(([g, r, ticks]) => {
    const lf = (globalThis as unknown as LF).LF;
    return { session: lf.replaySession(g as string), run: lf.run(r as string, 7, ticks as number[]) };
  }, [golden, reference, TICKS] as const);
  expect(inChromium).toEqual(inNode);

  const firefox = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, args: ['--no-remote'] });
  try {
    const ff = await firefox.newPage();
    await ff.goto('about:blank');
    await ff.evaluate(bundle);
    const userAgent = await ff.evaluate(() => navigator.userAgent);
    expect(userAgent).toContain('Firefox');
    const inFirefox = await ff.evaluate(
      (g, r, ticks) => {
        const lf = (globalThis as unknown as LF).LF;
        return { session: lf.replaySession(g), run: lf.run(r, 7, ticks) };
      },
      golden,
      reference,
      TICKS,
    );
    expect(inFirefox).toEqual(inNode);
  } finally {
    await firefox.close();
  }
});
