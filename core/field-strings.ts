// The string values of a file's front matter with their exact source spans and kinds, so rules
// that read field text (links, prose, quotes) can point at and fix the characters themselves.
import { isMap, isScalar, isSeq, Scalar, type Node as YamlNode } from 'yaml';
import { forbiddenKeys } from './parse.ts';
import { fieldKindOf, type FieldKind } from './schema/index.ts';
import type { ParsedFile } from './types.ts';

/** One string value of the front matter. */
export interface FieldString {
  /** Path of the value (`["work_streams", "using", 0]`). */
  path: (string | number)[];
  /** The same path, dotted (`work_streams.using.0`), as in ParsedFile.ranges. */
  key: string;
  /** The value as YAML reads it. */
  value: string;
  kind: FieldKind;
  /** How the value is written: plain, 'single', "double" quoted, or a `|`/`>` block. */
  style: Scalar.Type;
  /** Offsets of the whole scalar in the file, quotes and block header included. */
  start: number;
  end: number;
  /** Offsets of the characters between the quotes (the whole scalar for plain and block values). */
  innerStart: number;
  innerEnd: number;
}

const cache = new WeakMap<ParsedFile, FieldString[]>();

/**
 * Field kinds by type and path shape, as a tree (list items share one branch): the schema is
 * walked once per shape, and walking a file builds no path strings to look kinds up.
 */
interface KindNode {
  kind?: FieldKind;
  keys?: Map<string, KindNode>;
  items?: KindNode;
}
const kindTrees = new Map<string, KindNode>();

/** The front matter's string values, in file order (empty when the front matter did not parse). */
export function fieldStrings(file: ParsedFile): readonly FieldString[] {
  let out = cache.get(file);
  if (out) return out;
  out = [];
  cache.set(file, out);
  if (!file.yaml || !file.data || file.yaml.errors.length > 0) return out;
  const base = file.yamlStart;
  const found = out;
  const type = file.type;
  let kinds = kindTrees.get(type ?? '');
  if (!kinds) kindTrees.set(type ?? '', (kinds = {}));
  // The path of the node being visited; copied only for the string values found.
  const path: (string | number)[] = [];
  const walk = (node: unknown, kindNode: KindNode, depth: number): void => {
    if (depth > 20) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined || forbiddenKeys.has(key)) continue;
        kindNode.keys ??= new Map();
        let child = kindNode.keys.get(key);
        if (!child) kindNode.keys.set(key, (child = {}));
        path.push(key);
        walk(pair.value, child, depth + 1);
        path.pop();
      }
    } else if (isSeq(node)) {
      const child = (kindNode.items ??= {});
      for (let i = 0; i < node.items.length; i++) {
        path.push(i);
        walk(node.items[i], child, depth + 1);
        path.pop();
      }
    } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
      const start = base + node.range[0];
      const end = base + node.range[1];
      const style = node.type ?? Scalar.PLAIN;
      const quoted = style === Scalar.QUOTE_DOUBLE || style === Scalar.QUOTE_SINGLE;
      found.push({
        path: path.slice(),
        key: path.join('.'),
        value: node.value,
        kind: (kindNode.kind ??= fieldKindOf(type, path)),
        style,
        start,
        end,
        innerStart: quoted ? start + 1 : start,
        innerEnd: quoted ? Math.max(start + 1, end - 1) : end,
      });
    }
  };
  walk(file.yaml.contents as YamlNode | null, kinds, 0);
  return out;
}
