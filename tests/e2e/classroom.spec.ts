/**
 * The instructor's classroom in three browsers (the instructor, two students): a drill is
 * assigned; both students find it and run it, one fixing the mill properly, the other reaching
 * for the tempting wrong repair without locking the mill out; the instructor watches both rows
 * change live, follows one run in the replay view (seeks back, back to live), sends her a
 * message she sees on her screen, then compares the two runs from the class results and
 * downloads them as CSV.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { audit, endDrill, expect, test } from './fixtures';
import { instructorWithClass, type School, startSchool, studentIn } from './school-server';

let school: School;
test.beforeAll(async () => {
  school = await startSchool();
});
test.afterAll(async () => {
  await school.close();
});

/** From the library's *Assigned to you* into the drill at 60×, until the mill's alarm. */
async function startAssigned(student: Page): Promise<void> {
  const item = student.getByTestId('assigned').getByTestId('assigned-item');
  await expect(item).toContainText('Breakdown on the mill');
  await item.getByRole('button', { name: 'Start' }).click();
  await student.getByRole('button', { name: 'Start the shift' }).click();
  await student.getByRole('button', { name: '60×' }).click();
}

async function faceplateOfMill(student: Page) {
  await student.locator('.station-list [data-station="M1"]').click();
  return student.getByTestId('faceplate');
}

async function finish(student: Page): Promise<string> {
  await endDrill(student);
  await expect(student.getByTestId('debrief')).toBeVisible({ timeout: 30_000 });
  const score = (await student.getByTestId('score').textContent()) ?? '';
  await student.getByRole('button', { name: 'Back to the library' }).click();
  await expect(student.getByTestId('class-delivery')).toHaveText('Every run since you joined has reached the class.', { timeout: 30_000 });
  return score;
}

