// /stakeholders/<slug>/: one stakeholder group, every field of its record, with the shared
// descriptions of work streams and action areas, its resources and the glossary terms it uses.
import { firstParagraphText, recordPath, workStreamSlugs } from '#core';
import { body, icon, resourceEntry, termLinks } from './lib/components.ts';
import { html } from './lib/html.ts';
import type { SiteRecord } from './lib/site-model.ts';
import type { SiteData, TemplateContext } from './lib/template.ts';

type Data = SiteData & { stakeholder: SiteRecord<'stakeholder'> };

export const data = {
  layout: 'layouts/base.11ty.ts',
  pagination: { data: 'model.stakeholders', size: 1, alias: 'stakeholder', addAllPagesToCollections: true },
  permalink: (d: Data) => recordPath('stakeholder', d.stakeholder.slug),
  section: 'stakeholders',
  eleventyComputed: {
    title: (d: Data) => d.stakeholder.data.name,
    description: (d: Data) => firstParagraphText(d.stakeholder.body) || `${d.stakeholder.data.name} in the LER ecosystem.`,
    sources: (d: Data) => [d.stakeholder.path],
  },
};

export function render(this: TemplateContext, { model, stakeholder: s }: Data): string {
  const d = s.data;
  const glossary = model.glossaryLinker.forPage();
  const definition = body(s, { glossary });
  const streams = (model.workStreams.length ? model.workStreams.map((w) => w.slug) : [...workStreamSlugs]).filter(
    (slug): slug is (typeof workStreamSlugs)[number] => slug in d.work_streams,
  );
  const areas = [
    ...model.actionAreas.filter((a) => a.slug in d.action_areas).map((a) => a.slug),
    ...Object.keys(d.action_areas).filter((slug) => !model.bySlug['action-area'].has(slug)),
  ];
  // Each area's shared description reads the same on every stakeholder page (rendered once, and
  // its glossary terms are linked on the action-areas page, where the description lives).
  const areaSections = areas.map((slug) => {
    const area = model.bySlug['action-area'].get(slug);
    return html`<section class="card area-card" aria-labelledby="area-${slug}">
<h3 id="area-${slug}"><a href="${recordPath('action-area', slug)}">${area?.data.title ?? slug}</a></h3>
${area ? html`<div class="area-description">${body(area, { headingShift: 3, idPrefix: `area-${slug}-` })}</div>` : ''}
<div class="area-contribution"><h4>What ${d.name} contribute</h4>
<ul>${d.action_areas[slug]!.map((item) => html`<li>${item}</li>`)}</ul></div>
</section>`;
  });
  const value = (title: string, id: string, items: { title: string; description: string }[]) => html`<section aria-labelledby="${id}">
<h3 id="${id}">${title}</h3>
<ul class="value-list">${items.map((v) => html`<li><strong class="value-title">${v.title}</strong> <span>${v.description}</span></li>`)}</ul>
</section>`;
  const resources = model.resourcesByStakeholder.get(s.slug) ?? [];
  const terms = [...(d.related_terms ?? []), ...glossary.linked];
  const index = model.stakeholders.findIndex((x) => x.slug === s.slug);
  const prev = model.stakeholders[index - 1];
  const next = model.stakeholders[index + 1];

  return String(html`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>
<li><a href="/">Map</a></li><li><a href="/stakeholders/">Stakeholders</a></li><li><span aria-current="page">${d.name}</span></li>
</ol></nav>
<header class="record-header">${icon(model, d.icon, 'record-icon', d.icon_alt)}<h1>${d.name}</h1></header>
<div class="prose definition">${definition}</div>
<section aria-labelledby="examples">
<h2 id="examples">Examples</h2>
<ul class="chip-list static">${d.examples.map((e) => html`<li>${e}</li>`)}</ul>
</section>
<section aria-labelledby="work-streams">
<h2 id="work-streams">Across the work streams</h2>
<div class="stream-grid">
${streams.map((slug) => {
  const w = model.bySlug['work-stream'].get(slug);
  return html`<section class="card stream-card" aria-labelledby="stream-${slug}">
<h3 id="stream-${slug}"><a href="${recordPath('work-stream', slug)}">${w?.data.title ?? slug}</a></h3>
${w ? html`<p class="subheader">${w.data.subheader}</p>` : ''}
<ul>${d.work_streams[slug].map((item) => html`<li>${item}</li>`)}</ul>
</section>`;
})}
</div>
</section>
<section aria-labelledby="action-areas">
<h2 id="action-areas">Action areas</h2>
<p>Where ${d.name} can act, with what each area is about.</p>
${areaSections}
</section>
<section aria-labelledby="value">
<h2 id="value">Why LERs matter to ${d.name}</h2>
<div class="value-grid">
${value('Business value', 'business-value', d.business_case)}
${value('Social value', 'social-value', d.social_case)}
</div>
</section>
${
  d.quote
    ? html`<figure class="quote">
<blockquote cite="${d.quote.source}"><p>${d.quote.text}</p></blockquote>
<figcaption>${d.quote.attribution} (<a href="${d.quote.source}">source</a>)</figcaption>
</figure>`
    : ''
}
<section aria-labelledby="resources">
<h2 id="resources">Related resources</h2>
${resources.length ? html`<ul class="resource-list">${resources.map((r) => resourceEntry(this, model, r))}</ul>` : html`<p>No resources are listed for ${d.name} yet.</p>`}
</section>
${
  terms.length
    ? html`<section aria-labelledby="terms">
<h2 id="terms">Glossary terms on this page</h2>
${termLinks(model, terms)}
</section>`
    : ''
}
<nav class="prev-next" aria-label="Other stakeholders">
${prev ? html`<a href="${prev.url}" rel="prev"><span class="label">Previous</span> ${prev.data.name}</a>` : html`<span></span>`}
${next ? html`<a href="${next.url}" rel="next"><span class="label">Next</span> ${next.data.name}</a>` : ''}
</nav>`);
}
