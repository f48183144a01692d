// /stakeholders/: every stakeholder group with its icon and a summary of its definition.
import { firstParagraphText } from '#core';
import { iconSprite } from './lib/components.ts';
import { html } from './lib/html.ts';
import type { SiteData, TemplateContext } from './lib/template.ts';

export const data = {
  layout: 'layouts/base.11ty.ts',
  permalink: '/stakeholders/',
  title: 'Stakeholders',
  description: 'The groups that develop, issue, use and adopt Learning and Employment Records.',
  sources: ['content/stakeholders/'],
  section: 'stakeholders',
};

export function render(this: TemplateContext, { model }: SiteData): string {
  const sprite = iconSprite(model);
  return String(html`<h1>Stakeholders</h1>
<p class="lede">Learning and Employment Records only work when many groups play their part. These are the groups on the map.</p>
<ul class="stakeholder-grid">
${model.stakeholders.map(
  (s) => html`<li class="card stakeholder-card">${sprite.use(s.data.icon, 'card-icon')}
<h2><a href="${s.url}">${s.data.name}</a></h2>
<p>${firstParagraphText(s.body)}</p></li>`,
)}
</ul>
${sprite.symbols()}`);
}
