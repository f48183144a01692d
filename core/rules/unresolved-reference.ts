// unresolved-reference: slugs that point at other records (or icons) name ones that exist.
import type { ContentIndex } from '../content-index.ts';
import { contentTypes, iconFolder, type Reference, type ReferenceTarget } from '../schema/index.ts';
import { defineRule, type RuleContext } from '../rule.ts';
import { nearest } from '../text.ts';
import { spanOf } from './schema-issues.ts';

/** Every (path, value) in data matching a reference path such as `action_areas.*key`. */
function valuesAt(data: unknown, parts: string[], path: (string | number)[] = []): { path: (string | number)[]; value: string; isKey: boolean }[] {
  if (parts.length === 0) return typeof data === 'string' ? [{ path, value: data, isKey: false }] : [];
  const [head, ...rest] = parts;
  if (head === '*key') {
    if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
    return Object.keys(data).map((k) => ({ path: [...path, k], value: k, isKey: true }));
  }
  if (head === '*') {
    if (Array.isArray(data)) return data.flatMap((v, i) => valuesAt(v, rest, [...path, i]));
    return [];
  }
  if (!data || typeof data !== 'object') return [];
  return valuesAt((data as Record<string, unknown>)[head!], rest, [...path, head!]);
}

const knownCache = new WeakMap<ContentIndex, Map<ReferenceTarget, Set<string>>>();

/** The names a reference may use (slugs of a type, or icon file names), once per index and target. */
function known(context: RuleContext, ref: Reference): Set<string> {
  let byTarget = knownCache.get(context.index);
  if (!byTarget) knownCache.set(context.index, (byTarget = new Map()));
  let names = byTarget.get(ref.target);
  if (!names) {
    names =
      ref.target === 'icon'
        ? new Set([...context.index.assets].filter((p) => p.startsWith(`${iconFolder}/`)).map((p) => p.slice(iconFolder.length + 1)))
        : new Set(context.index.byType.get(ref.target)?.keys() ?? []);
    byTarget.set(ref.target, names);
  }
  return names;
}

export default defineRule({
  id: 'unresolved-reference',
  severity: 'error',
  description: 'References (action areas, stakeholders, glossary terms, icons) must name records that exist.',
  help: 'Use the slug (the file name without .md) of a record that exists, or add that record first.',
  check(context) {
    const { file, report } = context;
    if (!file.type || !file.data) return;
    for (const ref of contentTypes[file.type].references as readonly Reference[]) {
      const found = valuesAt(file.data, ref.path.split('.'));
      if (found.length === 0) continue;
      const set = known(context, ref);
      for (const { path, value, isKey } of found) {
        if (set.has(value)) continue;
        const names = [...set];
        const [start, end] = spanOf(file, path, isKey ? 'key' : 'value');
        const what = ref.target === 'icon' ? `icon file in ${iconFolder}/` : contentTypes[ref.target].label;
        const best = nearest(value, names);
        report({
          start,
          end,
          reason: `Unexpected "${value}", expected the slug of an existing ${what}${best ? ` such as "${best}"` : ''}`,
          expected: best ? [best] : names.slice(0, 20),
        });
      }
    }
  },
});
