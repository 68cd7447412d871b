/**
 * The screens as a student and an instructor see them (library, briefing, control room, debrief,
 * replay, presenter mode, compare), at 1024×768, 1440×900 and 1920×1080, in
 * English and in Norsk: a screenshot of each (tests/artifacts/screens/), no horizontal scroll,
 * no panel wider than its box or off screen, and the layout follows the window both ways
 * (presenter mode on and off, take-over). In Norsk, no visible text may be an English text of
 * the app or of the scenario, and no internal id (like M1.stopped) may show.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { en } from '../../src/i18n/en';
import { nb } from '../../src/i18n/nb';
import { endDrill, expect, test, toBreakdownFaceplate } from './fixtures';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;

/** Panels that must fit inside their box and inside the window. */
const PANELS = ['.topbar', '.kpis', '.line-view', '.station-list', '.alarms', '.faceplate', '.objectives-panel', '.timeline', '.notes-panel', '.library', '.debrief', '.compare', '.briefing-page'];

type TextOf = string | { en: string; nb?: string };
function scenarioTexts(): Set<string> {
  // Every English text of the shipped scenarios whose Norwegian differs: such a text under Norsk is untranslated.
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.en === 'string' && typeof o.nb === 'string' && o.en !== o.nb) out.add(o.en);
      Object.values(o).forEach(walk);
    }
  };
  for (const f of readdirSync('scenarios')) if (f.endsWith('.json') && f !== 'scenario.schema.json') walk(JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')) as TextOf);
  return out;
}

const ENGLISH_ONLY = new Set<string>([
  ...Object.entries(en)
    .filter(([k, v]) => v !== nb[k as keyof typeof nb] && !v.includes('{'))
    .map(([, v]) => v),
  ...scenarioTexts(),
]);
const ENGLISH_DECIMAL = /(?<![\d.-])\d+\.\d+(?![\d.])/;
const INTERNAL_ID = /\b[A-Z][A-Z0-9]*\.(stopped|[a-z]+\.(high|low|bad|trip))\b/;
/** English words that Norwegian does not use: a text with one of them under Norsk is half English. */
const ENGLISH_WORDS = /\b(the|and|not|with|of|is|are|was|has|have|fixed|lost|against|before|after|parts|stopped|fault|repair|good|shift|running|waiting|blocked|starved|none|never)\b/i;

