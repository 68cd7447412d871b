/**
 * A school server for the e2e tests (embedded database in a temporary folder, the built app
 * served from dist/, on 127.0.0.1 and a free port), and the two people in a class: an
 * instructor signed in on the instructor page with a new class, and a student's browser that
 * joined it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import { addInstructor } from '../../src/server/accounts';
import { buildServer } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import { openDatabase } from '../../src/server/db/open';
import { expect } from './fixtures';

export interface School {
  readonly app: FastifyInstance;
  readonly db: Database;
  readonly base: string;
  close(): Promise<void>;
}

export async function startSchool(): Promise<School> {
  const db = await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'lf-school-e2e-')) });
  const app = await buildServer({ db, appDir: 'dist' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return {
    app,
    db,
    base,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

/** An instructor (added to the server) signs in on the instructor page and creates a class: the page, the class's card and its join code. */
export async function instructorWithClass(school: School, browser: Browser, name: string, password: string, className: string) {
  await addInstructor(school.db, name, password, false);
  const teacher = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await teacher.goto(`${school.base}/?instructor`);
  await teacher.getByTestId('instructor-name').fill(name);
  await teacher.getByTestId('instructor-password').fill(password);
  await teacher.getByRole('button', { name: 'Sign in' }).click();
  await teacher.getByTestId('class-new-name').fill(className);
  await teacher.getByRole('button', { name: 'Create the class' }).click();
  const card = teacher.getByTestId('instructor-class').filter({ hasText: className });
  return { teacher, card, joinCode: (await card.getByTestId('join-code').textContent()) ?? '' };
}

/** A student's browser opens the library from the school server and joins the class. */
export async function studentIn(school: School, browser: Browser, joinCode: string, name: string): Promise<Page> {
  const student = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await student.goto(`${school.base}/?library`);
  await student.evaluate(() => localStorage.setItem('lf.toured', '1'));
  await student.getByTestId('join-prompt').getByRole('button', { name: 'Join a class' }).click();
  await student.getByTestId('class-code').fill(joinCode);
  await student.getByTestId('class-name').fill(name);
  await student.getByRole('button', { name: 'Join the class' }).click();
  await expect(student.getByTestId('class-panel')).toContainText(`as ${name}`);
  return student;
}
