// axe-core finds no WCAG 2.2 AA violation on any page type, in light and dark colour schemes.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launch } from './browser.ts';

const pages = [
  ['home', ''],
  ['stakeholder index', 'stakeholders/'],
  ['stakeholder', 'stakeholders/employers/'],
  ['work-stream matrix', 'work-streams/'],
  ['action areas', 'action-areas/'],
  ['glossary', 'glossary/'],
  ['frameworks', 'frameworks/'],
  ['resources', 'resources/'],
  ['resources by topic', 'resources/topic/technology-and-standards/'],
  ['resources by stakeholder', 'resources/stakeholder/employers/'],
  ['guidance page', 'lers-explained/'],
  ['about', 'about/'],
  ['search results', 'search/?q=credential'],
  ['not found', 'no-such-page/'],
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['light', 'dark'] as const)('in the %s colour scheme', (colorScheme) => {
  it.each(pages)('the %s page has no axe violations', async (_name, path) => {
    for (const width of [1280, 375]) {
      const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 } });
      const page = await context.newPage();
      const response = await page.goto(inject('siteUrl') + path);
      expect(response?.status()).toBe(path.startsWith('no-such') ? 404 : 200);
      if (path.startsWith('search/')) await page.locator('.pagefind-ui__result').first().waitFor();
      expect(await axeViolations(page), `${path} at ${width}px`).toEqual([]);
      await context.close();
    }
  });
});
