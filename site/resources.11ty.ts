// /resources/: every resource grouped by topic, with filter links (plain pages) that a small
// script turns into instant filtering.
import { html } from './lib/html.ts';
import { resourceEntry, resourceFilters } from './lib/components.ts';
import type { SiteData, TemplateContext } from './lib/template.ts';

export const data = {
  layout: 'layouts/base.11ty.ts',
  permalink: '/resources/',
  title: 'Resources',
  description: 'Reports, guides, playbooks and specifications about Learning and Employment Records, by topic and by stakeholder.',
  sources: ['content/resources/'],
  section: 'resources',
  scripts: ['/assets/resource-filter.js'],
};

export function render(this: TemplateContext, { model }: SiteData): string {
  return String(html`<h1>Resources</h1>
<p class="lede">Further reading from the organizations working on LERs, grouped by topic. Choose a topic or a stakeholder to see only what concerns it.</p>
${resourceFilters(model)}
<p class="filter-status" role="status"></p>
${model.topics
  .filter((t) => (model.resourcesByTopic.get(t.slug)?.length ?? 0) > 0)
  .map(
    (t) => html`<section class="topic" id="topic-${t.slug}" data-topic-section="${t.slug}" aria-labelledby="topic-${t.slug}-title">
<h2 id="topic-${t.slug}-title">${t.label}</h2>
<ul class="resource-list">${model.resourcesByTopic.get(t.slug)!.map((r) => resourceEntry(this, model, r, { id: true }))}</ul>
</section>`,
  )}`);
}
