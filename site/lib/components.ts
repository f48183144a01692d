// Pieces of markup that several pages share: icons, term links, resource entries, record tools.
import { renderMarkdown, resourceTopics, type PageGlossaryLinker } from '#core';
import { html, raw, type SafeHtml } from './html.ts';
import { resourcesForPath, topicPath } from './paths.ts';
import type { SiteModel, SiteRecord } from './site-model.ts';
import type { TemplateContext } from './template.ts';

/** A record's icon as inline SVG: decorative, or an image named by `alt` when given. */
export function icon(model: SiteModel, file: string | undefined, className = '', alt?: string): SafeHtml {
  let svg = file ? model.icons.get(file) : undefined;
  if (!svg) return html``;
  if (className) svg = svg.replace('class="icon"', `class="icon ${className}"`);
  if (alt) svg = svg.replace('aria-hidden="true"', String(html`role="img" aria-label="${alt}"`));
  return raw(svg);
}

/**
 * Icons used many times on one page (the map, lists of stakeholders): each drawing is written once
 * as a <symbol>, and every use refers to it, so a page of a thousand stakeholders stays small.
 */
export interface IconSprite {
  /** An icon that refers to the page's symbol (decorative; sized by `className`). */
  use(file: string | undefined, className: string): SafeHtml;
  /** Nested SVG for the map: the icon drawn in a square of `size` centred on (x, y). */
  place(file: string | undefined, x: number, y: number, size: number): SafeHtml;
  /** The symbols used so far; write once, anywhere in the page. */
  symbols(): SafeHtml;
}

export function iconSprite(model: SiteModel): IconSprite {
  const used = new Map<string, string>();
  const symbolId = (file: string) => {
    let id = used.get(file);
    if (!id) used.set(file, (id = `icon-${file.replace(/\.svg$/, '').replace(/[^a-z0-9-]/gi, '-')}`));
    return id;
  };
  return {
    use(file, className) {
      if (!file || !model.icons.get(file)) return html``;
      return html`<svg class="icon ${className}" viewBox="0 0 64 64" aria-hidden="true" focusable="false"><use href="#${symbolId(file)}"/></svg>`;
    },
    place(file, x, y, size) {
      if (!file || !model.icons.get(file)) return html``;
      const f = (v: number) => v.toFixed(1);
      return html`<use href="#${symbolId(file)}" class="icon" x="${f(x - size / 2)}" y="${f(y - size / 2)}" width="${size}" height="${size}"/>`;
    },
    symbols() {
      const defs = [...used].map(([file, id]) =>
        // The sanitised icon's root <svg> (with its drawing attributes) becomes the <symbol>.
        model.icons
          .get(file)!
          .replace(/^<svg /, `<symbol id="${id}" `)
          .replace(/<\/svg>$/, '</symbol>')
          .replace(/ (aria-hidden|focusable|class)="[^"]*"/g, ''),
      );
      return defs.length ? raw(`<svg class="icon-symbols" width="0" height="0" aria-hidden="true" focusable="false">${defs.join('')}</svg>`) : html``;
    },
  };
}

const rendered = new WeakMap<SiteRecord, Map<string, SafeHtml>>();

/**
 * A record's markdown body as sanitised HTML. Without glossary linking (whose first uses depend
 * on the page) the result is the same on every page, so it is rendered once and reused.
 */
export function body(record: SiteRecord, options: { glossary?: PageGlossaryLinker; headingShift?: number; idPrefix?: string } = {}): SafeHtml {
  if (options.glossary) return raw(renderMarkdown(record.body, options));
  const key = `${options.headingShift ?? 0} ${options.idPrefix ?? ''}`;
  let byOptions = rendered.get(record);
  if (!byOptions) rendered.set(record, (byOptions = new Map()));
  let html = byOptions.get(key);
  if (!html) byOptions.set(key, (html = raw(renderMarkdown(record.body, options))));
  return html;
}

/** Links to glossary terms by slug, as an inline list. */
export function termLinks(model: SiteModel, slugs: Iterable<string>): SafeHtml {
  const items = [...new Set(slugs)].map((slug) => {
    const term = model.bySlug.glossary.get(slug);
    return term ? html`<li><a href="${term.url}">${term.data.term}</a></li>` : html``;
  });
  return html`<ul class="inline-list">${items}</ul>`;
}

/** "Suggest an edit" and "Give feedback" for one record on a page that shows many. */
export function recordTools(ctx: TemplateContext, record: SiteRecord): SafeHtml {
  return html`<p class="record-tools" data-pagefind-ignore>
<a href="${ctx.editUrl(record.path)}">Suggest an edit<span class="visually-hidden"> to ${record.title}</span></a>
<a href="${ctx.feedbackUrl(ctx.absoluteUrl(record.url), record.path)}">Give feedback<span class="visually-hidden"> on ${record.title}</span></a>
</p>`;
}

/** One resource: title linking out, publisher and year, why it helps, topic and stakeholders. */
export function resourceEntry(ctx: TemplateContext, model: SiteModel, r: SiteRecord<'resource'>, options: { id?: boolean; level?: number } = {}): SafeHtml {
  const level = options.level ?? 3;
  const heading = raw(`h${level}`);
  const stakeholders = r.data.stakeholders.map((slug) => {
    const s = model.bySlug.stakeholder.get(slug);
    return s ? html`<li><a href="${s.url}">${s.data.name}</a></li>` : html``;
  });
  return html`<li class="resource" data-topic="${r.data.topic}" data-stakeholders="${r.data.stakeholders.join(' ')}">
<${heading} class="resource-title"${options.id ? html` id="${r.slug}"` : ''}><a href="${r.data.url}">${r.data.title}</a></${heading}>
<p class="resource-meta">${r.data.publisher}${r.data.year !== undefined ? html`, <span class="resource-year">${r.data.year}</span>` : ''}</p>
${body(r)}
<dl class="resource-tags"><div><dt>Topic</dt><dd><a href="${topicPath(r.data.topic)}">${resourceTopics[r.data.topic]}</a></dd></div>
<div><dt>For</dt><dd><ul class="inline-list">${stakeholders}</ul></dd></div></dl>
${recordTools(ctx, r)}
</li>`;
}

/** Links that filter the resources by topic and by stakeholder (plain pages, no JavaScript). */
export function resourceFilters(model: SiteModel, current?: { topic?: string; stakeholder?: string }): SafeHtml {
  const topics = model.topics
    .filter((t) => (model.resourcesByTopic.get(t.slug)?.length ?? 0) > 0)
    .map((t) => html`<li><a href="${topicPath(t.slug)}"${current?.topic === t.slug ? html` aria-current="page"` : ''} data-filter-topic="${t.slug}">${t.label}</a></li>`);
  const stakeholders = model.stakeholders
    .filter((s) => model.resourcesByStakeholder.has(s.slug))
    .map((s) => html`<li><a href="${resourcesForPath(s.slug)}"${current?.stakeholder === s.slug ? html` aria-current="page"` : ''} data-filter-stakeholder="${s.slug}">${s.data.name}</a></li>`);
  return html`<nav class="resource-filters" aria-label="Filter resources" data-resource-filters>
<div><h2 class="filter-heading">By topic</h2><ul class="chip-list">${topics}</ul></div>
<div><h2 class="filter-heading">By stakeholder</h2><ul class="chip-list">${stakeholders}</ul></div>
</nav>`;
}
