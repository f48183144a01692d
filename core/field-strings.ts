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
/** Field kinds by type and path shape (list indexes as *): the schema is walked once per shape. */
const kinds = new Map<string, FieldKind>();

function kindAt(file: ParsedFile, path: (string | number)[], shape: string): FieldKind {
  let kind = kinds.get(shape);
  if (kind === undefined) kinds.set(shape, (kind = fieldKindOf(file.type, path)));
  return kind;
}

/** The front matter's string values, in file order (empty when the front matter did not parse). */
export function fieldStrings(file: ParsedFile): readonly FieldString[] {
  let out = cache.get(file);
  if (out) return out;
  out = [];
  cache.set(file, out);
  if (!file.yaml || !file.data || file.yaml.errors.length > 0) return out;
  const base = file.yamlStart;
  const found = out;
  // `shape` is the path with list indexes as * (the key of the field-kind cache), built as we go.
  const walk = (node: unknown, path: (string | number)[], dotted: string, shape: string, depth: number): void => {
    if (depth > 20) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined || forbiddenKeys.has(key)) continue;
        walk(pair.value, [...path, key], dotted ? `${dotted}.${key}` : key, `${shape}.${key}`, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i], `${dotted}.${i}`, `${shape}.*`, depth + 1));
    } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
      const start = base + node.range[0];
      const end = base + node.range[1];
      const style = node.type ?? Scalar.PLAIN;
      const quoted = style === Scalar.QUOTE_DOUBLE || style === Scalar.QUOTE_SINGLE;
      found.push({
        path,
        key: dotted,
        value: node.value,
        kind: kindAt(file, path, shape),
        style,
        start,
        end,
        innerStart: quoted ? start + 1 : start,
        innerEnd: quoted ? Math.max(start + 1, end - 1) : end,
      });
    }
  };
  walk(file.yaml.contents as YamlNode | null, [], '', file.type ?? '', 0);
  return out;
}
