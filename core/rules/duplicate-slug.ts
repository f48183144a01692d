// duplicate-slug: two files of a type must not differ only by case or punctuation (they would
// collide on case-insensitive disks and in URLs), and pages must not take a section's address.
import type { ContentIndex, IndexEntry } from '../content-index.ts';
import { defineRule } from '../rule.ts';
import { sectionPaths } from '../urls.ts';

const reservedPageSlugs = new Set(Object.values(sectionPaths).map((p) => p.replace(/\//g, '')).filter(Boolean));

const folded = new WeakMap<IndexEntry, string>();

/** The slug without case or punctuation; remembered per entry, as updated indexes share entries. */
function foldSlug(entry: IndexEntry): string {
  let key = folded.get(entry);
  if (key === undefined) folded.set(entry, (key = `${entry.type}:${entry.slug.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')}`));
  return key;
}

const cache = new WeakMap<ContentIndex, Map<string, string[]>>();

/** The paths of each type and folded slug (one pass over the index; only shared slugs are sorted). */
function pathsBySlug(index: ContentIndex): Map<string, string[]> {
  let found = cache.get(index);
  if (!found) {
    found = new Map();
    for (const e of index.entries.values()) {
      const key = foldSlug(e);
      const list = found.get(key);
      if (list) {
        list.push(e.path);
        list.sort();
      } else found.set(key, [e.path]);
    }
    cache.set(index, found);
  }
  return found;
}

export default defineRule({
  id: 'duplicate-slug',
  severity: 'error',
  description: 'File names (slugs) are unique within a folder even ignoring case and punctuation; pages do not use a section name.',
  help: 'Rename or merge one of the two files; the message names the other one.',
  check({ file, index, report }) {
    if (!file.type) return;
    if (file.type === 'page' && reservedPageSlugs.has(file.slug)) {
      report({
        start: 0,
        end: 0,
        reason: `Unexpected page slug "${file.slug}", expected a name that is not a section of the site (${[...reservedPageSlugs].join(', ')})`,
      });
    }
    const key = `${file.type}:${file.slug.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')}`;
    const other = pathsBySlug(index).get(key)?.find((p) => p !== file.path);
    if (other) {
      report({
        start: 0,
        end: 0,
        reason: `Unexpected slug "${file.slug}", expected one that differs from ${other} by more than case or punctuation`,
        cause: { file: other, line: 1, column: 1, reason: 'also defined here' },
      });
    }
  },
});