test('assign, watch live, follow one run and message her, then compare the class’s two runs and export them', async ({ browser }) => {
  test.setTimeout(360_000);
  const { teacher, card, joinCode } = await instructorWithClass(school, browser, 'Eva Instruktør', 'a classroom password', 'Automation 3A');
  const form = card.getByTestId('assign-form');
  await form.getByTestId('assign-scenario').selectOption('breakdown-drill');
  await form.getByRole('button', { name: 'Assign' }).click();
  await expect(card.getByTestId('assignment-row')).toHaveCount(1);

  const ada = await studentIn(school, browser, joinCode, 'Ada');
  const ben = await studentIn(school, browser, joinCode, 'Ben');
  await card.getByRole('button', { name: 'Watch the class live' }).click();
  const adaRow = card.getByTestId('live-row').filter({ hasText: 'Ada' });
  const benRow = card.getByTestId('live-row').filter({ hasText: 'Ben' });
  await expect(adaRow).toContainText('No run yet');

  await startAssigned(ada);
  await startAssigned(ben);
  for (const s of [ada, ben]) await expect(s.locator('[data-alarm="M1.stopped"]')).toBeVisible({ timeout: 60_000 });
  await expect(adaRow.getByTestId('live-line')).toHaveText(/Mill M1: Held, Drive fault/, { timeout: 15_000 });
  await expect(benRow.getByTestId('live-line')).toHaveText(/Mill M1: Held, Drive fault/, { timeout: 15_000 });

  // Ben: the tempting wrong fix, a new tool, on a mill that is not locked out.
  await ben.keyboard.press('Space');
  await ben.locator('[data-alarm="M1.stopped"]').getByRole('button', { name: 'Acknowledge' }).click();
  const benFp = await faceplateOfMill(ben);
  await benFp.getByLabel('repair').selectOption('replaceTool');
  await benFp.getByRole('button', { name: 'Carry out' }).click();
  await ben.getByRole('button', { name: 'Step 1 s' }).click();
  await expect(benRow).toHaveClass(/breach/, { timeout: 15_000 });
  await expect(benRow.getByTestId('live-breaches')).toHaveText('⚠ 1');
  // The new tool is in once the job is done: a wrong repair (the drive fault is still there).
  await ben.keyboard.press('Space');
  await expect(benRow.getByTestId('live-wrong')).toHaveText('1', { timeout: 30_000 });
  await ben.keyboard.press('Space');

  // Ada: stop, lock out, diagnose, the right repair.
  await ada.keyboard.press('Space');
  await ada.locator('[data-alarm="M1.stopped"]').getByRole('button', { name: 'Acknowledge' }).click();
  const adaFp = await faceplateOfMill(ada);
  await adaFp.getByRole('button', { name: 'Stop', exact: true }).click();
  for (let k = 0; k < 3; k++) await ada.getByRole('button', { name: 'Step 1 s' }).click();
  await adaFp.getByRole('button', { name: 'Lock out / tag out' }).click();
  await adaFp.getByLabel('Suspected cause').selectOption('breakdown');
  await adaFp.getByRole('button', { name: 'Declare diagnosis' }).click();
  await adaFp.getByLabel('repair').selectOption('generalRepair');
  await adaFp.getByRole('button', { name: 'Carry out' }).click();
  await expect(adaRow.getByTestId('live-line')).toContainText('Stopped', { timeout: 15_000 });
  await expect(adaRow).not.toHaveClass(/breach/);
  await audit(teacher, 'live class view with a breach');

  // Follow Ada: her run in the replay view, live, in a new tab.
  const [follow] = await Promise.all([teacher.context().waitForEvent('page'), adaRow.getByTestId('live-follow').click()]);
  await expect(follow.getByTestId('replay-badge')).toBeVisible({ timeout: 30_000 });
  await expect(follow.getByTestId('live-tail')).toHaveText(/Live/, { timeout: 30_000 });
  await expect(follow.locator('.scenario-title')).toContainText('Ada');
  // She plays on; the followed view moves with her.
  await ada.keyboard.press('Space');
  const track = follow.getByTestId('timeline-track');
  const at = async () => Number(await track.getAttribute('aria-valuenow'));
  const first = await at();
  await expect.poll(at, { timeout: 20_000 }).toBeGreaterThan(first + 600);
  // Seek back a minute: no longer live, and the way back.
  await track.focus();
  await track.press('Shift+ArrowLeft');
  await expect(follow.getByTestId('live-tail')).toContainText('behind the student');
  await audit(follow, 'following a student, behind live');
  await follow.getByTestId('back-to-live').click();
  await expect(follow.getByTestId('live-tail')).toHaveText(/Live/);

  // A message to Ada from the follow view: she sees it on her screen; the view says it arrived.
  await follow.getByTestId('follow-message').fill('Good: now check the lock-out before you restart.');
  await follow.getByRole('button', { name: 'Send' }).click();
  const banner = ada.getByTestId('instructor-message');
  await expect(banner).toContainText('Good: now check the lock-out before you restart.', { timeout: 15_000 });
  await expect(ben.getByTestId('instructor-message')).toHaveCount(0);
  await expect(follow.getByTestId('follow-message-state')).toContainText('Shown on the student’s screen at', { timeout: 15_000 });
  await audit(ada, 'control room with a message from the instructor');
  await banner.getByRole('button', { name: 'OK, got it' }).click();
  await expect(banner).toHaveCount(0);
  // And one to the whole class: both are in the drill.
  await card.getByTestId('class-message-text').fill('Five more minutes, then we discuss.');
  await card.getByRole('button', { name: 'Send to the class' }).click();
  await expect(card.getByTestId('class-message-result')).toContainText('Sent to everyone in a drill (2)');
  for (const s of [ada, ben]) await expect(s.getByTestId('instructor-message')).toContainText('Five more minutes, then we discuss.', { timeout: 15_000 });

  // Ada finishes the repair and restarts the mill; both end the drill.
  await expect(adaFp.getByTestId('faceplate-task')).toHaveCount(0, { timeout: 60_000 });
  await adaFp.getByRole('button', { name: 'Remove lock-out' }).click();
  await adaFp.getByRole('button', { name: 'Reset' }).click();
  for (let k = 0; k < 3; k++) await ada.getByRole('button', { name: 'Step 1 s' }).click();
  await adaFp.getByRole('button', { name: 'Start' }).click();
  await expect(adaFp.getByTestId('faceplate-state')).toHaveText(/Execute|Suspended|Starting/, { timeout: 20_000 });
  const adaScore = await finish(ada);
  const benScore = await finish(ben);
  await expect(follow.getByTestId('live-tail')).toHaveText('The student’s run has ended', { timeout: 15_000 });
  await follow.close();

  // After the drill: both runs, scored by the server as their debriefs showed.
  await card.getByRole('button', { name: 'Class results' }).click();
  const results = card.getByTestId('class-results');
  await expect(results.getByTestId('results-drill')).toContainText('Breakdown on the mill (2 runs)', { timeout: 30_000 });
  await expect(results.getByTestId('results-summary')).toContainText('1 of 2 students passed');
  await expect(results.getByTestId('results-summary')).toContainText('Most common wrong repair: Replace tool on Mill M1 (one student).');
  // Both opened the mill's faceplate (the only evidence this drill has beyond its alarm): no
  // check bears on a breakdown, so none is said to have been made.
  await expect(results.getByTestId('results-evidence')).toContainText('Every student looked at each fault station’s faceplate; no diagnostic check bears on this drill’s faults.');
  await audit(teacher, 'class results of two runs');
  const rowOf = (name: string) => results.getByTestId('results-row').filter({ hasText: name });
  await expect(rowOf('Ada')).toContainText(adaScore);
  await expect(rowOf('Ben')).toContainText(benScore);
  const [csv] = await Promise.all([teacher.waitForEvent('download'), results.getByTestId('results-csv').click()]);
  const text = readFileSync((await csv.path())!, 'utf8');
  expect(text).toMatch(new RegExp(`\\r\\nAda,1,best,\\d+,[^,]+,${adaScore.replace(',', '.')},true,`));
  expect(text).toMatch(new RegExp(`\\r\\nBen,1,best,\\d+,[^,]+,${benScore.replace(',', '.')},false,[^\\r]*,1,1,`));

  // The class debrief on paper: the results alone, with a heading, without the page's controls.
  await teacher.evaluate(() => {
    window.print = () => undefined;
  });
  await results.getByTestId('results-print').click();
  await teacher.emulateMedia({ media: 'print' });
  await expect(results.getByRole('heading', { name: /Automation 3A · Breakdown on the mill · class debrief/ })).toBeVisible();
  await expect(results.getByTestId('results-row').first()).toBeVisible();
  await expect(card.getByTestId('class-live')).toBeHidden();
  await expect(results.getByTestId('results-csv')).toBeHidden();
  await teacher.screenshot({ path: 'tests/artifacts/class-debrief-print.png', fullPage: true });
  await teacher.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await teacher.emulateMedia({ media: 'screen' });
  await expect(results.getByTestId('results-csv')).toBeVisible();

  // Progress over the term: Ada's own in her library, Ben's on the instructor's page.
  await ada.getByRole('button', { name: 'Your progress in the class' }).click();
  await expect(ada.getByTestId('history-row')).toHaveCount(1);
  await expect(ada.getByTestId('history-row')).toContainText(`Breakdown on the mill${adaScore} · passed`);
  await audit(ada, 'library with the student’s progress');
  await card.getByRole('button', { name: 'Show the students' }).click();
  await card.getByRole('button', { name: 'Progress of Ben' }).click();
  await expect(card.getByTestId('student-history').getByTestId('history-row')).toContainText(`${benScore} · not passed`);

  // Compare the two runs side by side.
  await rowOf('Ada').getByTestId('results-pick').check();
  await rowOf('Ben').getByTestId('results-pick').check();
  const [compare] = await Promise.all([teacher.context().waitForEvent('page'), results.getByTestId('results-compare').click()]);
  await expect(compare.getByTestId('compare-view')).toBeVisible({ timeout: 60_000 });
  await expect(compare.locator('.legend')).toContainText('A: Ada');
  await expect(compare.locator('.legend')).toContainText('B: Ben');
  await audit(compare, 'two runs of the class compared');
});

