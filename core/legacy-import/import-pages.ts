// Top-level `*.md` pages → content/pages/ (HTML bodies converted to markdown), `_data/pagelist.yml`
// (navigation → page order, reported), and the `_stakeholders/*.md` templates (names compared).
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { LineIndex } from '../line-index.ts';
import { sectionPaths } from '../urls.ts';
import type { ImportContext } from './import-context.ts';
import { quoted } from './import-log.ts';
import { htmlToMarkdown } from './legacy-html.ts';
import { LegacyYaml, readFields, readLine } from './legacy-yaml.ts';
import { recordPath } from './record-file.ts';
import { slugify } from './slug.ts';

/** A legacy text file: path relative to the checkout and its text. */
export interface LegacyText {
  path: string;
  text: string;
}

/** Slugs of section pages the site generates itself ("glossary" → /glossary/). */
const sectionSlugs = new Set(Object.values(sectionPaths).map((p) => p.replace(/\//g, '')).filter(Boolean));

const siteNamePrefix = /^LER Ecosystem Map\s*[-–—|:]\s*/;

/** Splits `---` front matter from the body; the YAML keeps its offsets for line numbers. */
export function splitFrontMatter(text: string): { yaml: string; bodyStart: number } | undefined {
  const first = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!first) return undefined;
  const close = /^---[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(first[0].length);
  const m = close.exec(rest);
  if (!m) return undefined;
  const yamlEnd = first[0].length + m.index;
  // Blank out what precedes the YAML so offsets (and so lines) stay those of the file.
  const yaml = text.slice(0, first[0].length).replace(/[^\n]/g, ' ') + text.slice(first[0].length, yamlEnd);
  return { yaml, bodyStart: yamlEnd + m[0].length };
}

/** What a page file will become. */
interface PagePlan {
  file: LegacyText;
  legacySlug: string;
  kind: 'page' | 'section';
  slug: string;
  front: { yaml: string; bodyStart: number };
}

/** Imports pages and navigation, and compares the `_stakeholders/` page titles with the stakeholder names. */
export function importPages(pages: readonly LegacyText[], stakeholderPages: readonly LegacyText[], pagelist: LegacyYaml | undefined, ctx: ImportContext): void {
  const plans: PagePlan[] = [];
  for (const file of pages) {
    const front = splitFrontMatter(file.text);
    const legacySlug = file.path.replace(/\.md$/, '');
    if (!front) {
      ctx.log.unmapped({ file: file.path, line: 1, column: 1 }, 'not imported: it has no front matter, so Jekyll did not render it as a page');
      continue;
    }
    const kind = sectionSlugs.has(legacySlug) ? 'section' : 'page';
    plans.push({ file, legacySlug, kind, slug: legacySlug === 'index' ? 'home' : slugify(legacySlug), front });
  }
  for (const plan of plans) {
    if (plan.kind === 'page') {
      plan.slug = ctx.claim('page', plan.slug, { file: plan.file.path, line: 1, column: 1 });
      ctx.pages.set(plan.legacySlug, { slug: plan.slug });
    }
  }
  if (pagelist) importNavigation(pagelist, ctx);
  for (const plan of plans) importPage(plan, ctx);
  for (const file of stakeholderPages) compareStakeholderPage(file, ctx);
}

/** Where a legacy site path goes now: a site path, undefined to keep (external), null for nothing. */
function siteLink(href: string, ctx: ImportContext): string | null | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.startsWith('#') || href === '') return undefined;
  const [rawPath, hash] = href.split('#');
  const path = rawPath!.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\.html?$/, '').replace(/\/+$/, '');
  const anchor = hash ? `#${hash}` : '';
  if (path === '' || path === 'index') return `/${anchor}`;
  const person = /^stakeholders?\/([^/]+)$/.exec(path);
  if (person) {
    const s = ctx.stakeholders.get(person[1]!);
    return s ? `/stakeholders/${s.slug}/` : null;
  }
  const page = ctx.pages.get(path);
  if (page) return `/${page.slug}/${anchor}`;
  if (sectionSlugs.has(path)) return `/${path}/${anchor}`;
  return null;
}

