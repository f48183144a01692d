// The build checks the content first: errors stop it with exactly the lines of `npm run check`,
// warnings are printed and the build goes on; a new stakeholder file joins the map by itself.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkIn } from '../core/run-check.ts';
import { loadContent } from '#core';
import { buildSite, copyContent, elements, fileOfPath, listFiles, prop, readHtml, textOf, unrenderedFields } from './helpers.ts';

const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

const newStakeholder = `---
name: Test Observers
order: 99
icon: employers.svg
icon_alt: A briefcase
examples:
  - People who watch the tests run
work_streams:
  developing:
    - Watch the map being developed
  issuing:
    - Watch records being issued
  using:
    - Watch records being used
  adopting:
    - Watch records being adopted
action_areas:
  promoting-adoption:
    - Tell others what they saw
business_case:
  - title: Clear view
    description: They see what happens.
  - title: Early notice
    description: They notice problems early.
social_case:
  - title: Shared view
    description: Everyone can see the same thing.
  - title: Fair view
    description: Nobody is left out of the view.
quote:
  text: A made-up sentence that stands in for a quote in this test.
  attribution: A fictional observer, Example Organization
  source: https://test-observers.invalid/quote
related_terms:
  - issuer
---
Test observers are a stakeholder added by a test, to show that a new file joins the map.
`;

describe('the build checks the content first', () => {
  it('stops on errors with exactly the lines npm run check prints, and writes no site', async () => {
    const root = await copyContent();
    cleanup.push(root);
    await writeFile(join(root, 'content/stakeholders/broken.md'), '---\nname: Broken\norder: one\n---\nA stakeholder with missing fields.\n');
    const check = await checkIn(root);
    const build = await buildSite({ contentRoot: root });
    cleanup.push(build.dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('content/stakeholders/broken.md:3:8: error');
    expect(build.code).toBe(1);
    expect(build.stdout).toBe(check.stdout);
    expect(build.stderr).toBe('');
    expect(await listFiles(build.dir)).toEqual([]);
  });

  it('prints warnings and goes on; a new stakeholder file appears on the map with no template change', async () => {
    const root = await copyContent();
    cleanup.push(root);
    await writeFile(join(root, 'content/stakeholders/test-observers.md'), newStakeholder);
    // Optional fields the real content may not use yet: an organization's logo.
    await writeFile(join(root, 'content/organizations/example-organization.md'), '---\nname: Example Organization\nurl: https://example-organization.invalid/\nrole: thanks\nlogo: governance.svg\n---\n');
    // A byte-order mark is a warning, not an error.
    const issuer = await readFile(join(root, 'content/glossary/issuer.md'), 'utf8');
    await writeFile(join(root, 'content/glossary/issuer.md'), `\uFEFF${issuer}`);
    const check = await checkIn(root);
    const build = await buildSite({ contentRoot: root });
    cleanup.push(build.dir);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    expect(build.stdout).toContain('content/glossary/issuer.md:1:1: warning Unexpected byte-order mark');
    expect(build.stdout.startsWith(check.stdout)).toBe(true);

    const home = elements(await readHtml(fileOfPath(build.dir, '/')));
    const svg = home.find((e) => e.tagName === 'svg' && prop(e, 'className')?.includes('ecosystem-map'))!;
    const mapLink = elements(svg).find((e) => e.tagName === 'a' && prop(e, 'href') === '/stakeholders/test-observers/');
    expect(mapLink && textOf(mapLink)).toBe('Test Observers');
    const list = home.find((e) => prop(e, 'ariaLabelledBy') === 'map-list-heading')!;
    expect(elements(list).some((e) => e.tagName === 'a' && prop(e, 'href') === '/stakeholders/test-observers/')).toBe(true);
    const page = elements(await readHtml(fileOfPath(build.dir, '/stakeholders/test-observers/')));
    expect(textOf(page.find((e) => e.tagName === 'h1')!)).toBe('Test Observers');
    // This copy has no git history, so no page claims a "last updated" date.
    expect(page.some((e) => e.tagName === 'time')).toBe(false);
    // Every field is shown, the quote and the logo included.
    const loaded = await loadContent(root);
    expect(await unrenderedFields(build.dir, loaded.files.filter((f) => f.type && f.data), root)).toEqual([]);
    expect(textOf(page.find((e) => e.tagName === 'blockquote')!)).toBe('A made-up sentence that stands in for a quote in this test.');
  });
});
