// Home: a short introduction to LERs, the ecosystem map drawn from the stakeholder records (with
// the same links as a visible list), and a way in to each section.
import { recordPath, sectionPaths } from '#core';
import { iconSprite } from './lib/components.ts';
import { ecosystemMap } from './lib/ecosystem-map.ts';
import { html } from './lib/html.ts';
import type { SiteData, TemplateContext } from './lib/template.ts';

export const data = {
  layout: 'layouts/base.11ty.ts',
  permalink: '/',
  title: 'LER Ecosystem Map',
  description:
    'Who works on Learning and Employment Records (LERs), what each stakeholder does, why LERs matter to them, and where they can act together.',
  sources: ['content/stakeholders/'],
  section: 'home',
};

export function render(this: TemplateContext, { model }: SiteData): string {
  const explained = model.bySlug.page.get('lers-explained');
  const guidance = model.bySlug.page.get('technical-guidance');
  const about = model.bySlug.page.get('about');
  const sprite = iconSprite(model);
  const map = ecosystemMap(
    {
      href: explained ? explained.url : recordPath('glossary', 'learning-and-employment-record'),
      icon: (x, y, size) => sprite.place('ler.svg', x, y, size),
      label: 'LER',
      sublabel: explained ? 'explained' : 'in the glossary',
    },
    model.stakeholders.map((s) => ({ name: s.data.name, href: s.url, icon: (x: number, y: number, size: number) => sprite.place(s.data.icon, x, y, size) })),
    'Map of the LER ecosystem: the stakeholders around the Learning and Employment Record',
  );
  const ways = [
    { href: sectionPaths.workStreams, title: 'Work streams', text: 'What every stakeholder does as LERs are developed, issued, used and adopted.' },
    { href: sectionPaths.actionAreas, title: 'Action areas', text: 'Where stakeholders can act together, and what each one brings.' },
    { href: sectionPaths.glossary, title: 'Glossary', text: 'The words of the field, from assertion to verifier.' },
    { href: sectionPaths.frameworks, title: 'Frameworks and standards', text: 'The open standards that make records portable and checkable.' },
    { href: sectionPaths.resources, title: 'Resources', text: 'Reports, guides and specifications, by topic and stakeholder.' },
    ...(guidance ? [{ href: guidance.url, title: guidance.data.title, text: guidance.data.description }] : []),
    ...(about ? [{ href: about.url, title: about.data.title, text: about.data.description }] : []),
  ];
  return String(html`<div class="home-intro">
<h1>The LER Ecosystem Map</h1>
<p class="lede">Learning and Employment Records (LERs) are digital, verifiable records of what a person has learned and can do, held and shared by that person. Many groups have to work together for them to be useful. This map shows who they are, what each one does, and where they can act.</p>
${explained ? html`<p><a class="button" href="${explained.url}">${explained.data.title}</a></p>` : ''}
</div>
<section class="home-map" aria-labelledby="map-heading">
<h2 id="map-heading">Who is involved</h2>
<p>Each stakeholder group has a page on what it does, why LERs matter to it, and where it can help. Choose one on the map or in the list.</p>
<div class="map-layout">
<figure class="map-figure">${map}</figure>
<div class="map-list">
<h3 id="map-list-heading">Stakeholders on the map</h3>
<ul aria-labelledby="map-list-heading">${model.stakeholders.map((s) => html`<li><a href="${s.url}">${s.data.name}</a></li>`)}</ul>
</div>
</div>
</section>
<section class="home-ways" aria-labelledby="ways-heading">
<h2 id="ways-heading">Explore</h2>
<ul class="card-grid">${ways.map((w) => html`<li class="card"><h3><a href="${w.href}">${w.title}</a></h3><p>${w.text}</p></li>`)}</ul>
</section>
${sprite.symbols()}`);
}
