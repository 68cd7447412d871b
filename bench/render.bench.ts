/**
 * Browser benchmark (printed, never asserted): draw calls, triangles and JS time per frame in
 * headless Chromium (software WebGL), with about 2,000 parts in flight, at 1× and at 60×; then
 * the time a replay seek takes in the page.
 * Run with `npm run bench:render` (it builds the app and serves it on 127.0.0.1).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { type Browser, chromium } from 'playwright-core';

const URL = 'http://127.0.0.1:4174/?library&stats';

function serve(): ChildProcess {
  return spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', '4174', '--strictPort'], { stdio: 'ignore' });
}

async function waitForServer(): Promise<void> {
  for (let k = 0; k < 100; k++) {
    try {
      if ((await fetch(URL)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('preview server did not start');
}

interface Sample {
  calls: number;
  triangles: number;
  ms: number;
}

function median(xs: number[]): number {
  const a = xs.slice().sort((x, y) => x - y);
  return a[Math.floor(a.length / 2)] ?? 0;
}

/**
 * Replay seeks as the instructor feels them: a click on the timeline until the replayed tick is
 * on screen (pointer → store → engine worker → frame → React → next animation frame). Includes
 * the DevTools protocol's own round trip, so it is an upper bound.
 */
async function seekBench(browser: Browser): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(URL);
  await page.getByTestId('replay-file').setInputFiles('tests/golden/breakdown-drill.session.json');
  const track = page.getByTestId('timeline-track');
  await track.waitFor();
  await page.getByTestId('replay-verification').filter({ hasText: 'Reproduces' }).waitFor();
  const box = (await track.boundingBox())!;
  const times: number[] = [];
  let x = 0.37;
  for (let k = 0; k < 40; k++) {
    x = (x * 7.31 + 0.113) % 1;
    const before = await track.getAttribute('aria-valuenow');
    const t0 = performance.now();
    await page.mouse.click(box.x + 2 + x * (box.width - 4), box.y + 5);
    await page.waitForFunction((prev) => document.querySelector('[data-testid="timeline-track"]')?.getAttribute('aria-valuenow') !== prev, before, { polling: 'raf' });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `replay seek in the page (2 h session, click to the new tick on screen): median ${median(times).toFixed(1)} ms, ` +
      `90th percentile ${times[Math.floor(times.length * 0.9)]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms over ${times.length} seeks (aim: under 100 ms)`,
  );
  await page.close();
}

async function main(): Promise<void> {
  const server = serve();
  try {
    await waitForServer();
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(URL);
    await page.getByTestId('scenario-file').setInputFiles('bench/render-line.json');
    await page.getByRole('button', { name: 'Start the shift' }).click();
    await page.getByRole('button', { name: '60×' }).click();
    const wip = page.getByTestId('kpi-wip');
    const t0 = Date.now();
    while (Number(await wip.textContent()) < 2000 && Date.now() - t0 < 120_000) await page.waitForTimeout(500);
    console.log(`Render benchmark, headless Chromium with SwiftShader (software WebGL): ${await wip.textContent()} parts in flight`);
    for (const speed of ['60×', '1×']) {
      await page.getByRole('button', { name: speed }).click();
      await page.evaluate(() => {
        window.__lfRender = [];
      });
      await page.waitForTimeout(4000);
      const samples = (await page.evaluate(() => window.__lfRender ?? [])) as Sample[];
      console.log(
        `${speed.padEnd(4)} ${samples.length} frames in 4 s: median ${median(samples.map((s) => s.calls))} draw calls, ` +
          `${median(samples.map((s) => s.triangles))} triangles, JS ${median(samples.map((s) => s.ms)).toFixed(2)} ms per frame ` +
          `(90th percentile ${samples.map((s) => s.ms).sort((a, b) => a - b)[Math.floor(samples.length * 0.9)]?.toFixed(2) ?? '-'} ms)`,
      );
    }
    // The big line stops first: the seek is measured on an otherwise idle machine.
    await page.close();
    await seekBench(browser);
    await browser.close();
  } finally {
    server.kill();
  }
}

void main();
