// /action-areas/: each action area, its shared description, and what every stakeholder brings.
import { html } from './lib/html.ts';
import { body, iconSprite, recordTools } from './lib/components.ts';
import type { SiteData, TemplateContext } from './lib/template.ts';

export const data = {
  layout: 'layouts/base.11ty.ts',
  permalink: '/action-areas/',
  title: 'Action areas',
  description: 'Where stakeholders can act together to make LERs work, and what each one contributes.',
  sources: ['content/action-areas/', 'content/stakeholders/'],
  section: 'action-areas',
};

export function render(this: TemplateContext, { model }: SiteData): string {
  const glossary = model.glossaryLinker.forPage();
  const sprite = iconSprite(model);
  return String(html`<h1>Action areas</h1>
<p class="lede">Four areas where stakeholders can act together. Each area lists what every stakeholder can contribute to it.</p>
<nav aria-label="Action areas on this page"><ul class="chip-list">${model.actionAreas.map((a) => html`<li><a href="#${a.slug}">${a.data.title}</a></li>`)}</ul></nav>
${model.actionAreas.map((a) => {
  const contributors = model.stakeholders.filter((s) => (s.data.action_areas[a.slug]?.length ?? 0) > 0);
  return html`<section class="area" aria-labelledby="${a.slug}">
<h2 id="${a.slug}">${a.data.title}</h2>
<div class="prose">${body(a, { glossary, headingShift: 2, idPrefix: `${a.slug}-` })}</div>
${recordTools(this, a)}
<h3>What each stakeholder contributes</h3>
<div class="contribution-grid">
${contributors.map(
  (s) => html`<section class="card contribution" aria-labelledby="${a.slug}-${s.slug}">
<h4 id="${a.slug}-${s.slug}">${sprite.use(s.data.icon, 'inline-icon')}<a href="${s.url}">${s.data.name}</a></h4>
<ul>${s.data.action_areas[a.slug]!.map((i) => html`<li>${i}</li>`)}</ul>
</section>`,
)}
</div>
${contributors.length ? '' : html`<p>No stakeholder lists a contribution to this area yet.</p>`}
</section>`;
})}
${sprite.symbols()}`);
}
