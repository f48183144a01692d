// /resources/stakeholder/<slug>/: the resources for one stakeholder (filtering without JavaScript).
import { html } from './lib/html.ts';
import { resourceEntry, resourceFilters } from './lib/components.ts';
import { resourcesForPath } from './lib/paths.ts';
import type { SiteRecord } from './lib/site-model.ts';
import type { SiteData, TemplateContext } from './lib/template.ts';

type Data = SiteData & { stakeholder: SiteRecord<'stakeholder'> };

export const data = {
  layout: 'layouts/base.11ty.ts',
  pagination: {
    data: 'model.stakeholders',
    size: 1,
    alias: 'stakeholder',
    addAllPagesToCollections: true,
    before: (list: SiteRecord<'stakeholder'>[], d: SiteData) => list.filter((s) => d.model.resourcesByStakeholder.has(s.slug)),
  },
  permalink: (d: Data) => resourcesForPath(d.stakeholder.slug),
  section: 'resources',
  // Filtered views repeat /resources/; search finds each resource there once.
  unsearchable: true,
  sources: ['content/resources/'],
  eleventyComputed: {
    title: (d: Data) => `Resources for ${d.stakeholder.data.name}`,
    description: (d: Data) => `Resources about Learning and Employment Records for ${d.stakeholder.data.name}.`,
  },
};

export function render(this: TemplateContext, { model, stakeholder }: Data): string {
  const list = model.resourcesByStakeholder.get(stakeholder.slug) ?? [];
  return String(html`<p class="breadcrumbs-back"><a href="/resources/">All resources</a></p>
<h1>Resources for ${stakeholder.data.name}</h1>
<p class="lede">${list.length} resource${list.length === 1 ? '' : 's'} for <a href="${stakeholder.url}">${stakeholder.data.name}</a>.</p>
${resourceFilters(model, { stakeholder: stakeholder.slug })}
<ul class="resource-list">${list.map((r) => resourceEntry(this, model, r, { level: 2 }))}</ul>`);
}
