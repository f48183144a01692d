// What a reader does: reach and follow the map's links with the keyboard, search for a term,
// give feedback on a page, and filter resources with and without JavaScript.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './browser.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const site = () => inject('siteUrl');

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  page = await context.newPage();
  await page.goto(site() + path);
  return page;
}

describe('the ecosystem map', () => {
  it('has a named link for every stakeholder, each reachable with Tab, in map order', async () => {
    await open('');
    const map = page.locator('svg.ecosystem-map');
    const names = await map.locator('a.map-node').allTextContents();
    const listed = await page.locator('[aria-labelledby="map-list-heading"] a').allTextContents();
    expect(names.map((n) => n.trim())).toEqual(listed);
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of listed) await expect(map.getByRole('link', { name, exact: true }).count()).resolves.toBe(1);

    const reached: string[] = [];
    for (let i = 0; i < 80 && reached.length < names.length; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.closest('svg.ecosystem-map') && el.classList.contains('map-node') ? el.textContent!.trim() : null;
      });
      if (focused) reached.push(focused);
    }
    expect(reached).toEqual(listed);
  });

  it('follows a map link with Enter to the stakeholder page', async () => {
    await open('');
    const link = page.locator('svg.ecosystem-map a.map-node', { hasText: 'Employers' });
    await link.focus();
    await expect(page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).resolves.toBe('solid');
    await Promise.all([page.waitForURL('**/stakeholders/employers/'), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Employers');
  });

  it('opens with a skip link that moves focus to the content', async () => {
    await open('stakeholders/employers/');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
  });
});

describe('search', () => {
  it('finds the glossary entry of a term (Pagefind, under the path prefix)', async () => {
    await open('search/');
    const input = page.locator('.pagefind-ui__search-input');
    await input.fill('verifiable credential');
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor();
    const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const glossary = hrefs.find((h) => new URL(h).pathname === new URL(site()).pathname + 'glossary/' || h.includes('/glossary/#'));
    expect(glossary, hrefs.join('\n')).toBeDefined();
    await page.goto(glossary!);
    await expect(page.locator('h1').textContent()).resolves.toBe('Glossary');
    await expect(page.locator('h3#verifiable-credential').textContent()).resolves.toContain('Verifiable Credential');
  });

  it('searches the query of the plain form (?q=) at once', async () => {
    await open('search/?q=issuer');
    await page.locator('.pagefind-ui__result-link').first().waitFor();
    await expect(page.locator('.pagefind-ui__search-input').inputValue()).resolves.toBe('issuer');
    await expect(page.locator('[data-search-form]').isVisible()).resolves.toBe(false);
  });

  it('without JavaScript, says so and lists everything on the map instead', async () => {
    await open('search/', { javaScriptEnabled: false });
    await expect(page.locator('[data-no-js-note]').isVisible()).resolves.toBe(true);
    await page.locator('#search-query').fill('issuer');
    await Promise.all([page.waitForURL('**/search/?q=issuer'), page.locator('#search-query').press('Enter')]);
    await expect(page.getByRole('link', { name: 'Issuer', exact: true }).count()).resolves.toBe(1);
  });
});

describe('feedback', () => {
  it('opens GitHub’s feedback form with this page and its source filled in', async () => {
    await open('stakeholders/employers/');
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(canonical).toBe(`${inject('publicUrl')}stakeholders/employers/`);
    // GitHub is out of reach from here: catch the navigation and look at where it was going.
    let requested = '';
    await context.route('https://github.com/**', (route) => {
      requested = route.request().url();
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>GitHub</title>' });
    });
    await Promise.all([page.waitForURL('https://github.com/**'), page.getByRole('link', { name: 'Give feedback on this page' }).click()]);
    const url = new URL(requested);
    expect(url.pathname).toBe('/digitalcredentials/ler-ecosystem-map/issues/new');
    expect(url.searchParams.get('template')).toBe('feedback.yml');
    expect(url.searchParams.get('page')).toBe(`${canonical} (source: content/stakeholders/employers.md)`);
  });
});

describe('resources', () => {
  it('filters instantly with JavaScript, and keeps the choice in the address', async () => {
    await open('resources/');
    const all = await page.locator('.resource').count();
    await page.getByLabel('Topic').selectOption('technology-and-standards');
    const shown = await page.locator('.resource:visible').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(all);
    for (const topic of await page.locator('.resource:visible').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.topic))) {
      expect(topic).toBe('technology-and-standards');
    }
    await expect(page.locator('.filter-status').textContent()).resolves.toBe(`Showing ${shown} of ${all} resources.`);
    expect(new URL(page.url()).searchParams.get('topic')).toBe('technology-and-standards');
    await page.getByLabel('Stakeholder').selectOption('employers');
    for (const s of await page.locator('.resource:visible').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.stakeholders!))) {
      expect(s.split(' ')).toContain('employers');
    }
  });

  it('filters with plain links without JavaScript', async () => {
    await open('resources/', { javaScriptEnabled: false });
    await Promise.all([page.waitForURL('**/resources/topic/policy-and-governance/'), page.getByRole('link', { name: 'Policy and governance' }).first().click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Resources: Policy and governance');
    const topics = await page.locator('.resource').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.topic));
    expect(topics.length).toBeGreaterThan(0);
    expect(new Set(topics)).toEqual(new Set(['policy-and-governance']));
  });
});

describe('layout', () => {
  it('folds the navigation behind a Menu button on phones, and keeps it open without JavaScript', async () => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    page = await context.newPage();
    await page.goto(site() + 'glossary/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(nav.isVisible()).resolves.toBe(false);
    await menu.click();
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
    await Promise.all([page.waitForURL('**/frameworks/'), nav.getByRole('link', { name: 'Frameworks' }).click()]);

    await context.close();
    context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    page = await context.newPage();
    await page.goto(site() + 'glossary/');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Frameworks' }).isVisible()).resolves.toBe(true);
  });

  it('prints the content without navigation or page tools', async () => {
    await open('stakeholders/employers/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-nav').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('link', { name: 'Give feedback on this page' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('h1').isVisible()).resolves.toBe(true);
    await expect(page.locator('.definition').isVisible()).resolves.toBe(true);
  });
});
