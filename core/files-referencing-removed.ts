// Finds the records that may point at something a change removes (a record, an icon, a heading),
// so a pull request that deletes or renames one is checked at every place that refers to it.
import type { ContentIndex } from './content-index.ts';
import { contentTypes, iconFolder, type Reference } from './schema/index.ts';

/** Every string at a reference path (`a.*`, `a.*key`, `a.b`) of front-matter data. */
function referenceValues(data: unknown, parts: readonly string[]): string[] {
  if (parts.length === 0) return typeof data === 'string' ? [data] : [];
  const [head, ...rest] = parts;
  if (!data || typeof data !== 'object') return [];
  if (head === '*key') return Array.isArray(data) ? [] : Object.keys(data);
  if (head === '*') return Array.isArray(data) ? data.flatMap((v) => referenceValues(v, rest)) : [];
  return referenceValues((data as Record<string, unknown>)[head!], rest);
}

/**
 * Paths of records in `after` that may refer to something `before` had and `after` lacks:
 * a removed record's slug in a reference field, a removed icon, or a removed record's slug or
 * heading anchor anywhere in the text (links, absolute or relative). The caller checks these
 * files against both indexes; only the problems that are new belong to the change.
 */
export function filesReferencingRemoved(before: ContentIndex, after: ContentIndex, textOf: (path: string) => string | undefined): string[] {
  const removedSlugs = new Map<string, Set<string>>();
  const words = new Set<string>();
  for (const [type, records] of before.byType) {
    const now = after.byType.get(type);
    for (const slug of records.keys()) {
      if (now?.has(slug)) continue;
      if (!removedSlugs.has(type)) removedSlugs.set(type, new Set());
      removedSlugs.get(type)!.add(slug);
      words.add(slug);
    }
  }
  const removedIcons = new Set(
    [...before.assets].filter((p) => p.startsWith(`${iconFolder}/`) && !after.assets.has(p)).map((p) => p.slice(iconFolder.length + 1)),
  );
  if (removedIcons.size) removedSlugs.set('icon', removedIcons);
  for (const target of before.targets) {
    if (after.targets.has(target)) continue;
    const anchor = target.split('#')[1];
    if (anchor) words.add(anchor);
  }
  // A slug or anchor as a whole word ("holder", not "stakeholders"), wherever a link could name it.
  const escaped = [...words].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const wordPattern = escaped.length ? new RegExp(`(?<![\\p{L}\\p{N}-])(?:${escaped.join('|')})(?![\\p{L}\\p{N}-])`, 'u') : undefined;
  const out: string[] = [];
  for (const entry of after.entries.values()) {
    const refs = contentTypes[entry.type].references as readonly Reference[];
    const byField = refs.some((ref) => {
      const gone = removedSlugs.get(ref.target);
      return gone !== undefined && referenceValues(entry.data, ref.path.split('.')).some((v) => gone.has(v));
    });
    if (byField) {
      out.push(entry.path);
      continue;
    }
    if (!wordPattern) continue;
    const text = textOf(entry.path);
    if (text !== undefined && wordPattern.test(text)) out.push(entry.path);
  }
  return out.sort();
}
