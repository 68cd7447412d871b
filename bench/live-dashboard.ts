/**
 * The instructor's live class view under a full class (part of `npm run bench:server`; printed,
 * never asserted): N students (LF_LIVE_STUDENTS, default 100) each run the breakdown drill at
 * 60× on the server, as their apps do (a status every second over their WebSocket, their
 * commands as they reach them), while the instructor's page in headless Chromium watches the
 * class. Prints how far behind the page is (from a student's status leaving to its row showing
 * it), and the browser's main-thread time per pushed update with N rows.
 */
import { WebSocket } from 'ws';
import type { RunEvent } from '../src/session/school-api';
import { deliver, type Delivery, httpLink, joinClass, runEvents } from '../src/session/school-client';
import { streamLink } from '../src/session/school-stream';
import type { SessionFile } from '../src/session/session-file';
import { launchChromium } from './preview';

const STUDENTS = Number(process.env.LF_LIVE_STUDENTS ?? 100);
/** Simulated seconds per wall second on every student's screen. */
const SPEED = 60;
const WATCH_S = 30;

const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
const clock = (seconds: number) => [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, Math.floor(seconds) % 60].map((n) => String(n).padStart(2, '0')).join(':');

export async function liveDashboard(base: string, golden: SessionFile): Promise<string> {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const signIn = await post('/api/sign-in', { name: 'Bench', password: 'a long password' });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const cls = ((await (await post('/api/classes', { name: 'Live bench class' }, { cookie })).json()) as { class: { id: number; joinCode: string } }).class;
  const tokens: string[] = [];
  for (let k = 0; k < STUDENTS; k++) tokens.push((await joinClass(fetch, base, cls.joinCode, `Live ${String(k).padStart(3, '0')}`)).membership.token);

  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  let pushes = 0;
  page.on('websocket', (ws) => ws.on('framereceived', () => (pushes += 1)));
  // When the probe student's time cell shows a clock, by the same wall clock as the students'.
  const seen = new Map<string, number>();
  await page.exposeFunction('lfSeen', (text: string, at: number) => {
    if (!seen.has(text)) seen.set(text, at);
  });
  await page.goto(`${base}/?instructor`);
  await page.getByTestId('instructor-class').filter({ hasText: 'Live bench class' }).getByRole('button', { name: 'Watch the class live' }).click();
  await page.getByTestId('live-row').first().waitFor();
  // As a string: the bench runs under tsx, whose helpers a function sent to the page would not have.
  await page.evaluate(`(() => {
    const report = () => {
      const row = document.querySelector('[data-testid="instructor-class"] [data-testid="live-row"][data-student="Live 000"]');
      const cell = row ? row.querySelectorAll('td')[1] : null;
      if (cell && cell.textContent) window.lfSeen(cell.textContent.split(' ')[0], Date.now());
    };
    new MutationObserver(report).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));

  const events: RunEvent[] = runEvents(golden.commands, golden.checkpoints.slice(0, -1), null);
  const sentAt = new Map<string, number>();
  let stop = false;
  const students = tokens.map(async (token, k) => {
    const link = streamLink(base, token, httpLink(fetch, base, token), (url) => new WebSocket(url));
    const header = { clientRunId: `live-${k}-0000`, scenario: golden.scenario, scenarioHash: golden.scenarioHash, seed: golden.seed, engine: golden.engine };
    let at: Delivery = { serverRunId: null, expected: 0 };
    let tick = 0;
    await new Promise((r) => setTimeout(r, (k / STUDENTS) * 1000));
    while (!stop && tick < golden.endTick) {
      tick = Math.min(golden.endTick - 1, tick + SPEED * 10);
      const due = events.filter((e) => (e.kind === 'command' ? e.command.tick : e.tick) <= tick);
      at = await deliver(link, header, due, at);
      const commands = due.filter((e) => e.kind === 'command').length;
      if (k === 0) sentAt.set(clock(tick / 10), Date.now());
      await link.status(at.serverRunId!, { tick, speed: SPEED, running: true, commands });
      await new Promise((r) => setTimeout(r, 1000));
    }
    link.close();
  });
  // Warm up (every row there), then watch.
  await new Promise((r) => setTimeout(r, 5000));
  const before = await metrics();
  const pushesBefore = pushes;
  await new Promise((r) => setTimeout(r, WATCH_S * 1000));
  const after = await metrics();
  const updates = pushes - pushesBefore;
  stop = true;
  await Promise.all(students);
  await browser.close();
  const lags = [...sentAt].flatMap(([text, sent]) => (seen.has(text) ? [seen.get(text)! - sent] : []));
  const busy = (k: string) => ((after[k] ?? 0) - (before[k] ?? 0)) * 1000;
  const script = busy('ScriptDuration');
  const layout = busy('LayoutDuration') + busy('RecalcStyleDuration');
  return (
    `live class view, ${STUDENTS} students at ${SPEED}× (a status each per second): the page shows a student's new time ` +
    `p50 ${pct(lags, 0.5).toFixed(0)} ms, p90 ${pct(lags, 0.9).toFixed(0)} ms, max ${pct(lags, 1).toFixed(0)} ms after the app sent it (${lags.length} of ${sentAt.size} seen; aim: within a second or so); ` +
    `${updates} pushes in ${WATCH_S} s; per update the browser spent ${(script / Math.max(1, updates)).toFixed(1)} ms in JS and ${(layout / Math.max(1, updates)).toFixed(1)} ms in style and layout with ${STUDENTS} rows`
  );
}
