/**
 * A class on the school server, in real browsers: an instructor (through the API) sets up the
 * server and a class; two students (two browser profiles) open the app from the school server,
 * join with the code, and run the breakdown drill; one loses the network for a while in the
 * middle. Both runs reach the server by themselves, and the server's own re-simulation of each
 * reproduces and scores it exactly as the student's debrief did.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import type { Database } from '../../src/server/db/database';
import { audit, expect, test } from './fixtures';
import { instructorWithClass as withClass, type School, startSchool, studentIn as joined } from './school-server';

let school: School;
let db: Database;
let base = '';

test.beforeAll(async () => {
  school = await startSchool();
  db = school.db;
  base = school.base;
});

test.afterAll(async () => {
  await school.close();
});

const instructorWithClass = (browser: Browser, name: string, password: string, className: string) => withClass(school, browser, name, password, className);
const studentIn = (browser: Browser, joinCode: string, name: string) => joined(school, browser, joinCode, name);

async function joinAndRun(browser: Browser, code: string, name: string, cutNetwork: boolean): Promise<{ page: Page; score: string }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // The run goes over the stream (one WebSocket), not a request per batch.
  const streamed: string[] = [];
  page.on('websocket', (ws) => {
    if (ws.url().endsWith('/api/stream')) ws.on('framesent', (f) => streamed.push(String(f.payload)));
  });
  await page.goto(`${base}/?library`);
  await page.evaluate(() => localStorage.setItem('lf.toured', '1'));
  // The library opened from a school server says so at its top, and takes the student to the form.
  await expect(page.getByTestId('join-prompt')).toContainText('join your class');
  await page.getByTestId('join-prompt').getByRole('button', { name: 'Join a class' }).click();
  await expect(page.getByTestId('class-code')).toBeFocused();
  // Opened from the school server, the address is already there.
  await expect(page.getByTestId('class-address')).toHaveValue(base.replace('http://', ''));
  await page.getByTestId('class-code').fill(code.toLowerCase());
  await page.getByTestId('class-name').fill(name);
  await page.getByRole('button', { name: 'Join the class' }).click();
  await expect(page.getByTestId('class-panel')).toContainText(`You are in Automation 2A as ${name}`);
  await expect(page.getByTestId('join-prompt')).toHaveCount(0);

  await page.locator('[data-scenario="breakdown-drill"] [data-testid="open-scenario"]').click();
  await page.getByRole('button', { name: 'Start the shift' }).click();
  await page.getByRole('button', { name: '60×' }).click();
  const alarm = page.locator('[data-alarm="M1.stopped"]');
  await expect(alarm).toBeVisible({ timeout: 60_000 });
  const storedNow = async () => (await db.query<{ n: number }>('select count(*)::integer as n from run_events e join runs r on r.id = e.run_id join students s on s.id = r.student_id where s.display_name = $1', [name]))[0]!.n;
  if (cutNetwork) {
    // Whatever was sent before the cut has arrived; then nothing arrives while it lasts.
    await page.waitForTimeout(3500);
    await context.setOffline(true);
  }
  const beforeCut = await storedNow();
  await alarm.getByRole('button', { name: 'Acknowledge' }).click();
  // At 60×: over ten simulated minutes with the network cut (several sync rounds fail meanwhile).
  await page.waitForTimeout(cutNetwork ? 11_000 : 4000);
  if (cutNetwork) {
    expect(await storedNow()).toBe(beforeCut);
    await context.setOffline(false);
  }
  await page.getByRole('button', { name: 'End the drill' }).click();
  await page.getByRole('button', { name: 'Yes, end the drill' }).click();
  await expect(page.getByTestId('debrief')).toBeVisible({ timeout: 30_000 });
  const score = (await page.getByTestId('score').textContent()) ?? '';
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await expect(page.getByTestId('class-delivery')).toHaveText('Every run since you joined has reached the class.', { timeout: 30_000 });
  expect(streamed.some((f) => f.includes('"op":"events"'))).toBe(true);
  return { page, score };
}

test('two students join a class and run a drill, one offline for a while: both runs reach the server, which verifies them and scores them as their debriefs did', async ({ browser }) => {
  test.setTimeout(300_000);
  // The instructor opens the new server's app: the library offers the instructor page, which
  // makes the first account (the first-run page), then a class with its join code.
  const teacher = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await teacher.goto(`${base}/?library`);
  // A server nobody has set up: no class to join yet, and the way to set it up at the top.
  await expect(teacher.getByTestId('join-prompt')).toContainText('This school server is new');
  await teacher.getByTestId('join-prompt').getByRole('link', { name: 'Set up this school server or sign in to your classes' }).click();
  await expect(teacher.getByRole('heading', { name: 'Set up this school server' })).toBeVisible();
  await audit(teacher, 'first-run page');
  await teacher.getByTestId('instructor-name').fill('Kari Nordmann');
  await teacher.getByTestId('instructor-password').fill('a long password');
  await teacher.getByTestId('instructor-repeat').fill('a long passwort');
  await teacher.getByRole('button', { name: 'Create the account' }).click();
  await expect(teacher.getByRole('alert')).toHaveText('The two passwords are not the same.');
  await teacher.getByTestId('instructor-repeat').fill('a long password');
  await teacher.getByRole('button', { name: 'Create the account' }).click();
  await expect(teacher.getByText('Signed in as Kari Nordmann.')).toBeVisible();
  await expect(teacher.getByText('No classes yet.', { exact: false })).toBeVisible();
  await teacher.getByTestId('class-new-name').fill('Automation 2A');
  await teacher.getByRole('button', { name: 'Create the class' }).click();
  const joinCode = (await teacher.getByTestId('join-code').textContent()) ?? '';
  expect(joinCode).toMatch(/^[A-Z0-9]{6}$/);
  // Set up once: the page now asks for a sign-in.
  await teacher.reload();
  await expect(teacher.getByText('Signed in as Kari Nordmann.')).toBeVisible();
  expect((await (await fetch(`${base}/api/setup`)).json()).needed).toBe(false);

  const per = await joinAndRun(browser, joinCode, 'Per', false);
  const kari = await joinAndRun(browser, joinCode, 'Ingrid', true);
  // Per's run shows as in the class; a session recorded before (imported here) goes on request.
  await expect(per.page.getByTestId('class-copy')).toHaveText('✓ In the class');
  await per.page.getByTestId('replay-file').setInputFiles('tests/golden/breakdown-drill.session.json');
  await expect(per.page.getByTestId('replay-verification')).toBeVisible();
  await per.page.getByRole('button', { name: 'Close replay' }).click();
  await per.page.getByTestId('send-to-class').click();
  await expect(per.page.getByTestId('class-copy')).toHaveCount(2);
  await expect(per.page.getByTestId('class-copy').filter({ hasText: '✓ In the class' })).toHaveCount(2, { timeout: 30_000 });

  const runs = await db.query<{ display_name: string; verdict: { status: string; score: number }; end_tick: number | null }>(
    'select s.display_name, r.verdict, r.end_tick from runs r join students s on s.id = r.student_id order by s.display_name',
  );
  expect(runs.map((r) => r.display_name)).toEqual(['Ingrid', 'Per', 'Per']);
  for (const r of runs) expect(r.end_tick).not.toBeNull();
  await expect.poll(async () => (await db.query<{ n: number }>("select count(*)::integer as n from runs where verdict->>'status' = 'reproduces'"))[0]!.n, { timeout: 30_000 }).toBe(3);
  // The runs made in the class (the first two), scored by the server as each debrief showed.
  const verdicts = await db.query<{ display_name: string; score: number }>("select s.display_name, (r.verdict->>'score')::float as score from runs r join students s on s.id = r.student_id order by r.id limit 2");
  expect(verdicts.map((v) => [v.display_name, String(v.score)])).toEqual([
    ['Per', per.score.replace(',', '.')],
    ['Ingrid', kari.score.replace(',', '.')],
  ]);

  // Per's laptop is lost: the instructor makes a link for his new device; opened there, the
  // device is back in the class as Per, and the old device's token no longer works.
  await teacher.getByRole('button', { name: 'Show the students' }).click();
  await expect(teacher.getByText('Students: 2')).toBeVisible({ timeout: 10_000 });
  await teacher.getByTestId('student-row').filter({ hasText: 'Per' }).getByRole('button', { name: 'Link for a new device' }).click();
  const link = await teacher.getByTestId('rejoin-link').getByRole('textbox').inputValue();
  await audit(teacher, 'instructor page with a class, its students and a new-device link');
  await teacher.getByRole('button', { name: 'Norsk' }).click();
  await expect(teacher.getByText('Logget inn som Kari Nordmann.')).toBeVisible();
  await audit(teacher, 'instructor page in Norsk');
  expect(link).toMatch(new RegExp(`^${base}/\\?library#rejoin=`));
  const laptop = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await laptop.goto(link);
  await expect(laptop.getByTestId('class-notice')).toHaveText('This device is back in Automation 2A as Per.');
  await expect(laptop.getByTestId('class-panel')).toContainText('You are in Automation 2A as Per');
  expect(laptop.url()).not.toContain('rejoin');
  const old = await per.page.evaluate(() => JSON.parse(localStorage.getItem('lf.school') ?? 'null')?.membership?.token as string);
  expect((await fetch(`${base}/api/student/me`, { headers: { authorization: `Bearer ${old}` } })).status).toBe(401);
});

test('an instructor assigns a drill with a due time and no hints; a joined student finds it at the top of the library and its status follows the server’s verdict', async ({ browser }) => {
  test.setTimeout(180_000);
  const { teacher, card, joinCode } = await instructorWithClass(browser, 'Lars Lærer', 'another long password', 'Electro 1B');
  const form = card.getByTestId('assign-form');
  // A file that is not a valid scenario is refused in the library's words, naming where.
  await form.getByTestId('assign-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": 1, "id": "x"}') });
  await expect(card.getByRole('alert')).toContainText('broken.json is not a scenario file');
  await expect(card.getByRole('alert')).toContainText('title');
  await form.getByTestId('assign-scenario').selectOption('breakdown-drill');
  await form.getByTestId('assign-due').fill('2099-06-20T14:00');
  await form.getByTestId('assign-hints').uncheck();
  await form.getByRole('button', { name: 'Assign' }).click();
  const row = card.getByTestId('assignment-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('no hints');
  await expect(row).toContainText('due 20/06/2099, 14:00');
  await audit(teacher, 'instructor page with an assignment');

  const student = await studentIn(browser, joinCode, 'Sol');
  const assigned = student.getByTestId('assigned');
  await expect(assigned.getByRole('heading', { name: 'Assigned to you' })).toBeVisible();
  const item = assigned.getByTestId('assigned-item');
  await expect(item).toHaveAttribute('data-status', 'notStarted');
  await expect(item).toContainText('Not started');
  await expect(item).toContainText('Due 20 Jun 2099, 14:00');
  await expect(item).toContainText('no hints: a run that asks for one does not count');
  await audit(student, 'library with an assignment');
  await expect(row.getByTestId('assignment-progress')).toHaveText('0 passed · 0 not passed · 0 in progress · 1 not started', { timeout: 15_000 });

  // The student runs it and does nothing: the hints are off, and the run does not pass.
  await item.getByRole('button', { name: 'Start' }).click();
  await student.getByRole('button', { name: 'Start the shift' }).click();
  await expect(student.getByTestId('hints-off')).toHaveText('Hints are switched off for this assignment.');
  await expect(student.getByRole('button', { name: /hint/i })).toHaveCount(0);
  // A reload mid-run (a crash, a closed lid) offers the run back, and its hints are still off.
  await student.waitForTimeout(500);
  await student.reload();
  await student.getByTestId('resume').getByRole('button', { name: 'Resume' }).click();
  await expect(student.getByTestId('hints-off')).toHaveText('Hints are switched off for this assignment.');
  await expect(student.getByRole('button', { name: /hint/i })).toHaveCount(0);
  await student.getByRole('button', { name: 'Play', exact: true }).click();
  await student.getByRole('button', { name: '60×' }).click();
  await expect(student.locator('[data-alarm="M1.stopped"]')).toBeVisible({ timeout: 60_000 });
  await student.getByRole('button', { name: 'End the drill' }).click();
  await student.getByRole('button', { name: 'Yes, end the drill' }).click();
  await expect(student.getByTestId('debrief')).toBeVisible({ timeout: 30_000 });
  await student.getByRole('button', { name: 'Back to the library' }).click();
  await expect(student.getByTestId('class-delivery')).toHaveText('Every run since you joined has reached the class.', { timeout: 30_000 });
  // Once the server has re-simulated the run, the library (fetched again when opened) says so.
  await expect
    .poll(
      async () => {
        await student.reload();
        return student.getByTestId('assigned-item').getAttribute('data-status');
      },
      { timeout: 30_000 },
    )
    .toBe('failed');
  await expect(student.getByTestId('assigned-item')).toContainText('Not passed yet');
  await expect(row.getByTestId('assignment-progress')).toHaveText('0 passed · 1 not passed · 0 in progress · 0 not started', { timeout: 15_000 });

  // After the drill: the class's results, as the server scored the run, and as CSV.
  await card.getByRole('button', { name: 'Class results' }).click();
  const results = card.getByTestId('class-results');
  await expect(results.getByTestId('results-drill')).toContainText('Breakdown on the mill (1 run)');
  await expect(results.getByTestId('results-summary')).toContainText('0 of 1 students passed');
  await expect(results.getByTestId('results-row')).toContainText('Sol');
  const [csv] = await Promise.all([teacher.waitForEvent('download'), results.getByTestId('results-csv').click()]);
  const text = readFileSync((await csv.path())!, 'utf8');
  expect(text.split('\r\n')[0]).toBe('student,runs,which,run,started,score,passed,detect_s,diagnose_s,restore_s,wrong_repairs,safety_breaches,production_lost,hints');
  expect(text).toMatch(/\r\nSol,1,best,\d+,[^,]+,[\d.]+,false,/);
  await audit(teacher, 'class results');
  // Nothing of the table is cut off at the smallest screen, in either language: it fits its card.
  const fits = () => results.getByTestId('results-table').evaluate((el) => el.scrollWidth <= el.clientWidth);
  await teacher.setViewportSize({ width: 1024, height: 768 });
  expect(await fits()).toBe(true);
  await teacher.screenshot({ path: 'tests/artifacts/screens/class-results-1024-en.png', fullPage: true });
  await teacher.getByRole('button', { name: 'Norsk' }).click();
  await expect(results.getByRole('columnheader', { name: 'Resultat' })).toBeVisible();
  expect(await fits()).toBe(true);
  await teacher.screenshot({ path: 'tests/artifacts/screens/class-results-1024-nb.png', fullPage: true });
  await teacher.getByRole('button', { name: 'English' }).click();
  await teacher.setViewportSize({ width: 1440, height: 900 });
  await student.getByRole('button', { name: 'Norsk' }).click();
  await expect(student.getByRole('heading', { name: 'Tildelt deg' })).toBeVisible();
  await expect(student.getByTestId('assigned-item')).toContainText('Ikke bestått ennå');
  await audit(student, 'library with an assignment, in Norsk');
});

test('the instructor watches the class live: the line as the server simulates it, the first action, and a repair without lock-out marked as a safety breach', async ({ browser }) => {
  test.setTimeout(180_000);
  const { teacher, card, joinCode } = await instructorWithClass(browser, 'Nils Nilsen', 'yet another long password', 'Mechatronics 2C');
  const student = await studentIn(browser, joinCode, 'Tor');
  await expect(student.getByTestId('class-panel')).toContainText('You are in Mechatronics 2C as Tor');

  const sockets: string[] = [];
  teacher.on('websocket', (ws) => sockets.push(ws.url()));
  await card.getByRole('button', { name: 'Watch the class live' }).click();
  const row = card.getByTestId('live-row').filter({ hasText: 'Tor' });
  await expect(row).toContainText('No run yet');

  await student.locator('[data-scenario="breakdown-drill"] [data-testid="open-scenario"]').click();
  await student.getByRole('button', { name: 'Start the shift' }).click();
  await student.getByRole('button', { name: '60×' }).click();
  const alarm = student.locator('[data-alarm="M1.stopped"]');
  await expect(alarm).toBeVisible({ timeout: 60_000 });
  await student.keyboard.press('Space');
  // Within seconds the instructor sees the held mill and its alarm, and that Tor has not acted yet.
  await expect(row.getByTestId('live-line')).toHaveText('Mill M1: Held, Drive fault', { timeout: 15_000 });
  // Pushed by the server over a WebSocket, not asked for.
  expect(sockets.some((u) => u.endsWith('/live/stream'))).toBe(true);
  await expect(row).toContainText('Paused');
  await expect(row).toContainText('not yet');
  await card.getByTestId('live-not-acted').check();
  await expect(card.getByTestId('live-row')).toHaveCount(1);
  await audit(teacher, 'live class view');

  // Tor acknowledges, then repairs the mill without stopping and locking it out.
  await alarm.getByRole('button', { name: 'Acknowledge' }).click();
  await student.locator('.station-list [data-station="M1"]').click();
  const fp = student.getByTestId('faceplate');
  await fp.getByLabel('repair').selectOption('generalRepair');
  await fp.getByRole('button', { name: 'Carry out' }).click();
  await student.getByRole('button', { name: 'Step 1 s' }).click();
  await expect(card.getByTestId('live-row')).toHaveCount(0, { timeout: 15_000 });
  await card.getByTestId('live-not-acted').uncheck();
  await expect(row).toHaveClass(/breach/, { timeout: 15_000 });
  await expect(row.getByTestId('live-breaches')).toHaveText('⚠ 1');
  await expect(row).not.toContainText('not yet');
  await teacher.getByRole('button', { name: 'Norsk' }).click();
  await expect(row.getByTestId('live-line')).toContainText('Fres M1');
  await audit(teacher, 'live class view in Norsk');
});
