// Which page of the site a record or site path is on, and the `page: <slug>` label name for it.
import { recordPath, type IndexEntry } from '#core';

/** The page slug of a site path: "/stakeholders/employers/" → "employers", "/glossary/#issuer" → "glossary", "/" → "home". */
export function pageSlugOfPath(sitePath: string): string {
  const page = sitePath.split('#')[0]!.replace(/^\/+|\/+$/g, '');
  return page ? page.split('/').pop()! : 'home';
}

/** The page slug a record is shown on (glossary terms → "glossary", stakeholders → their own slug). */
export function pageSlugOf(entry: IndexEntry): string {
  return pageSlugOfPath(recordPath(entry.type, entry.slug));
}

/** The label name of a page slug, with the configured prefix ("page: "). */
export function pageLabel(slug: string, prefix: string): string {
  return `${prefix}${slug}`;
}
