// The configuration reference of docs/maintainers.md, rendered from the JSON Schema of the bot's config.
import { stringify } from 'yaml';

/** The part of a JSON Schema this renderer reads. */
export interface JsonSchemaNode {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchemaNode>;
  additionalProperties?: boolean | JsonSchemaNode;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
}

/**
 * Renders one row per setting (dotted key path, type, default, meaning), walking nested
 * objects, so the table always matches the schema the bot validates the file with.
 */
export function configReference(schema: JsonSchemaNode): string {
  const rows: string[] = [];
  const lists: { path: string; value: unknown }[] = [];
  walk(schema, [], rows, lists);
  const table = ['| key | type | default | meaning |', '|---|---|---|---|', ...rows].join('\n');
  // Defaults that are lists of mappings read better as the YAML one would write.
  const blocks = lists.map(({ path, value }) => `Default of \`${path}\`:\n\n\`\`\`yaml\n${stringify({ [path.split('.').at(-1)!]: value }).trim()}\n\`\`\``);
  return [table, ...blocks].join('\n\n');
}

function walk(node: JsonSchemaNode, path: string[], rows: string[], lists: { path: string; value: unknown }[]): void {
  const properties = node.properties ?? {};
  for (const [key, child] of Object.entries(properties)) {
    const here = [...path, key];
    const object = objectOf(child);
    const items = child.type === 'array' && child.items ? objectOf(child.items) : undefined;
    if (object && Object.keys(object.properties ?? {}).length) {
      if (child.description || object.description) rows.push(row(here, 'mapping', undefined, child.description ?? object.description ?? ''));
      walk(object, here, rows, lists);
    } else if (items) {
      const shown = child.default === undefined ? undefined : 'below';
      rows.push(row(here, 'list of mappings', undefined, child.description ?? '', shown));
      if (child.default !== undefined) lists.push({ path: here.join('.'), value: child.default });
      walk(items, [...here.slice(0, -1), `${key}[]`], rows, lists);
    } else {
      rows.push(row(here, typeOf(child), child.default, child.description ?? ''));
    }
  }
}

function objectOf(node: JsonSchemaNode): JsonSchemaNode | undefined {
  if (node.type === 'object' && node.properties) return node;
  return [...(node.anyOf ?? []), ...(node.oneOf ?? [])].find((n) => n.type === 'object' && n.properties);
}

function typeOf(node: JsonSchemaNode): string {
  if (node.enum) return `one of ${node.enum.map((v) => `\`${JSON.stringify(v)}\``).join(', ')}`;
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  const variants = node.anyOf ?? node.oneOf;
  if (variants) return variants.map(typeOf).join(' or ');
  if (node.type === 'array') return `list of ${node.items ? typeOf(node.items) : 'values'}`;
  if (node.type === 'object') {
    const values = typeof node.additionalProperties === 'object' ? typeOf(node.additionalProperties) : 'values';
    return `mapping of names to ${values}`;
  }
  const type = Array.isArray(node.type) ? node.type.join(' or ') : (node.type ?? 'any');
  // zod writes "no upper bound" on integers as the largest safe integer.
  const max = node.maximum !== undefined && node.maximum < Number.MAX_SAFE_INTEGER ? node.maximum : undefined;
  const min = node.minimum ?? (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + (type === 'integer' ? 1 : 0) : undefined);
  if (min !== undefined && max !== undefined) return `${type}, ${min} to ${max}`;
  if (min !== undefined) return `${type}, at least ${min}`;
  if (max !== undefined) return `${type}, at most ${max}`;
  return type;
}

function row(path: string[], type: string, value: unknown, description: string, text?: string): string {
  const shown = text ?? (value === undefined ? '' : `\`${JSON.stringify(value)}\``);
  return `| \`${path.join('.')}\` | ${cell(type)} | ${cell(shown)} | ${cell(description)} |`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
