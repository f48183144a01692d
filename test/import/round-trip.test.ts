// Import, then export: the fixtures are imported into a temporary checkout, a maintainer's
// completion adds what the legacy format cannot hold, the real site build (scripts/build.ts, with
// Eleventy) runs on it, and every legacy value the import placed in a record is on that record's page.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes } from 'hast';
import { importLegacy, keysOf, recordPath, typeOfPath, workStreamSlugs, type ImportResult } from '#core';
import { checkout, fixtures, script, temporaryDirectories } from './legacy-fixtures.ts';

const temporary = temporaryDirectories();

/** What a maintainer adds after the import so the content validates; each step says if it replaces a legacy value. */
class Completion {
  /** Legacy values (`file:line`) that a step replaced; only these may be missing from the pages. */
  readonly replaced = new Set<string>();
  constructor(readonly root: string) {}

  private async edit(path: string, change: (doc: Document, body: string) => string): Promise<void> {
    const full = join(this.root, path);
    const text = await readFile(full, 'utf8');
    const m = /^---\n([\s\S]*?)---\n([\s\S]*)$/.exec(text)!;
    const doc = parseDocument(m[1]!);
    const body = change(doc, m[2]!);
    // Keys in schema order, work streams in stream order, as the rules want them.
    const type = typeOfPath(path)!;
    const rank = (key: unknown, order: readonly string[]) => order.indexOf(String(isScalar(key) ? key.value : key));
    const sort = (map: unknown, order: readonly string[]) => {
      if (isMap(map)) map.items.sort((a, b) => rank(a.key, order) - rank(b.key, order));
    };
    sort(doc.contents, keysOf(type));
    sort(doc.get('work_streams'), workStreamSlugs);
    await writeFile(full, `---\n${doc.toString({ lineWidth: 0 })}---\n${body}`);
  }

  /** Adds a front-matter value the import could not fill; fails if the import had filled it. */
  async add(path: string, key: (string | number)[], value: unknown): Promise<void> {
    await this.edit(path, (doc, body) => {
      expect(doc.hasIn(key), `${path} already has ${key.join('.')}`).toBe(false);
      doc.setIn(key, value);
      return body;
    });
  }

  /** Writes the body of a record that has none. */
  async body(path: string, text: string): Promise<void> {
    await this.edit(path, (_doc, body) => {
      expect(body.trim(), `${path} already has a body`).toBe('');
      return `${text}\n`;
    });
  }

  /** A new file (an icon, a record); fails if the import wrote one there. */
  async create(path: string, text: string): Promise<void> {
    const full = join(this.root, path);
    await expect(readFile(full)).rejects.toThrow();
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, text);
  }

  /** Replaces text the validator rejects (a duplicate URL, raw HTML); `legacy` names the value it replaces, if any. */
  async replace(path: string, from: string, to: string, legacy?: string): Promise<void> {
    const full = join(this.root, path);
    const text = await readFile(full, 'utf8');
    expect(text, `${path} contains ${from}`).toContain(from);
    await writeFile(full, text.replace(from, to));
    if (legacy) this.replaced.add(legacy);
  }
}

