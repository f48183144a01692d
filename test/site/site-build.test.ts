// The built site, as Eleventy and Pagefind really write it: every record has its page, nothing is
// empty, every field is shown, every internal link and anchor resolves (also under a path prefix),
// and the open data, sitemap, canonical URLs, feedback and edit links are right.
import { execFileSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Element } from 'hast';
import { contentTypeNames, loadContent, recordPath, sortKey, type ContentTypeName, type LoadedContent, type ParsedFile } from '#core';
import { buildSite, elements, fileOfPath, headingIdOf, listFiles, prop, readHtml, repoRoot, scopeOf, textOf, unrenderedFields, type BuildResult } from './helpers.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const siteUrl = 'https://digitalcredentials.github.io/ler-ecosystem-map/';
const repository = 'digitalcredentials/ler-ecosystem-map';
const dataSetOf: Partial<Record<ContentTypeName, string>> = {
  stakeholder: 'stakeholders',
  'work-stream': 'work-streams',
  'action-area': 'action-areas',
  glossary: 'glossary',
  resource: 'resources',
  framework: 'frameworks',
};

let content: LoadedContent;
const builds: Record<string, BuildResult> = {};

beforeAll(async () => {
  const [plain, prefixed] = await Promise.all([buildSite(), buildSite({ prefix: '/ler-ecosystem-map/' })]);
  builds['/'] = plain;
  builds['/ler-ecosystem-map/'] = prefixed;
  content = await loadContent(repoRoot);
}, 300_000);

afterAll(async () => {
  for (const b of Object.values(builds)) await rm(b.dir, { recursive: true, force: true });
});

const records = (): ParsedFile[] => content.files.filter((f) => f.type && f.data);

