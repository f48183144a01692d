// /work-streams/: the four work streams, then the matrix of stakeholders × work streams
// (a grid on wide screens, one card per stakeholder on phones).
import { html } from './lib/html.ts';
import { body, recordTools } from './lib/components.ts';
import type { SiteData, TemplateContext } from './lib/template.ts';

export const data = {
  layout: 'layouts/base.11ty.ts',
  permalink: '/work-streams/',
  title: 'Work streams',
  description: 'What every stakeholder does as LERs are developed, issued, used and adopted: the four work streams and who does what in each.',
  sources: ['content/work-streams/', 'content/stakeholders/'],
  section: 'work-streams',
  mainClass: 'wide',
};

export function render(this: TemplateContext, { model }: SiteData): string {
  const glossary = model.glossaryLinker.forPage();
  const streams = model.workStreams;
  return String(html`<h1>Work streams</h1>
<p class="lede">The work on LERs runs in four streams. Every stakeholder has a part in each of them.</p>
<ol class="stream-overview">
${streams.map(
  (w) => html`<li class="card stream">
<h2 id="${w.slug}">${w.data.title}</h2>
<p class="subheader">${w.data.subheader}</p>
<div class="prose">${body(w, { glossary, headingShift: 2, idPrefix: `${w.slug}-` })}</div>
${recordTools(this, w)}
</li>`,
)}
</ol>
<section aria-labelledby="matrix-heading">
<h2 id="matrix-heading">Who does what</h2>
<p>Each stakeholder’s part in each work stream.</p>
<div class="matrix" style="--streams: ${streams.length}">
<div class="matrix-head" aria-hidden="true"><span>Stakeholder</span>${streams.map((w) => html`<span>${w.data.title}</span>`)}</div>
${model.stakeholders.map(
  (s) => html`<section class="matrix-row" aria-labelledby="matrix-${s.slug}">
<h3 id="matrix-${s.slug}" class="matrix-name"><a href="${s.url}">${s.data.name}</a></h3>
${streams.map((w) => {
  const items = (s.data.work_streams as Record<string, string[]>)[w.slug] ?? [];
  return html`<div class="matrix-cell"><h4 class="matrix-stream">${w.data.title}</h4><ul>${items.map((i) => html`<li>${i}</li>`)}</ul></div>`;
})}
</section>`,
)}
</div>
</section>`);
}