test('the instructor starts a fault in a student’s run from the follow view: it reaches the student’s line through the server, recorded in her run', async ({ browser }) => {
  test.setTimeout(180_000);
  const { teacher, card, joinCode } = await instructorWithClass(school, browser, 'Finn Feil', 'a fault-starting password', 'Logistics 1C');
  const student = await studentIn(school, browser, joinCode, 'Liv');
  await student.locator('[data-scenario="conveyor-jam"] [data-testid="open-scenario"]').click();
  await student.getByRole('button', { name: 'Start the shift' }).click();
  await student.getByRole('button', { name: '5×' }).click();
  await card.getByRole('button', { name: 'Watch the class live' }).click();
  const row = card.getByTestId('live-row').filter({ hasText: 'Liv' });
  await expect(row).toContainText('Running', { timeout: 15_000 });
  const [follow] = await Promise.all([teacher.context().waitForEvent('page'), row.getByTestId('live-follow').click()]);
  const panel = follow.getByTestId('follow-panel');
  await expect(panel).toContainText('Conveyor jam at Conveyor C2', { timeout: 30_000 });
  // Well before its scheduled 12 minutes.
  await panel.locator('[data-fault="c2-jam"]').click();
  await expect(panel).toContainText('sent: starts when the student’s app takes it');
  await expect(student.locator('[data-alarm="C2.stopped"]')).toBeVisible({ timeout: 20_000 });
  expect(((await student.getByTestId('clock').textContent()) ?? '') < '00:12:00').toBe(true);
  // Her run's own log has it: the follow view shows it started, and its timeline marks it.
  await expect(panel).toContainText('started', { timeout: 15_000 });
  await expect(row.getByTestId('live-line')).toContainText('Conveyor C2', { timeout: 15_000 });
  await audit(follow, 'follow view after starting a fault');
});