function importPage(plan: PagePlan, ctx: ImportContext): void {
  const { file, front } = plan;
  const y = new LegacyYaml(file.path, front.yaml, ctx.log);
  const lines = new LineIndex(file.text);
  const at = (offset: number) => ({ file: file.path, ...lines.place(front.bodyStart + offset) });
  const fields = y.root ? readFields(y, y.root, ['layout', 'title', 'description', 'permalink'], `${file.path} front matter`) : undefined;
  const layout = fields?.get('layout');
  if (layout) {
    ctx.log.note(layout.origin, `layout ${quoted(isScalar(layout.value) ? String(layout.value.value) : '')} is not needed: the site chooses each page's layout`);
    y.reported(layout.value);
  }
  const title = readLine(y, fields?.get('title')?.value ?? null, 'page title');
  const body = file.text.slice(front.bodyStart);
  if (plan.kind === 'section') {
    const section = `/${plan.legacySlug}/`;
    ctx.log.note({ file: file.path, line: 1, column: 1 }, `not imported as a page: the site builds ${section} from content/${plan.legacySlug}/`);
    if (title) {
      ctx.log.unmapped(y.origin(title.node), `page title ${quoted(title.text)} is not imported (the site names ${section} itself)`);
      y.reported(title.node);
    }
    const converted = htmlToMarkdown(body);
    for (const issue of converted.issues) {
      if (issue.message.startsWith('kept Liquid')) ctx.log.note(at(issue.offset), `template code that listed the legacy data is not imported: ${issue.message.replace('kept Liquid template code as text: ', '')}`);
    }
    for (const block of converted.blocks) {
      if (/\{%|\{\{/.test(block.text)) continue;
      ctx.log.unmapped(at(block.offset), `text of the ${section} page is not imported: ${quoted(block.text, 200)}`);
      ctx.log.value(at(block.offset), block.text, { report: true });
    }
    y.finish();
    return;
  }
  const path = recordPath('page', plan.slug);
  if (plan.legacySlug === 'index') {
    ctx.log.note({ file: file.path, line: 1, column: 1 }, `the legacy home page is imported as ${path}; the new home page is built from the stakeholders, so decide where this text belongs`);
  }
  let pageTitle: string | undefined;
  if (title) {
    pageTitle = title.text.replace(siteNamePrefix, '').trim() || title.text;
    if (pageTitle !== title.text) ctx.log.changed(y.origin(title.node), `removed the site name from the page title ${quoted(title.text)}`);
    y.use(title.node, path, [pageTitle]);
  } else ctx.log.unmapped({ file: file.path, line: 1, column: 1 }, 'the page has no title');
  const description = readLine(y, fields?.get('description')?.value ?? null, 'page description');
  if (description) y.use(description.node, path);
  const permalink = fields?.get('permalink');
  if (permalink) {
    ctx.log.note(permalink.origin, `permalink is not imported: the page is published at /${plan.slug}/`);
    y.reported(permalink.value);
  }
  const converted = htmlToMarkdown(body, { rewriteLink: (href) => siteLink(href, ctx) });
  if (/<[a-zA-Z]/.test(body)) ctx.log.changed(at(0), 'converted the page\'s HTML to markdown');
  for (const issue of converted.issues) ctx.log.add(issue.kind, at(issue.offset), issue.message);
  for (const block of converted.blocks) ctx.log.value(at(block.offset), block.text, { path, shows: [block.text] });
  const order = ctx.pages.get(plan.legacySlug)?.order;
  ctx.write('page', plan.slug, { title: pageTitle, description: description?.text, order }, converted.markdown);
  y.finish();
}

/** Reports each navigation entry and what it became; pages it lists get their `order` from it. */
function importNavigation(y: LegacyYaml, ctx: ImportContext): void {
  if (!y.root) return;
  const top = readFields(y, y.root, ['pages'], y.file);
  let order = 0;
  const walk = (node: Node | null, depth: number): void => {
    const list = y.deref(node);
    if (!isSeq(list)) {
      if (list) {
        ctx.log.unmapped(y.origin(list), 'navigation: expected a list of pages');
        y.reported(list);
      }
      return;
    }
    for (const item of list.items) {
      const entry = y.deref(item as Node | null);
      if (!isMap(entry)) {
        ctx.log.unmapped(y.origin(entry), 'navigation: expected an entry with "page" and "url"');
        y.reported(entry);
        continue;
      }
      const f = readFields(y, entry, ['page', 'url', 'subpages'], 'navigation entry');
      if (!f) continue;
      const label = readLine(y, f.get('page')?.value ?? null, 'navigation label');
      const url = readLine(y, f.get('url')?.value ?? null, 'navigation url');
      const name = quoted(label?.text ?? '(no label)');
      let what: string;
      if (!url) what = f.has('subpages') ? 'a menu of the entries below' : 'no link (the legacy site filled it from its data)';
      else {
        const target = siteLink(url.text, ctx);
        const legacySlug = url.text.replace(/^\.?\/+/, '').replace(/\.html?$/, '').replace(/\/+$/, '').split('#')[0]!;
        const page = ctx.pages.get(legacySlug);
        if (page) {
          page.order ??= ++order;
          what = `${recordPath('page', page.slug)}, order ${page.order}`;
        } else if (target) what = `the site's ${target} section`;
        else what = 'nothing that was imported';
      }
      ctx.log.note(y.origin(entry), `navigation${depth ? ' (submenu)' : ''} ${name}${url ? ` (${url.text})` : ''} → ${what}`);
      y.reported(label?.node);
      y.reported(url?.node);
      if (f.has('subpages')) walk(f.get('subpages')!.value, depth + 1);
    }
  };
  walk(top?.get('pages')?.value ?? null, 0);
  y.finish();
}

/** A `_stakeholders/<slug>.md` page: its title should name the same stakeholder as the list does. */
function compareStakeholderPage(file: LegacyText, ctx: ImportContext): void {
  const front = splitFrontMatter(file.text);
  const legacySlug = file.path.replace(/^_stakeholders\//, '').replace(/\.md$/, '');
  const start = { file: file.path, line: 1, column: 1 };
  if (!front) {
    ctx.log.unmapped(start, 'not imported: it has no front matter');
    return;
  }
  const y = new LegacyYaml(file.path, front.yaml, ctx.log);
  const fields = y.root ? readFields(y, y.root, ['layout', 'title'], `${file.path} front matter`) : undefined;
  const stakeholder = ctx.stakeholders.get(legacySlug);
  const layout = fields?.get('layout');
  const layoutName = layout && isScalar(layout.value) ? ` (layout ${quoted(String(layout.value.value))})` : '';
  if (layout) y.reported(layout.value);
  const title = readLine(y, fields?.get('title')?.value ?? null, 'page title');
  if (!stakeholder) {
    ctx.log.unmapped(start, `no stakeholder in _data/stakeholders-list.yml has the url "${legacySlug}"; this page is not imported`);
    if (title) y.reported(title.node);
  } else if (title) {
    const name = title.text.replace(siteNamePrefix, '').trim();
    if (name !== stakeholder.name) {
      ctx.log.unmapped(y.origin(title.node), `the page title names ${quoted(name)} but _data/stakeholders-list.yml:${stakeholder.origin.line} names it ${quoted(stakeholder.name)}; the list's name is kept`);
      y.reported(title.node);
    } else y.use(title.node, recordPath('stakeholder', stakeholder.slug), [name]);
  }
  // The body is a Liquid template that shows one entry of the list, picked by name.
  const body = file.text.slice(front.bodyStart);
  const lines = new LineIndex(file.text);
  const picked = /item\.name\s*==\s*["']([^"']*)["']/.exec(body);
  if (picked && ![...ctx.stakeholders.values()].some((s) => s.name === picked[1])) {
    ctx.log.unmapped({ file: file.path, ...lines.place(front.bodyStart + picked.index) }, `the template shows the stakeholder named ${quoted(picked[1]!)}, which _data/stakeholders-list.yml does not have (the legacy page was empty)`);
  }
  ctx.log.note(start, `template page${layoutName}${stakeholder ? ` of ${recordPath('stakeholder', stakeholder.slug)}` : ''}: its text comes from _data/stakeholders-list.yml, so only its title is compared`);
  y.finish();
}
