// /resources/topic/<topic>/: the resources of one topic (filtering that needs no JavaScript).
import { html } from './lib/html.ts';
import { resourceEntry, resourceFilters } from './lib/components.ts';
import { topicPath } from './lib/paths.ts';
import type { SiteData, TemplateContext } from './lib/template.ts';
import type { SiteModel } from './lib/site-model.ts';

type Topic = SiteModel['topics'][number];
type Data = SiteData & { topic: Topic };

export const data = {
  layout: 'layouts/base.11ty.ts',
  pagination: {
    data: 'model.topics',
    size: 1,
    alias: 'topic',
    addAllPagesToCollections: true,
    before: (topics: Topic[], d: SiteData) => topics.filter((t) => (d.model.resourcesByTopic.get(t.slug)?.length ?? 0) > 0),
  },
  permalink: (d: Data) => topicPath(d.topic.slug),
  section: 'resources',
  // Filtered views repeat /resources/; search finds each resource there once.
  unsearchable: true,
  sources: ['content/resources/'],
  eleventyComputed: {
    title: (d: Data) => `Resources: ${d.topic.label}`,
    description: (d: Data) => `Resources about Learning and Employment Records on the topic “${d.topic.label}”.`,
  },
};

export function render(this: TemplateContext, { model, topic }: Data): string {
  const list = model.resourcesByTopic.get(topic.slug) ?? [];
  return String(html`<p class="breadcrumbs-back"><a href="/resources/">All resources</a></p>
<h1>Resources: ${topic.label}</h1>
<p class="lede">${list.length} resource${list.length === 1 ? '' : 's'} on this topic.</p>
${resourceFilters(model, { topic: topic.slug })}
<ul class="resource-list">${list.map((r) => resourceEntry(this, model, r, { level: 2 }))}</ul>`);
}
