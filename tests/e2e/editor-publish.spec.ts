import { expect, test } from './fixtures';
import { instructorWithClass, type School, startSchool, studentIn } from './school-server';

/** A scenario made in the editor reaches a class: published by the signed-in instructor, found by a student. */
let school: School;
test.beforeAll(async () => {
  school = await startSchool();
});
test.afterAll(async () => {
  await school.close();
});

test('an instructor publishes an edited drill to a class and a student finds it assigned', async ({ browser }) => {
  test.setTimeout(120_000);
  const { teacher, joinCode } = await instructorWithClass(school, browser, 'Eva Editor', 'an editing password', 'Mekatronikk 2B');
  const student = await studentIn(school, browser, joinCode, 'Sindre');
  // The same browser, signed in on the instructor page, opens the library and the editor.
  await teacher.goto(`${school.base}/?library`);
  await teacher.evaluate(() => localStorage.setItem('lf.toured', '1'));
  await teacher.getByTestId('instructor-toggle').check();
  await teacher.locator('[data-scenario="conveyor-jam"]').getByTestId('edit-copy').click();
  await teacher.getByTestId('tab-texts').click();
  await teacher.getByTestId('text-title-en').fill('Jam on line 2');
  const publish = teacher.getByTestId('publish');
  await expect(publish).toContainText('Mekatronikk 2B');
  await publish.getByRole('button', { name: 'Assign to the class' }).click();
  await expect(publish).toContainText('Assigned to Mekatronikk 2B.');
  // The student's library asks the server for assignments as it refreshes.
  await student.reload();
  const item = student.getByTestId('assigned-item').filter({ hasText: 'Jam on line 2' });
  await expect(item).toBeVisible({ timeout: 30_000 });
  await expect(item).toHaveAttribute('data-scenario', 'conveyor-jam-copy');
});
