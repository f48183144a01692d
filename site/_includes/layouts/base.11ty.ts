// The page shell: head metadata (canonical, link previews), header and navigation, the page, its
// feedback/edit/last-updated tools, and the site footer.
import { sectionPaths } from '#core';
import { html, raw } from '../../lib/html.ts';
import { icon } from '../../lib/components.ts';
import type { LayoutData, TemplateContext } from '../../lib/template.ts';

/** The newest "last updated" date among a page's sources (files or folders). */
function lastUpdated(data: LayoutData): string | undefined {
  let newest: string | undefined;
  for (const source of data.sources) {
    const date = source.endsWith('/') ? data.model.folderUpdated.get(source.replace(/\/$/, '')) : data.model.updated.get(source);
    if (date && (!newest || date > newest)) newest = date;
  }
  return newest;
}

// On phones the navigation folds behind a Menu button. Inline, right after the list, so that it
// folds before the page is first drawn; without JavaScript the list simply stays open.
const navScript = `(function(){var n=document.querySelector('.site-nav'),b=document.createElement('button');
b.type='button';b.className='nav-toggle';b.textContent='Menu';b.setAttribute('aria-expanded','false');
b.setAttribute('aria-controls','site-nav-list');n.classList.add('has-toggle');n.before(b);
b.addEventListener('click',function(){var o=b.getAttribute('aria-expanded')!=='true';
b.setAttribute('aria-expanded',String(o));n.classList.toggle('is-open',o);});})();`;

export function render(this: TemplateContext, data: LayoutData): string {
  const { site, model } = data;
  // data.page, not this.page: Eleventy reuses one layout instance, whose `this.page` is the first page's.
  const pageUrl = this.absoluteUrl(data.page.url);
  const isHome = data.page.url === '/';
  const fullTitle = isHome ? site.title : `${data.title} · ${site.title}`;
  const source = data.sources[0];
  const updated = lastUpdated(data);
  const nav = [
    { key: 'stakeholders', href: sectionPaths.stakeholders, label: 'Stakeholders' },
    { key: 'work-streams', href: sectionPaths.workStreams, label: 'Work streams' },
    { key: 'action-areas', href: sectionPaths.actionAreas, label: 'Action areas' },
    { key: 'glossary', href: sectionPaths.glossary, label: 'Glossary' },
    { key: 'frameworks', href: sectionPaths.frameworks, label: 'Frameworks' },
    { key: 'resources', href: sectionPaths.resources, label: 'Resources' },
    ...model.pages.map((p) => ({ key: p.slug, href: p.url, label: p.data.title })),
    { key: 'search', href: sectionPaths.search, label: 'Search' },
  ];
  const styles = ['/assets/site.css', ...(data.section === 'search' ? ['/pagefind/pagefind-ui.css'] : [])];

  return `<!doctype html>
${html`<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${data.description}">
<link rel="canonical" href="${pageUrl}">
<meta name="color-scheme" content="light dark">
<meta property="og:type" content="${isHome ? 'website' : 'article'}">
<meta property="og:site_name" content="${site.title}">
<meta property="og:title" content="${data.title}">
<meta property="og:description" content="${data.description}">
<meta property="og:url" content="${pageUrl}">
<meta property="og:locale" content="en">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${data.title}">
<meta name="twitter:description" content="${data.description}">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
${styles.map((href) => html`<link rel="stylesheet" href="${href}">\n`)}${(data.scripts ?? []).map((src) => html`<script src="${src}" defer></script>\n`)}</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<div class="wrap header-inner">
<a class="brand" href="/"${isHome ? html` aria-current="page"` : ''}>${icon(model, 'ler.svg', 'brand-icon')}<span>${site.title}</span></a>
<nav class="site-nav" aria-label="Main"><ul id="site-nav-list">
${nav.map((item) => html`<li><a href="${item.href}"${data.section === item.key ? html` aria-current="page"` : ''}>${item.label}</a></li>`)}
</ul></nav>
<script>${raw(navScript)}</script>
</div>
</header>
<main id="main" tabindex="-1" class="wrap${data.mainClass ? ` ${data.mainClass}` : ''}"${data.unsearchable ? '' : html` data-pagefind-body`}>
${raw(data.content)}
${
  source
    ? html`<footer class="page-tools" data-pagefind-ignore>
${updated ? html`<p class="updated">Last updated <time datetime="${updated}">${this.readableDate(updated)}</time></p>` : ''}
<ul>
<li><a href="${this.feedbackUrl(pageUrl, source)}" class="feedback-link">Give feedback on this page</a></li>
<li><a href="${this.editUrl(source)}" class="edit-link">${source.endsWith('/') ? 'Suggest an edit (source files)' : 'Suggest an edit'}</a></li>
</ul>
</footer>`
    : ''
}
</main>
<footer class="site-footer">
<div class="wrap footer-inner">
<p>${site.title}: content by its contributors, licensed <a href="${site.license.url}">${site.license.name}</a>.</p>
<ul class="inline-list">
${model.bySlug.page.has('about') ? html`<li><a href="/about/#open-data">Open data</a></li>` : ''}
<li><a href="https://github.com/${site.repository}">Source on GitHub</a></li>
<li><a href="${sectionPaths.search}">Search</a></li>
</ul>
</div>
</footer>
</body>
</html>`}
`;
}
