// /api/<name>.json: each kind of record as open data, with its licence, attribution and schema.
import type { ContentTypeName } from '#core';
import { dataPath, openDataSets, schemaPath } from '../lib/paths.ts';
import type { SiteModel, SiteRecord } from '../lib/site-model.ts';
import type { SiteData, TemplateContext } from '../lib/template.ts';

type DataSet = (typeof openDataSets)[number];
type Data = SiteData & { dataset: DataSet };

export const data = {
  pagination: { data: 'openDataSets', size: 1, alias: 'dataset' },
  openDataSets,
  permalink: (d: Data) => dataPath(d.dataset.name),
  eleventyExcludeFromCollections: true,
};

function records(model: SiteModel, type: ContentTypeName): SiteRecord[] {
  switch (type) {
    case 'stakeholder':
      return model.stakeholders;
    case 'work-stream':
      return model.workStreams;
    case 'action-area':
      return model.actionAreas;
    case 'glossary':
      return model.glossary;
    case 'resource':
      return model.resources;
    case 'framework':
      return model.frameworks;
    case 'page':
      return model.pages;
    case 'organization':
      return model.organizations;
  }
}

/** What a record adds from other records: who contributes to an area or a work stream. */
function derived(model: SiteModel, record: SiteRecord): Record<string, unknown> {
  if (record.type === 'action-area' || record.type === 'work-stream') {
    const key = record.type === 'action-area' ? 'action_areas' : 'work_streams';
    const by: Record<string, string[]> = {};
    for (const s of model.stakeholders) {
      const items = (s.data[key] as Record<string, string[]>)[record.slug];
      if (items?.length) by[s.slug] = items;
    }
    return { stakeholders: by };
  }
  return {};
}

export function render(this: TemplateContext, { model, site, dataset }: Data): string {
  const list = records(model, dataset.type);
  const updated = list.map((r) => r.updated ?? '').sort().at(-1) || undefined;
  return JSON.stringify(
    {
      title: `${site.title}: ${dataset.name.replace(/-/g, ' ')}`,
      license: { name: site.license.name, url: site.license.url },
      attribution: `${site.title} (${this.absoluteUrl('/')}), content by its contributors, licensed ${site.license.name}`,
      source: this.editUrl(`content/${list[0]?.path.split('/')[1] ?? ''}/`),
      schema: this.absoluteUrl(schemaPath(dataset.type)),
      ...(updated ? { updated } : {}),
      count: list.length,
      // Front matter stays as written, under `data`, so that the schema describes it exactly.
      records: list.map((r) => ({
        slug: r.slug,
        page: this.absoluteUrl(r.url),
        source: r.path,
        ...(r.updated ? { updated: r.updated } : {}),
        data: r.data,
        body: r.markdown,
        ...derived(model, r),
      })),
    },
    null,
    2,
  );
}