/** An icon of our own with a path that identifies it on the built page. */
const icon = (mark: number) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><path d="M${mark} 8 L56 56" fill="none" stroke="currentColor"/></svg>\n`;

/** The completion of the `map` fixture: everything its validator messages ask for, and nothing else. */
async function completeMap(c: Completion): Promise<void> {
  await c.add('content/glossary/learning-and-employment-record.md', ['related'], ['issuer']);
  await c.add('content/glossary/skills-passport.md', ['related'], ['wallet']);
  await c.add('content/glossary/wallet.md', ['related'], ['verifier']);
  await c.add('content/pages/about.md', ['description'], 'About the fixture site.');
  await c.add('content/pages/home.md', ['description'], 'The fixture site\'s former home page.');
  for (const r of ['a-field-guide-to-records', 'a-resource-without-a-link', 'records-in-practice', 'tools-for-checking-records']) {
    await c.add(`content/resources/${r}.md`, ['stakeholders'], ['learners-earners']);
  }
  await c.add('content/resources/a-resource-without-a-link.md', ['url'], 'https://www.w3.org/TR/did-core/');
  await c.add('content/resources/a-resource-without-a-link.md', ['topic'], 'general');
  await c.add('content/resources/tools-for-checking-records.md', ['topic'], 'technology-and-standards');
  await c.replace('content/resources/records-in-practice.md', 'https://www.w3.org/TR/vc-data-model-2.0/', 'https://www.w3.org/TR/vc-overview/', '_data/resources-list.yml:11');
  await c.replace('content/resources/tools-for-checking-records.md', 'http://www.imsglobal.org/', 'https://www.imsglobal.org/', '_data/resources-list.yml:18');
  await c.add('content/stakeholders/employers.md', ['work_streams', 'using'], ['Read records sent with applications']);
  await c.create('content/action-areas/hiring.md', '---\ntitle: Hiring\norder: 4\n---\nWhat stakeholders do when they hire.\n');
  await c.add('content/stakeholders/learners-earners.md', ['quote', 'source'], 'https://www.w3.org/');
  await c.add('content/stakeholders/standards-bodies.md', ['action_areas'], { 'promoting-adoption': ['Explain the standards in plain words'] });
  await c.add('content/stakeholders/standards-bodies.md', ['social_case'], [
    { title: 'Open to all', description: 'Anyone may use the standards.' },
    { title: 'Lasting records', description: 'Records stay readable as tools change.' },
  ]);
  await c.add('content/stakeholders/standards-bodies.md', ['business_case', 0, 'description'], 'One set of rules for every tool.');
  await c.add('content/stakeholders/standards-bodies.md', ['business_case', 1], { title: 'Less custom work', description: 'Tools connect without one-off code.' });
  await c.create('content/icons/learners.svg', icon(11));
  await c.create('content/icons/employers.svg', icon(12));
  await c.create('content/icons/standards.svg', icon(13));
  for (const s of workStreamSlugs) await c.body(`content/work-streams/${s}.md`, `What the ${s} work stream is about.`);
  // Raw HTML and a link to a page that was not imported: a maintainer rewrites them (no legacy value is in them).
  await c.replace('content/pages/about.md', '<!-- remember to update the video -->\n\n', '');
  await c.replace('content/pages/about.md', '<iframe src="https://www.w3.org/video" title="A video"></iframe>\n\n', '');
  await c.replace('content/pages/about.md', '(/old-page)', '(/about/)');
  await c.create('content/pages/images/learners.svg', icon(14));
}

const squash = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, '');

/** What a reader gets from a built page: its text, then the alternative text and targets of images and links. */
function readable(html: string): string {
  const text: string[] = [];
  const attributes: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'text') text.push(node.value);
    if (node.type === 'element') {
      if (node.tagName === 'script' || node.tagName === 'style') return;
      for (const p of ['alt', 'href', 'src', 'title', 'ariaLabel'] as const) {
        const v = node.properties?.[p];
        if (typeof v === 'string') attributes.push(v);
      }
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(fromHtml(html));
  // Kept apart so that a link inside a sentence does not split the sentence's text.
  return [squash(text.join('')), ...attributes.map(squash)].join('\u0000');
}

/** The built page of the record an output file holds. */
function pageFile(site: string, path: string): string {
  const type = typeOfPath(path)!;
  const slug = path.split('/').pop()!.replace(/\.md$/, '');
  return join(site, recordPath(type, slug).split('#')[0]!, 'index.html');
}

async function importAndBuild(name: string, complete?: (c: Completion) => Promise<void>) {
  const root = await temporary(`ler-roundtrip-${name}-`);
  const imported = await script('import.ts', root, [join(fixtures, name), '--out', 'content']);
  expect(imported.stderr).toBe('');
  const completion = new Completion(root);
  if (complete) await complete(completion);
  // Every message of the check must be gone: the build refuses content with errors.
  const check = await script('check.ts', root, []);
  expect(check.stdout.split('\n').filter((l) => / error /.test(l))).toEqual([]);
  const build = await script('build.ts', root, ['--output', join(root, '_site'), '--quiet'], { CONTENT_ROOT: root, SEARCH_INDEX: 'off' });
  expect(build.stderr).toBe('');
  expect(build.code).toBe(0);
  return { root, site: join(root, '_site'), completion, result: importLegacy(await checkout(name)) };
}

/** Asserts that every value placed in a record is on its page; returns how many were checked. */
async function expectOnPages(site: string, root: string, result: ImportResult, replaced: Set<string>): Promise<number> {
  const pages = new Map<string, string>();
  let checked = 0;
  for (const value of result.values) {
    if (!('path' in value.to)) continue;
    if (replaced.has(`${value.file}:${value.line}`)) continue;
    const file = pageFile(site, value.to.path);
    if (!pages.has(file)) pages.set(file, await readFile(file, 'utf8'));
    const html = pages.get(file)!;
    const where = `${value.file}:${value.line}:${value.column} ${JSON.stringify(value.text)} on ${file.slice(site.length)}`;
    if (value.to.as === 'icon') {
      // Icons are drawn inline: the page holds the drawing of the icon file the value names.
      const svg = await readFile(join(root, 'content/icons', value.to.shows[0]!), 'utf8');
      const mark = /d="([^"]+)"/.exec(svg)![1]!;
      expect(html, where).toContain(`d="${mark}"`);
    } else {
      const text = readable(html);
      for (const shown of value.to.shows) expect(text, where).toContain(squash(shown));
    }
    checked++;
  }
  return checked;
}

describe('import then build the site', () => {
  it('keeps every value of the broken-yaml fixture on its record\'s page', async () => {
    const { site, root, result } = await importAndBuild('broken-yaml');
    expect(await expectOnPages(site, root, result, new Set())).toBe(6);
  });

  it('keeps every value of the map fixture on its record\'s page, except the two URLs a maintainer had to change', async () => {
    const { site, root, result, completion } = await importAndBuild('map', completeMap);
    expect([...completion.replaced]).toEqual(['_data/resources-list.yml:11', '_data/resources-list.yml:18']);
    const placed = result.values.filter((v) => 'path' in v.to).length;
    expect(await expectOnPages(site, root, result, completion.replaced)).toBe(placed - 2);
  });
});