async function checkLayout(page: Page, where: string): Promise<void> {
  const problems = await page.evaluate((panels) => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) out.push(`the page scrolls sideways (${doc.scrollWidth} > ${window.innerWidth})`);
    for (const sel of panels) {
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
        const r = el.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.right > window.innerWidth + 1 || r.left < -1) out.push(`${sel} is off screen (${Math.round(r.left)}–${Math.round(r.right)} of ${window.innerWidth})`);
        const scrollsX = ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
        if (!scrollsX && el.scrollWidth > el.clientWidth + 2) out.push(`${sel} overflows its box (${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    // Every station of the list in sight (none hidden behind a sideways scroll).
    for (const list of Array.from(document.querySelectorAll<HTMLElement>('.station-list'))) {
      const box = list.getBoundingClientRect();
      for (const b of Array.from(list.querySelectorAll<HTMLElement>('button'))) {
        const r = b.getBoundingClientRect();
        if (r.right > box.right + 1 || r.left < box.left - 1) out.push(`station ${b.dataset.station ?? ''} is outside the station list (${Math.round(r.left)}–${Math.round(r.right)} of ${Math.round(box.left)}–${Math.round(box.right)})`);
      }
    }
    // From 1440 px the control room's top bar is one row (its actions do not drop below it).
    const bar = document.querySelector<HTMLElement>('.topbar:not(.replay-bar)');
    if (bar !== null && window.innerWidth >= 1440) {
      const [info, actions] = Array.from(bar.children).map((c) => c.getBoundingClientRect());
      if (info !== undefined && actions !== undefined && actions.top >= info.bottom) out.push(`the top bar takes two rows at ${window.innerWidth} px`);
    }
    return out;
  }, PANELS);
  expect(problems, where).toEqual([]);
}

async function checkNorsk(page: Page, where: string): Promise<void> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = (n.textContent ?? '').trim();
      if (text === '' || el === null || el.closest('.sr-only, script, style') !== null) continue;
      if (el.offsetParent === null && getComputedStyle(el).position !== 'fixed') continue;
      out.push(text);
    }
    for (const el of Array.from(document.querySelectorAll('option'))) out.push((el.textContent ?? '').trim());
    return out;
  });
  const english = texts.filter((x) => ENGLISH_ONLY.has(x) || ENGLISH_WORDS.test(x));
  // Bokmål writes 78,0 % and 0,104 mm: a decimal point is an English number (dates like 2.12.2026 are not decimals).
  const decimals = texts.filter((x) => ENGLISH_DECIMAL.test(x));
  expect(decimals, `${where}: English decimal points under Norsk`).toEqual([]);
  const ids = texts.filter((x) => INTERNAL_ID.test(x));
  expect(english, `${where}: English text under Norsk`).toEqual([]);
  expect(ids, `${where}: internal ids shown`).toEqual([]);
}

async function everySize(page: Page, lang: 'en' | 'nb', name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    const where = `${name} at ${size.width}×${size.height} (${lang})`;
    await checkLayout(page, where);
    await page.screenshot({ path: `tests/artifacts/screens/${name}-${size.width}-${lang}.png` });
  }
  if (lang === 'nb') await checkNorsk(page, name);
}

for (const lang of ['en', 'nb'] as const) {
  test(`screens hold at every size and read in ${lang === 'en' ? 'English' : 'Norsk'}`, async ({ page, guard }) => {
    test.setTimeout(240_000);
    void guard;
    const T = lang === 'en' ? en : nb;
    await page.goto('/?library');
    if (lang === 'nb') await page.evaluate(() => localStorage.setItem('lf.lang', 'nb'));
    await page.reload();
    await everySize(page, lang, 'library');

    await page.locator('[data-scenario="breakdown-drill"] [data-testid="open-scenario"]').click();
    await everySize(page, lang, 'briefing');
    await page.getByRole('button', { name: T['briefing.start'] }).click();
    await page.getByRole('button', { name: '60×' }).click();
    await expect(page.locator('[data-alarm="M1.stopped"]')).toBeVisible({ timeout: 30_000 });
    await page.keyboard.press('Space');
    await page.locator('.station-list [data-station="M1"]').click();
    await page.getByTestId('faceplate').getByRole('button', { name: T['faceplate.lockOut'] }).click();
    await expect(page.getByTestId('refusal')).toBeVisible();
    await everySize(page, lang, 'control-room');

    await page.setViewportSize(SIZES[0]);
    if (lang === 'en') await endDrill(page);
    else {
      await page.getByRole('button', { name: T['run.end'] }).click();
      await page.getByRole('button', { name: T['run.endYes'] }).click();
    }
    await expect(page.getByTestId('debrief')).toBeVisible();
    await everySize(page, lang, 'debrief');

    // The run's replay from the sessions list, presenter mode on and back off at the largest size.
    await page.getByRole('button', { name: T['debrief.again'] }).click();
    await page.locator('[data-testid="sessions"] tbody tr').first().getByRole('button', { name: T['sessions.replay'] }).click();
    await expect(page.getByTestId('replay-badge')).toBeVisible();
    await everySize(page, lang, 'replay');
    await page.setViewportSize(SIZES[2]);
    await page.getByTestId('presenter-toggle').check();
    await everySize(page, lang, 'presenter');
    await page.setViewportSize(SIZES[2]);
    await page.getByTestId('presenter-toggle').uncheck();
    await everySize(page, lang, 'replay-after-presenter');

    // Compare this run with another of the same drill (a recorded one, imported).
    await page.setViewportSize(SIZES[0]);
    await page.getByRole('button', { name: T['replay.close'] }).click();
    await page.getByTestId('replay-file').setInputFiles('tests/golden/breakdown-drill.session.json');
    await expect(page.getByTestId('replay-verification')).toBeVisible();
    await page.getByRole('button', { name: T['replay.close'] }).click();
    const rows = page.locator('[data-testid="sessions"] tbody tr');
    await expect(rows).toHaveCount(2);
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await page.getByTestId('compare').click();
    await expect(page.getByTestId('compare-view')).toBeVisible();
    await expect(page.locator('.compare-chart canvas')).toHaveCount(3);
    await everySize(page, lang, 'compare');
  });
}

test('every kind of line reads in Norsk: briefing and control room of a packaging line, an assembly cell, parallel machines and a machining cell', async ({ page, guard }) => {
  test.setTimeout(180_000);
  void guard;
  await page.goto('/?library');
  await page.evaluate(() => localStorage.setItem('lf.lang', 'nb'));
  for (const id of ['conveyor-jam', 'e-stop-assembly', 'bearing-wear', 'calibration-offset']) {
    await page.goto('/?library');
    await checkNorsk(page, 'library');
    await page.locator(`[data-scenario="${id}"] [data-testid="open-scenario"]`).click();
    await checkNorsk(page, `${id}: briefing`);
    await page.getByRole('button', { name: nb['briefing.start'] }).click();
    await page.getByRole('button', { name: '60×' }).click();
    await page.waitForTimeout(4000);
    await page.keyboard.press('Space');
    const button = page.locator('.station-list button').nth(2);
    await button.click();
    // A diagnosis's notice names the station as the screen does, in Norwegian (it once took the engine's English name).
    const scenario = JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8')) as { line: { stations: { id: string; name?: { nb?: string } }[] } };
    const stationId = await button.getAttribute('data-station');
    const station = scenario.line.stations.find((x) => x.id === stationId);
    await page.getByTestId('faceplate').getByRole('button', { name: nb['faceplate.declare'] }).click();
    await expect(page.getByTestId('toasts')).toContainText(`Diagnosen er registrert: ${station?.name?.nb}`);
    await checkNorsk(page, `${id}: control room`);
    await page.screenshot({ path: `tests/artifacts/screens/${id}-nb.png` });
  }
});

test('the drills of the factory interfaces read in Norsk and hold at every size: the dark control room, Connect the line, the figure to report', async ({ page, guard }) => {
  test.setTimeout(180_000);
  void guard;
  await page.goto('/?library');
  await page.evaluate(() => localStorage.setItem('lf.lang', 'nb'));
  for (const id of ['hmi-down', 'oee-dashboard']) {
    await page.goto('/?library');
    await page.locator(`[data-scenario="${id}"] [data-testid="open-scenario"]`).click();
    await checkNorsk(page, `${id}: briefing`);
    await page.getByRole('button', { name: nb['briefing.start'] }).click();
    await page.getByTestId('line-link').locator('summary').click();
    await everySize(page, 'nb', `${id}-control-room`);
  }
});

test('the scenario editor reads in Norsk and holds at every size, tab by tab', async ({ page, guard }) => {
  test.setTimeout(180_000);
  void guard;
  await page.goto('/?library');
  await page.evaluate(() => {
    localStorage.setItem('lf.lang', 'nb');
    localStorage.setItem('lf.instructor', '1');
  });
  await page.reload();
  await page.locator('[data-scenario="breakdown-drill"] [data-testid="edit-copy"]').click();
  for (const tab of ['line', 'faults', 'alarms', 'settings', 'experiment']) {
    await page.getByTestId(`tab-${tab}`).click();
    if (tab === 'line') await page.locator('[data-testid="graph-station"][data-station="M1"]').click();
    if (tab === 'faults') await page.getByTestId('fault-item').first().click();
    await everySize(page, 'nb', `editor-${tab}`);
  }
  await page.getByTestId('check-drill').click();
  await expect(page.getByTestId('check-verdict')).toBeVisible({ timeout: 60_000 });
  await everySize(page, 'nb', 'editor-check');
});

/**
 * Every control a student can use, scrolled to, is there to be used: on screen, not cut off by
 * a box too small for it, and not covered by something else (what WCAG 1.4.4 asks at 200 %).
 */
async function checkReachable(page: Page, where: string): Promise<void> {
  const controls = page.locator('button:visible, a[href]:visible, select:visible, input:visible, [role="slider"]:visible');
  const n = await controls.count();
  const problems: string[] = [];
  for (let k = 0; k < n; k++) {
    const c = controls.nth(k);
    await c.scrollIntoViewIfNeeded();
    const problem = await c.evaluate((el) => {
      let r = el.getBoundingClientRect();
      // A skip link waits off screen until it has the focus.
      if (r.right < 0 || r.left > window.innerWidth) {
        (el as HTMLElement).focus();
        r = el.getBoundingClientRect();
      }
      if (r.width < 1 || r.height < 1) return null;
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('name') ?? el.tagName).trim().slice(0, 40);
      if (r.left < -1 || r.right > window.innerWidth + 1) return `${name}: off screen sideways`;
      const x = Math.min(Math.max(r.left + r.width / 2, 0), window.innerWidth - 1);
      const y = Math.min(Math.max(r.top + r.height / 2, 0), window.innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      if (hit === null || (hit !== el && !el.contains(hit) && !hit.contains(el))) return `${name}: covered by ${hit?.className || hit?.tagName}`;
      return null;
    });
    if (problem !== null) problems.push(problem);
  }
  expect(problems, `${where}: controls that cannot be used`).toEqual([]);
}

test.describe('browser zoom at 200 %', () => {
  // A 1280×800 screen at 200 % zoom: 640×400 CSS pixels, two device pixels each.
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  for (const lang of ['en', 'nb'] as const)
  test(`every screen reflows into one column and every control can be used (${lang === 'en' ? 'English' : 'Norsk'})`, async ({ page, guard }) => {
    test.setTimeout(240_000);
    void guard;
    const T = lang === 'en' ? en : nb;
    await page.goto('/?library');
    await page.evaluate((l) => {
      localStorage.setItem('lf.lang', l);
      localStorage.setItem('lf.toured', '1');
    }, lang);
    await page.reload();
    const shot = async (name: string) => {
      await page.screenshot({ path: `tests/artifacts/screens/zoom200-${name}-${lang}.png`, fullPage: true });
      await checkLayout(page, `${name} at 200 % (${lang})`);
      await checkReachable(page, `${name} at 200 % (${lang})`);
    };
    await toBreakdownFaceplate(page, T, async (screen) => {
      if (screen !== 'control room') await shot(screen);
    });
    // The 3D view keeps a usable share of the window; the faceplate is beside nothing, full width.
    const view = (await page.locator('.line-view').boundingBox())!;
    expect(view.height).toBeGreaterThanOrEqual(260);
    expect(view.width).toBeGreaterThan(560);
    expect((await page.getByTestId('faceplate').boundingBox())!.width).toBeGreaterThan(560);
    await shot('control-room');
    await page.getByRole('button', { name: T['run.end'] }).click();
    await page.getByRole('button', { name: T['run.endYes'] }).click();
    await expect(page.getByTestId('debrief')).toBeVisible();
    await shot('debrief');
  });
});
