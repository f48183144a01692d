// Screenshots of the home page, a stakeholder page and the glossary at desktop and phone widths,
// written to test-results/ for people to look at (the pages must also fit: no sideways scrolling).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from './browser.ts';

const out = join(import.meta.dirname, '../../test-results');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  await mkdir(out, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const shots = [
  ['home', ''],
  ['stakeholder', 'stakeholders/employers/'],
  ['glossary', 'glossary/'],
] as const;

it.each(shots.flatMap(([name, path]) => [1280, 375].flatMap((width) => (['light', 'dark'] as const).map((scheme) => [name, width, scheme, path] as const))))(
  '%s at %ipx (%s)',
  async (name, width, colorScheme, path) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    const page = await context.newPage();
    await page.goto(inject('siteUrl') + path);
    const file = join(out, `${name}-${width}${colorScheme === 'dark' ? '-dark' : ''}.png`);
    await page.screenshot({ path: file, fullPage: true });
    // Nothing is wider than the window (360px and up must work without sideways scrolling).
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
    await context.close();
  },
);
