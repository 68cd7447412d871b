import { test as base, expect } from '@playwright/test';

/**
 * Every page under test must work guard and cleanly: any request that leaves 127.0.0.1 and
 * any console error fails the test.
 */
export const test = base.extend<{ guard: { errors: string[]; external: string[] } }>({
  guard: async ({ page }, use) => {
    const errors: string[] = [];
    const external: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      external.push(route.request().url());
      return route.abort();
    });
    await use({ errors, external });
    expect(external, 'requests that left 127.0.0.1').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  },
});

export { expect };
