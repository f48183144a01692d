// /frameworks/: the standards, frameworks, registries and specifications LERs are built on.
import { html } from './lib/html.ts';
import { body, recordTools, termLinks } from './lib/components.ts';
import type { SiteData, TemplateContext } from './lib/template.ts';

export const data = {
  layout: 'layouts/base.11ty.ts',
  permalink: '/frameworks/',
  title: 'Frameworks and standards',
  description: 'The open standards, frameworks and registries that make Learning and Employment Records portable and checkable.',
  sources: ['content/frameworks/'],
  section: 'frameworks',
};

const kindLabel: Record<string, string> = { standard: 'Standard', framework: 'Framework', registry: 'Registry', specification: 'Specification' };

export function render(this: TemplateContext, { model }: SiteData): string {
  const glossary = model.glossaryLinker.forPage();
  return String(html`<h1>Frameworks and standards</h1>
<p class="lede">The shared, openly published formats and registries that let a record issued by one organization be read and checked by others.</p>
<nav aria-label="Frameworks on this page"><ul class="chip-list">${model.frameworks.map((f) => html`<li><a href="#${f.slug}">${f.data.acronym ?? f.data.name}</a></li>`)}</ul></nav>
${model.frameworks.map((f) => {
  const d = f.data;
  return html`<article class="framework" aria-labelledby="${f.slug}">
<h2 id="${f.slug}">${d.name}${d.acronym ? html` <span class="acronym">(${d.acronym})</span>` : ''}</h2>
<dl class="facts">
<div><dt>Kind</dt><dd>${kindLabel[d.kind] ?? d.kind}</dd></div>
${d.version ? html`<div><dt>Version</dt><dd>${d.version}</dd></div>` : ''}
<div><dt>Maintained by</dt><dd>${d.maintainer}</dd></div>
<div><dt>Website</dt><dd><a href="${d.url}">${d.url.replace(/^https:\/\//, '').replace(/\/$/, '')}</a></dd></div>
</dl>
<div class="prose">${body(f, { glossary, headingShift: 2, idPrefix: `${f.slug}-` })}</div>
${d.links?.length ? html`<h3>Further reading</h3><ul>${d.links.map((l) => html`<li><a href="${l.url}">${l.title}</a></li>`)}</ul>` : ''}
${d.related_terms?.length ? html`<div class="related"><span class="label">Related terms:</span> ${termLinks(model, d.related_terms)}</div>` : ''}
${recordTools(this, f)}
</article>`;
})}`);
}