describe.each(['/', '/ler-ecosystem-map/'])('the site built with path prefix %s', (prefix) => {
  const build = () => builds[prefix]!;

  it('builds without errors', () => {
    expect(build().code, build().stdout + build().stderr).toBe(0);
    expect(build().stdout).toMatch(/\[search\] Pagefind indexed \d+ pages/);
  });

  it('gives every content record its page or anchor', async () => {
    const missing: string[] = [];
    for (const file of records()) {
      if (!(await scopeOf(build().dir, file).catch(() => undefined))) missing.push(`${file.path} → ${recordPath(file.type!, file.slug)}`);
    }
    expect(missing).toEqual([]);
    expect(records().length).toBeGreaterThan(50);
  });

  it('writes no empty page: each has one h1 and real text in <main>', async () => {
    const pages = (await listFiles(build().dir)).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
    expect(pages.length).toBeGreaterThan(30);
    const bad: string[] = [];
    for (const page of pages) {
      const tree = await readHtml(join(build().dir, page));
      const main = elements(tree).find((e) => e.tagName === 'main');
      const h1s = elements(tree).filter((e) => e.tagName === 'h1');
      if (!main || h1s.length !== 1 || textOf(main).length < 120) bad.push(`${page}: ${h1s.length} h1, ${main ? textOf(main).length : 0} characters`);
    }
    expect(bad).toEqual([]);
  });

  it('renders every field of every record', async () => {
    expect(await unrenderedFields(build().dir, records(), repoRoot)).toEqual([]);
  });

  it('shows records in the order their `order` fields give', async () => {
    const sorted = (type: ContentTypeName) =>
      records()
        .filter((f) => f.type === type)
        .sort((a, b) => (a.data!.order as number) - (b.data!.order as number))
        .map((f) => recordPath(type, f.slug));
    const home = elements(await readHtml(fileOfPath(build().dir, '/')));
    const list = home.find((e) => prop(e, 'ariaLabelledBy') === 'map-list-heading')!;
    expect(elements(list).filter((e) => e.tagName === 'a').map((a) => prop(a, 'href')!.slice(prefix.length - 1))).toEqual(sorted('stakeholder'));
    const ids = async (page: string, className: string) =>
      elements(await readHtml(fileOfPath(build().dir, page)))
        .filter((e) => prop(e, 'className') === className)
        .map((e) => `${page}#${headingIdOf(e)}`);
    expect(await ids('/work-streams/', 'card stream')).toEqual(sorted('work-stream'));
    expect(await ids('/action-areas/', 'area')).toEqual(sorted('action-area'));
  });

  it('lists the glossary alphabetically by a normalised key, with acronyms and other names findable', async () => {
    const terms = records().filter((f) => f.type === 'glossary');
    const page = elements(await readHtml(fileOfPath(build().dir, '/glossary/')));
    const shown = page.filter((e) => prop(e, 'className') === 'term').map(headingIdOf);
    const byKey = [...terms].sort((a, b) => sortKey(String(a.data!.term)).localeCompare(sortKey(String(b.data!.term)), 'en'));
    expect(shown).toEqual(byKey.map((t) => t.slug));
    // Each acronym has its own entry in the alphabet, pointing at its term.
    const see = page.filter((e) => prop(e, 'className') === 'see-entry');
    for (const t of terms.filter((x) => x.data!.acronym)) {
      const entry = see.find((e) => textOf(e).startsWith(`${String(t.data!.acronym)}: see`));
      expect(entry && elements(entry).some((a) => a.tagName === 'a' && prop(a, 'href')!.endsWith(`/glossary/#${t.slug}`)), String(t.data!.acronym)).toBe(true);
    }
  });

  it('has 0 broken internal links or anchors, and no duplicate ids', async () => {
    const dir = build().dir;
    const files = new Set(await listFiles(dir));
    const idsOf = new Map<string, Set<string>>();
    const ids = async (file: string) => {
      if (!idsOf.has(file)) idsOf.set(file, new Set(elements(await readHtml(join(dir, file))).map((e) => prop(e, 'id')).filter((x): x is string => !!x)));
      return idsOf.get(file)!;
    };
    const broken: string[] = [];
    const duplicates: string[] = [];
    let checked = 0;
    for (const page of [...files].filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))) {
      const all = elements(await readHtml(join(dir, page)));
      const seen = new Set<string>();
      for (const e of all) {
        const id = prop(e, 'id');
        if (id && seen.has(id)) duplicates.push(`${page}#${id}`);
        if (id) seen.add(id);
      }
      const pageUrl = `${prefix}${page.replace(/index\.html$/, '')}`;
      for (const e of all) {
        const attr = { a: 'href', link: 'href', script: 'src', img: 'src', form: 'action', source: 'src', iframe: 'src' }[e.tagName];
        const value = attr && prop(e, attr);
        if (!value || /^(https?:|mailto:|data:)/.test(value)) continue;
        checked++;
        const url = new URL(value, `http://site${pageUrl}`);
        if (!url.pathname.startsWith(prefix)) {
          broken.push(`${page}: ${value} (outside ${prefix})`);
          continue;
        }
        const inner = url.pathname.slice(prefix.length);
        const target = inner === '' || inner.endsWith('/') ? `${inner}index.html` : inner;
        if (!files.has(target)) broken.push(`${page}: ${value} (no ${target})`);
        else if (url.hash && !(await ids(target)).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${page}: ${value} (no anchor)`);
      }
    }
    expect(broken).toEqual([]);
    expect(duplicates).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('publishes open data with licence, attribution and schemas that describe the records', async () => {
    const ajv = addFormats(new Ajv2020({ strict: true, allErrors: true }));
    const counts: Record<string, number> = {};
    for (const name of ['stakeholders', 'work-streams', 'action-areas', 'glossary', 'resources', 'frameworks']) {
      const json = JSON.parse(await readFile(join(build().dir, 'api', `${name}.json`), 'utf8'));
      expect(json.license).toEqual({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
      expect(json.attribution).toContain('LER Ecosystem Map');
      expect(json.attribution).toContain(siteUrl);
      expect(json.count).toBe(json.records.length);
      counts[name] = json.records.length;
      for (const r of json.records) expect(r.page.startsWith(siteUrl)).toBe(true);
    }
    const count = (type: ContentTypeName) => records().filter((f) => f.type === type).length;
    expect(counts).toEqual({
      stakeholders: count('stakeholder'),
      'work-streams': count('work-stream'),
      'action-areas': count('action-area'),
      glossary: count('glossary'),
      resources: count('resource'),
      frameworks: count('framework'),
    });
    for (const type of contentTypeNames) {
      const schema = JSON.parse(await readFile(join(build().dir, 'api', 'schema', `${type}.schema.json`), 'utf8'));
      expect(schema.$comment).toContain('CC BY 4.0');
      expect(schema.$id).toBe(`${siteUrl}api/schema/${type}.schema.json`);
      const validate = ajv.compile(schema);
      const published = type === 'page' || type === 'organization' ? [] : JSON.parse(await readFile(join(build().dir, 'api', `${dataSetOf[type]}.json`), 'utf8')).records;
      for (const r of published) expect(validate(r.data), `${r.source}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      for (const file of records().filter((f) => f.type === type)) expect(validate(file.data), `${file.path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('lists every page in the sitemap and gives each its canonical URL and link preview', async () => {
    const sitemap = await readFile(join(build().dir, 'sitemap.xml'), 'utf8');
    const pages = (await listFiles(build().dir)).filter((f) => f.endsWith('index.html') && !f.startsWith('pagefind/'));
    for (const page of pages) {
      const canonical = siteUrl + page.replace(/index\.html$/, '');
      expect(sitemap).toContain(`<loc>${canonical}</loc>`);
      const head = elements(await readHtml(join(build().dir, page)));
      const meta = (p: string) => prop(head.find((e) => e.tagName === 'meta' && (prop(e, 'property') === p || prop(e, 'name') === p))!, 'content');
      expect(prop(head.find((e) => e.tagName === 'link' && prop(e, 'rel') === 'canonical')!, 'href')).toBe(canonical);
      expect(meta('og:url')).toBe(canonical);
      expect(meta('og:title')).toBeTruthy();
      expect(meta('og:description')!.length).toBeGreaterThan(20);
      expect(meta('twitter:card')).toBe('summary');
      // Every page offers feedback (naming the page and its source) and an edit link.
      const feedback = new URL(prop(head.find((e) => prop(e, 'className') === 'feedback-link')!, 'href')!);
      expect(feedback.searchParams.get('page')).toMatch(new RegExp(`^${canonical.replace(/[.?+]/g, '\\$&')} \\(source: content/[^)]*\\)$`));
      expect(prop(head.find((e) => prop(e, 'className') === 'edit-link')!, 'href')).toMatch(new RegExp(`^https://github.com/${repository}/(edit|tree)/main/content`));
    }
    expect(sitemap).not.toContain('404');
  });

  it('links every page to feedback (with its URL and source) and to the editor of its source', async () => {
    const tree = elements(await readHtml(fileOfPath(build().dir, '/stakeholders/employers/')));
    const feedback = new URL(prop(tree.find((e) => prop(e, 'className') === 'feedback-link')!, 'href')!);
    expect(feedback.origin + feedback.pathname).toBe(`https://github.com/${repository}/issues/new`);
    expect(feedback.searchParams.get('template')).toBe('feedback.yml');
    expect(feedback.searchParams.get('page')).toBe(`${siteUrl}stakeholders/employers/ (source: content/stakeholders/employers.md)`);
    expect(prop(tree.find((e) => prop(e, 'className') === 'edit-link')!, 'href')).toBe(
      `https://github.com/${repository}/edit/main/content/stakeholders/employers.md`,
    );
    // Records on shared pages have their own links, naming the record's anchor and file.
    const glossary = elements(await readHtml(fileOfPath(build().dir, '/glossary/')));
    const term = glossary.find((e) => prop(e, 'ariaLabelledBy') === 'issuer')!;
    const links = elements(term).filter((e) => e.tagName === 'a').map((a) => prop(a, 'href')!);
    expect(links).toContain(`https://github.com/${repository}/edit/main/content/glossary/issuer.md`);
    const termFeedback = new URL(links.find((l) => l.includes('/issues/new'))!);
    expect(termFeedback.searchParams.get('page')).toBe(`${siteUrl}glossary/#issuer (source: content/glossary/issuer.md)`);
  });
});

describe('last updated', () => {
  it('is the date of the last commit of the page source, from git', async () => {
    const source = 'content/stakeholders/employers.md';
    const date = execFileSync('git', ['log', '-1', '--format=%cI', '--', source], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const tree = elements(await readHtml(fileOfPath(builds['/']!.dir, '/stakeholders/employers/')));
    const time = tree.find((e) => e.tagName === 'time');
    if (date) expect(prop(time!, 'dateTime')).toBe(date);
    else expect(time).toBeUndefined();
  });
});

