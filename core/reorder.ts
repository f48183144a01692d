// A safe fix that reorders the keys of a block mapping in the front matter by moving whole
// lines; offered only when the reordered YAML reads back as exactly the same data.
import { isScalar, parseDocument, type YAMLMap } from 'yaml';
import type { ParsedFile, TextEdit } from './types.ts';

/** Plain data with keys sorted, for comparing two readings of the same YAML. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Date) return v.toISOString();
    if (typeof v === 'bigint') return v.toString();
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
    }
    return v;
  });
}

/** The end offset of the front matter's YAML text (just before the closing `---` line break). */
export function yamlEnd(file: ParsedFile): number {
  const first = file.tree?.children[0];
  return first?.type === 'yaml' ? file.yamlStart + first.value.length : file.yamlStart;
}

/**
 * An edit that puts a block mapping's keys in `order` (keys not listed keep their place after
 * the listed ones), or undefined when that cannot be done safely: flow style, comments between
 * entries, keys not alone at the start of their line, or data that would change.
 */
export function reorderMapEdit(file: ParsedFile, map: YAMLMap, order: readonly string[]): TextEdit | undefined {
  if (map.flow || map.items.length < 2 || !file.yaml) return undefined;
  const text = file.text;
  const base = file.yamlStart;
  const end = yamlEnd(file);
  const starts: number[] = [];
  const names: string[] = [];
  let indent: string | undefined;
  for (const pair of map.items) {
    if (!isScalar(pair.key) || !pair.key.range) return undefined;
    const keyStart = base + pair.key.range[0];
    const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
    const lead = text.slice(lineStart, keyStart);
    if (!/^ *$/.test(lead) || (indent !== undefined && lead !== indent)) return undefined;
    indent = lead;
    starts.push(lineStart);
    names.push(String(pair.key.value));
  }
  const last = map.items.at(-1)!;
  const lastRange = (last.value as { range?: [number, number, number] } | null)?.range ?? (last.key as { range: [number, number, number] }).range;
  let regionEnd = base + lastRange[2];
  if (text[regionEnd - 1] !== '\n') {
    const nl = text.indexOf('\n', regionEnd);
    regionEnd = nl < 0 || nl >= end ? end : nl + 1;
  }
  regionEnd = Math.min(regionEnd, end);
  const region = text.slice(starts[0], regionEnd);
  // Comments belong to the lines around them; moving entries could separate them.
  if (/^[ \t]*#/m.test(region)) return undefined;
  const eol = region.includes('\r\n') || text.slice(regionEnd, regionEnd + 2) === '\r\n' ? '\r\n' : '\n';
  const chunks = starts.map((s, i) => text.slice(s, starts[i + 1] ?? regionEnd));
  const added = !chunks.at(-1)!.endsWith('\n');
  if (added) chunks[chunks.length - 1] += eol;
  const rank = (name: string) => {
    const i = order.indexOf(name);
    return i < 0 ? order.length : i;
  };
  const sorted = chunks.map((chunk, i) => ({ chunk, i, r: rank(names[i]!) })).sort((a, b) => a.r - b.r || a.i - b.i);
  let replacement = sorted.map((c) => c.chunk).join('');
  if (added) replacement = replacement.slice(0, -eol.length);
  if (replacement === region) return undefined;
  // Read the result back: the fix is offered only if the data is exactly the same.
  try {
    const yamlText = text.slice(base, starts[0]) + replacement + text.slice(regionEnd, end);
    const doc = parseDocument(yamlText, { uniqueKeys: true, strict: true, merge: false });
    if (doc.errors.length > 0) return undefined;
    if (canonical(doc.toJS({ maxAliasCount: 0 })) !== canonical(file.yaml.toJS({ maxAliasCount: 0 }))) return undefined;
  } catch {
    return undefined;
  }
  return { start: starts[0]!, end: regionEnd, text: replacement };
}
