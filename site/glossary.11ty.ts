// /glossary/: every term in alphabetical order of a normalised key, one anchor per term (its
// slug), with acronyms and aliases listed in their own alphabetical place as cross-references.
import { sortKey } from '#core';
import { html, type SafeHtml } from './lib/html.ts';
import { body, recordTools, termLinks } from './lib/components.ts';
import type { SiteRecord } from './lib/site-model.ts';
import type { SiteData, TemplateContext } from './lib/template.ts';

export const data = {
  layout: 'layouts/base.11ty.ts',
  permalink: '/glossary/',
  title: 'Glossary',
  description: 'The words used about Learning and Employment Records, with their acronyms, other names, related terms and sources.',
  sources: ['content/glossary/'],
  section: 'glossary',
};

type Entry = { key: string; term?: SiteRecord<'glossary'>; see?: { name: string; target: SiteRecord<'glossary'> } };

/** The letter an entry is filed under ("#" for digits and other characters). */
const letterOf = (key: string) => (/^[a-z]/.test(key) ? key[0]!.toUpperCase() : '#');

export function render(this: TemplateContext, { model }: SiteData): string {
  const entries: Entry[] = [];
  for (const term of model.glossary) {
    const termKey = sortKey(term.data.term);
    entries.push({ key: termKey, term });
    // Acronyms and other names get a "see" entry, unless they would sit right next to the term.
    for (const name of [term.data.acronym, ...(term.data.aliases ?? [])]) {
      if (!name) continue;
      const key = sortKey(name);
      if (key === termKey || key === `${termKey}s` || key === `${termKey}es`) continue;
      entries.push({ key, see: { name, target: term } });
    }
  }
  entries.sort((a, b) => a.key.localeCompare(b.key, 'en') || (a.term ? -1 : 1));
  const letters = new Map<string, Entry[]>();
  for (const e of entries) {
    const l = letterOf(e.key);
    if (!letters.has(l)) letters.set(l, []);
    letters.get(l)!.push(e);
  }
  const entry = (e: Entry): SafeHtml => {
    if (e.see) return html`<p class="see-entry">${e.see.name}: see <a href="${e.see.target.url}">${e.see.target.data.term}</a></p>`;
    const t = e.term!;
    const d = t.data;
    return html`<article class="term" aria-labelledby="${t.slug}">
<h3 id="${t.slug}">${d.term}${d.acronym ? html` <span class="acronym">(${d.acronym})</span>` : ''}</h3>
${d.aliases?.length ? html`<p class="aliases">Also called: ${d.aliases.join(', ')}</p>` : ''}
<div class="prose">${body(t, { headingShift: 3, idPrefix: `${t.slug}-` })}</div>
${d.related.length ? html`<div class="related"><span class="label">Related terms:</span> ${termLinks(model, d.related)}</div>` : ''}
${d.sources?.length ? html`<div class="sources"><span class="label">Sources:</span> <ul class="inline-list">${d.sources.map((s) => html`<li><a href="${s.url}">${s.title}</a></li>`)}</ul></div>` : ''}
${recordTools(this, t)}
</article>`;
  };
  return String(html`<h1>Glossary</h1>
<p class="lede">The words used about Learning and Employment Records. Acronyms and other names point to the term they stand for.</p>
<nav class="az" aria-label="Glossary letters"><ul>${[...letters.keys()].map((l) => html`<li><a href="#letter-${l === '#' ? 'other' : l.toLowerCase()}">${l}</a></li>`)}</ul></nav>
${[...letters].map(
  ([l, list]) => html`<section class="letter" aria-labelledby="letter-${l === '#' ? 'other' : l.toLowerCase()}">
<h2 id="letter-${l === '#' ? 'other' : l.toLowerCase()}">${l}</h2>
${list.map(entry)}
</section>`,
)}`);
}
