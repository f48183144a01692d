// /404.html: the page GitHub Pages shows for an address that does not exist.
import { sectionPaths } from '#core';
import { html } from './lib/html.ts';
import type { SiteData, TemplateContext } from './lib/template.ts';

export const data = {
  layout: 'layouts/base.11ty.ts',
  permalink: '/404.html',
  title: 'Page not found',
  description: 'This address is not part of the LER Ecosystem Map.',
  sources: [],
  unsearchable: true,
  eleventyExcludeFromCollections: true,
};

export function render(this: TemplateContext, { model }: SiteData): string {
  return String(html`<h1>Page not found</h1>
<p class="lede">There is no page at this address. It may have moved when the map was reorganised.</p>
<ul>
<li><a href="/">Start from the map</a></li>
<li><a href="${sectionPaths.search}">Search the map</a></li>
<li><a href="${sectionPaths.glossary}">Look up a term in the glossary</a></li>
${model.bySlug.page.has('about') ? html`<li><a href="/about/">Tell us about the broken link</a> (see “Give feedback”)</li>` : ''}
</ul>`);
}
