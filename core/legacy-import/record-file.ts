// Writes one record as our content files do: YAML front matter in schema key order, then the body.
import { Document } from 'yaml';
import { contentTypes, keysOf, type ContentTypeName } from '../schema/index.ts';

/** The repository-relative path of a record: `content/<folder>/<slug>.md`. */
export function recordPath(type: ContentTypeName, slug: string): string {
  return `content/${contentTypes[type].folder}/${slug}.md`;
}

/** The text of a content file: front matter (keys in schema order, empty values left out) and body. */
export function recordFile(type: ContentTypeName, data: Record<string, unknown>, body: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of keysOf(type)) {
    if (data[key] !== undefined) ordered[key] = data[key];
  }
  // Keys the schema does not know are written last, so the validator can name them.
  for (const key of Object.keys(data)) {
    if (!(key in ordered) && data[key] !== undefined) ordered[key] = data[key];
  }
  // lineWidth 0: never fold long strings, so each value stays on the line the validator points at.
  const yaml = new Document(ordered).toString({ lineWidth: 0, minContentWidth: 0 });
  const text = body.trim();
  return `---\n${yaml}---\n${text ? `${text}\n` : ''}`;
}
