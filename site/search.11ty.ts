// /search/: Pagefind search in the browser. Without JavaScript the form cannot search; the page
// then offers an index of every page, term and resource to find things in instead.
import { sectionPaths } from '#core';
import { html } from './lib/html.ts';
import type { SiteData, TemplateContext } from './lib/template.ts';

export const data = {
  layout: 'layouts/base.11ty.ts',
  permalink: '/search/',
  title: 'Search',
  description: 'Search the LER Ecosystem Map: stakeholders, glossary terms, frameworks, resources and guidance.',
  sources: ['content/'],
  section: 'search',
  unsearchable: true,
  scripts: ['/pagefind/pagefind-ui.js', '/assets/search.js'],
};

export function render(this: TemplateContext, { model, site }: SiteData): string {
  const group = (title: string, id: string, items: { href: string; text: string }[]) => html`<section aria-labelledby="${id}">
<h3 id="${id}">${title}</h3>
<ul class="index-list">${items.map((i) => html`<li><a href="${i.href}">${i.text}</a></li>`)}</ul>
</section>`;
  return String(html`<h1>Search</h1>
<form class="search-form" action="${sectionPaths.search}" method="get" role="search" data-search-form>
<label for="search-query">Search the map</label>
<div class="search-row"><input id="search-query" name="q" type="search" autocomplete="off"><button type="submit">Search</button></div>
</form>
<div id="search-results" data-search-ui data-bundle-path="${site.pathPrefix}pagefind/" data-base-url="${site.pathPrefix}"></div>
<section class="search-index" aria-labelledby="index-heading">
<h2 id="index-heading">Everything on the map</h2>
<p class="no-js-note" data-no-js-note>Search runs in your browser and needs JavaScript, which is off or did not load. Everything on the map is listed below: use your browser’s find in page (Ctrl+F, or ⌘F on a Mac) to look for a word.</p>
<div class="index-grid">
${group('Pages', 'index-pages', [
  ...model.pages.map((p) => ({ href: p.url, text: p.data.title })),
  { href: sectionPaths.workStreams, text: 'Work streams' },
  { href: sectionPaths.actionAreas, text: 'Action areas' },
])}
${group('Stakeholders', 'index-stakeholders', model.stakeholders.map((s) => ({ href: s.url, text: s.data.name })))}
${group(
  'Glossary',
  'index-glossary',
  model.glossary.map((g) => ({
    href: g.url,
    // "Credit for Prior Learning (CPL; also Prior Learning Assessment)": every name is findable.
    text: (() => {
      const extra = [g.data.acronym, g.data.aliases?.length ? `also ${g.data.aliases.join(', ')}` : ''].filter(Boolean).join('; ');
      return extra ? `${g.data.term} (${extra})` : g.data.term;
    })(),
  })),
)}
${group('Frameworks and standards', 'index-frameworks', model.frameworks.map((f) => ({ href: f.url, text: f.data.acronym ? `${f.data.name} (${f.data.acronym})` : f.data.name })))}
${group('Resources', 'index-resources', model.resources.map((r) => ({ href: r.url, text: r.data.title })))}
</div>
</section>`);
}
