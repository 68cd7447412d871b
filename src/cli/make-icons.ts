/**
 * Renders assets/icon.svg into the PNG icons the web app manifest lists (a browser installs an
 * app only with PNG icons of 192 and 512 px), in headless Chromium. Run with `npm run icons`
 * after changing the SVG; the PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZES = [
  { file: 'assets/icon-192.png', size: 192, padding: 0 },
  { file: 'assets/icon-512.png', size: 512, padding: 0 },
  { file: 'assets/apple-touch-icon.png', size: 180, padding: 0 },
  // Maskable: the launcher may cut a circle out of it, so the picture keeps to the middle 80 %.
  { file: 'assets/icon-maskable-512.png', size: 512, padding: 0.1 },
];

async function main(): Promise<void> {
  const svg = readFileSync('assets/icon.svg', 'utf8');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const { file, size, padding } of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const inset = Math.round(size * padding);
      await page.setContent(
        `<html><body style="margin:0;background:#263238"><div style="position:absolute;inset:${inset}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body></html>`,
      );
      await page.screenshot({ path: file, omitBackground: padding === 0 });
      await page.close();
      process.stdout.write(`wrote ${file}\n`);
    }
  } finally {
    await browser.close();
  }
}

void main();
