// Validates a file's front matter against its type's schema once, and locates each issue.
import type { z } from 'zod';
import { contentTypes, keysOf } from '../schema/index.ts';
import type { ParsedFile } from '../types.ts';

export type SchemaIssue = z.core.$ZodIssue & { input?: unknown };

const cache = new WeakMap<ParsedFile, SchemaIssue[]>();

/** The schema issues of a parsed file (empty when it has no type or no data). */
export function schemaIssues(file: ParsedFile): SchemaIssue[] {
  let issues = cache.get(file);
  if (!issues) {
    issues = [];
    if (file.type && file.data) {
      const result = contentTypes[file.type].schema.safeParse(file.data, { reportInput: true });
      if (!result.success) issues = result.error.issues as SchemaIssue[];
    }
    cache.set(file, issues);
  }
  return issues;
}

/** The dotted path of an issue ("work_streams.using.0"). */
export function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** A readable name for a path in messages: `work_streams.using` or `business_case item 2`. */
export function fieldName(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const p of path) {
    if (typeof p === 'number') parts.push(`item ${p + 1}`);
    else parts.push(String(p));
  }
  return parts.join(' › ') || 'front matter';
}

/** Offsets of the value at a path; falls back to the nearest ancestor, then the `---` line. */
export function spanOf(file: ParsedFile, path: readonly PropertyKey[], part: 'key' | 'value' = 'value'): [number, number] {
  for (let n = path.length; n > 0; n--) {
    const range = file.ranges.get(pathOf(path.slice(0, n)));
    if (range) return (part === 'key' && range.key) || (n < path.length && range.key) || range.value;
  }
  return [0, 3];
}

/** The allowed keys at a path of a type's schema (top level only, or nested objects). */
export function allowedKeys(file: ParsedFile, path: readonly PropertyKey[]): string[] {
  if (!file.type) return [];
  let schema = contentTypes[file.type].schema as z.ZodType;
  if (path.length === 0) return keysOf(file.type);
  for (const p of path) {
    const def = (schema as unknown as { def: Record<string, unknown> }).def;
    if (def.type === 'optional') schema = def.innerType as z.ZodType;
    const d = (schema as unknown as { def: Record<string, unknown> }).def;
    // Own keys only: a front-matter key such as "toString" must not find Object.prototype's.
    if (d.type === 'object') schema = Object.hasOwn(d.shape as object, String(p)) ? (d.shape as Record<string, z.ZodType>)[String(p)]! : undefined!;
    else if (d.type === 'array') schema = d.element as z.ZodType;
    else if (d.type === 'record') schema = d.valueType as z.ZodType;
    if (!schema) return [];
  }
  let d = (schema as unknown as { def: Record<string, unknown> }).def;
  if (d.type === 'optional') d = (d.innerType as unknown as { def: Record<string, unknown> }).def;
  if (d.type === 'array') d = (d.element as unknown as { def: Record<string, unknown> }).def;
  return d.type === 'object' ? Object.keys(d.shape as object) : [];
}

/** A plain-language name for a YAML value's kind. */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty value';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping (`key: value` pairs)';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isInteger(value) ? 'whole number' : 'number';
  if (typeof value === 'boolean') return `${value} (yes/no value)`;
  return typeof value;
}

/** A plain-language name for what a schema expects. */
export function expectedKind(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'array':
      return 'a list (each item on its own line starting with "- ")';
    case 'object':
      return 'a mapping (indented `key: value` lines)';
    case 'number':
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'record':
      return 'a mapping (indented `key: value` lines)';
    default:
      return expected;
  }
}
