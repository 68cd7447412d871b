/**
 * Storage benchmark (printed, never asserted): how much of the browser's storage an eight-hour
 * drill at 60× takes (eight minutes of wall time; LF_STORAGE_HOURS shortens it), with the run
 * kept append-only. Runs the built app in headless Chromium: `npm run bench:storage`.
 */
import { launchChromium, servePreview } from './preview';

const ORIGIN = 'http://127.0.0.1:4175';
const HOURS = Number(process.env.LF_STORAGE_HOURS ?? 8);

async function main(): Promise<void> {
  const server = await servePreview(4175);
  try {
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const idb = async () => {
      const r = (await cdp.send('Storage.getUsageAndQuota', { origin: ORIGIN })) as { usageBreakdown: { storageType: string; usage: number }[] };
      return (r.usageBreakdown.find((b) => b.storageType === 'indexeddb')?.usage ?? 0) / 1024;
    };
    await page.goto(`${ORIGIN}/?library`);
    await page.getByRole('heading', { name: 'Scenario library' }).waitFor();
    const before = await idb();
    // The tutorial line: an eight-hour shift without faults (its journal holds the checkpoints).
    await page.locator('[data-scenario="tutorial-line"] [data-testid="open-scenario"]').click();
    await page.getByRole('button', { name: 'Start the shift' }).click();
    await page.getByRole('button', { name: '60×' }).click();
    const t0 = Date.now();
    const wall = (HOURS * 3600 * 1000) / 60;
    let samples = 0;
    // The tutorial's shift is eight hours: it ends into the debrief (the finished run saved) on its own.
    const debrief = page.getByTestId('debrief');
    let peak = before;
    while (Date.now() - t0 < wall + 30_000 && !(await debrief.isVisible())) {
      await page.waitForTimeout(Math.min(30_000, wall + 30_000 - (Date.now() - t0)));
      samples += 1;
      const clock = (await debrief.isVisible()) ? 'the drill ended,' : `${(await page.getByTestId('clock').textContent()) ?? ''} simulated:`;
      const used = await idb();
      peak = Math.max(peak, used);
      console.log(`  ${((Date.now() - t0) / 1000).toFixed(0)} s wall, ${clock} IndexedDB ${used.toFixed(0)} kB`);
    }
    const commands = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const q = indexedDB.open('learning-factory');
          q.onsuccess = () => {
            const c = q.result.transaction('journal', 'readonly').objectStore('journal').count();
            c.onsuccess = () => resolve(c.result);
          };
        }),
    );
    console.log(
      `storage of a ${HOURS}-hour drill at 60× (${samples} samples): IndexedDB ${before.toFixed(0)} kB in the library before it, at most ${peak.toFixed(0)} kB while it ran ` +
        `(+${(peak - before).toFixed(0)} kB), ${(await idb()).toFixed(0)} kB once it ended and was saved as a finished run; ${commands} journal records left`,
    );
    await browser.close();
  } finally {
    server.kill();
  }
}

void main();
