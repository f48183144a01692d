// /<slug>/: the guidance pages of content/pages/ (LERs explained, technical guidance, about).
// The about page also lists the contributing organizations and the open data.
import { recordPath } from '#core';
import { html, type SafeHtml } from './lib/html.ts';
import { body, icon } from './lib/components.ts';
import { dataPath, openDataSets, schemaPath, schemaTypes } from './lib/paths.ts';
import type { SiteModel, SiteRecord } from './lib/site-model.ts';
import type { SiteData, TemplateContext } from './lib/template.ts';

type Data = SiteData & { record: SiteRecord<'page'> };

export const data = {
  layout: 'layouts/base.11ty.ts',
  pagination: { data: 'model.pages', size: 1, alias: 'record', addAllPagesToCollections: true },
  permalink: (d: Data) => recordPath('page', d.record.slug),
  eleventyComputed: {
    title: (d: Data) => d.record.data.title,
    description: (d: Data) => d.record.data.description,
    section: (d: Data) => d.record.slug,
    sources: (d: Data) => (d.record.slug === 'about' ? [d.record.path, 'content/organizations/'] : [d.record.path]),
  },
};

const roleHeadings: Record<string, string> = { partner: 'Partners', funder: 'Funders', thanks: 'With thanks to' };

function organizations(model: SiteModel): SafeHtml {
  const roles = [...new Set(model.organizations.map((o) => o.data.role))];
  if (roles.length === 0) return html``;
  return html`<section aria-labelledby="organizations">
<h2 id="organizations">Organizations</h2>
${roles.map(
  (role) => html`<h3>${roleHeadings[role] ?? role}</h3>
<ul class="org-list">${model.organizations
    .filter((o) => o.data.role === role)
    .map(
      (o) => html`<li id="${o.slug}">${icon(model, o.data.logo, 'org-logo')}<a href="${o.data.url}">${o.data.name}</a>${o.markdown ? body(o) : ''}</li>`,
    )}</ul>`,
)}
</section>`;
}

function openData(ctx: TemplateContext, site: SiteData['site']): SafeHtml {
  return html`<section aria-labelledby="open-data">
<h2 id="open-data">Open data</h2>
<p>Everything on this map is also published as JSON, under the same licence (${site.license.name}): credit “${site.title}” and link to <a href="${ctx.absoluteUrl('/')}">${ctx.absoluteUrl('/')}</a>.</p>
<ul>${openDataSets.map((s) => html`<li><a href="${dataPath(s.name)}">${dataPath(s.name).slice(1)}</a></li>`)}</ul>
<p>The format of each kind of record is described by a JSON Schema:</p>
<ul class="inline-list">${schemaTypes.map((t) => html`<li><a href="${schemaPath(t)}">${t}</a></li>`)}</ul>
</section>`;
}

export function render(this: TemplateContext, { model, site, record }: Data): string {
  const glossary = model.glossaryLinker.forPage();
  return String(html`<article class="content-page">
<h1>${record.data.title}</h1>
<p class="lede">${record.data.description}</p>
<div class="prose">${body(record, { glossary })}</div>
${record.slug === 'about' ? html`${organizations(model)}${openData(this, site)}` : ''}
</article>`);
}
