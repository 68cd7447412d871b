import { test } from './fixtures';

test('debug', async ({ page }) => {
  page.on('pageerror', (e) => console.log('PAGEERROR', String(e).slice(0, 500)));
  page.on('console', (m) => { if (m.type() === 'error') console.log('CONSOLE', m.text().slice(0, 500)); });
  await page.goto('/?library');
  await page.getByTestId('new-scenario').click();
  await page.waitForTimeout(2000);
});
