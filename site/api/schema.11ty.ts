// /api/schema/<type>.schema.json: the JSON Schema of each record type's front matter (from core),
// with the licence and attribution in its $comment.
import { jsonSchemaOf, type ContentTypeName } from '#core';
import { schemaPath, schemaTypes } from '../lib/paths.ts';
import type { SiteData, TemplateContext } from '../lib/template.ts';

type Data = SiteData & { schemaType: ContentTypeName };

export const data = {
  pagination: { data: 'schemaTypes', size: 1, alias: 'schemaType' },
  schemaTypes,
  permalink: (d: Data) => schemaPath(d.schemaType),
  eleventyExcludeFromCollections: true,
};

export function render(this: TemplateContext, { site, schemaType }: Data): string {
  const schema = jsonSchemaOf(schemaType);
  const { $schema, ...rest } = schema;
  return JSON.stringify(
    {
      $schema,
      $id: this.absoluteUrl(schemaPath(schemaType)),
      $comment: `Part of the ${site.title} (${this.absoluteUrl('/')}), by its contributors; licensed ${site.license.name} (${site.license.url}).`,
      ...rest,
    },
    null,
    2,
  );
}
