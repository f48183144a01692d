// Matches requests to operations of GitHub's OpenAPI description and validates them with ajv.
// Only generated/api.github.com.json is loaded, once per test process (it is 13 MB).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Record<string, unknown>;
  'x-multi-segment'?: boolean;
}

interface RawOperation {
  operationId: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Record<string, unknown> }> };
}

/** An operation of the description with its route pattern and parameters resolved. */
export interface Operation {
  operationId: string;
  method: string;
  template: string;
  pattern: RegExp;
  pathParams: string[];
  literalLength: number;
  parameters: Parameter[];
  body?: { required: boolean; schema?: Record<string, unknown>; json: boolean };
}

/** The outcome of matching and validating one request. */
export type Validation =
  | { ok: true; operation: Operation; params: Record<string, string>; query: Record<string, unknown>; body: unknown }
  | { ok: false; status: number; problem: string; operation?: Operation };

const specId = 'https://api.github.com/openapi.json';
const methods = ['get', 'post', 'put', 'patch', 'delete', 'head'];

let loaded: { operations: Operation[]; ajv: Ajv } | undefined;

function load(): { operations: Operation[]; ajv: Ajv } {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    paths: Record<string, Record<string, RawOperation>>;
    components: { parameters: Record<string, Parameter>; schemas: Record<string, unknown> };
  };
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const method of methods) {
      const raw = item[method];
      if (!raw) continue;
      const parameters = (raw.parameters ?? []).map((p) =>
        '$ref' in p ? doc.components.parameters[p.$ref.replace('#/components/parameters/', '')]! : p,
      );
      const pathParams: string[] = [];
      let literalLength = 0;
      const source = template
        .split('/')
        .map((segment) =>
          segment.replace(/\{([^}]+)\}|[^{]+/g, (part, name: string | undefined) => {
            if (!name) {
              literalLength += part.length;
              return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            }
            pathParams.push(name);
            const multi = parameters.find((p) => p.in === 'path' && p.name === name)?.['x-multi-segment'];
            return multi ? '(.+)' : '([^/]+)';
          }),
        )
        .join('/');
      const json = raw.requestBody?.content['application/json'];
      operations.push({
        operationId: raw.operationId,
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${source}$`),
        pathParams,
        literalLength,
        parameters,
        body: raw.requestBody
          ? { required: raw.requestBody.required ?? false, schema: json?.schema, json: Boolean(json) }
          : undefined,
      });
    }
  }
  // The most specific template wins ("/repos/{o}/{r}/git/refs/{ref}" over "/repos/{o}/{r}/{x}").
  operations.sort((a, b) => b.literalLength - a.literalLength || a.pathParams.length - b.pathParams.length);
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema({ $id: specId, components: { schemas: nullableAsNull(doc.components.schemas) } });
  loaded = { operations, ajv };
  return loaded;
}

/**
 * OpenAPI 3.0's `nullable: true` beside `oneOf`/`anyOf` (no `type`) is not JSON Schema and makes
 * ajv throw: such a schema becomes "the schema, or null".
 */
function nullableAsNull(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(nullableAsNull);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === 'properties' || k === '$defs' || k === 'schemas' ? mapValues(v, nullableAsNull) : nullableAsNull(v);
  if (out.nullable === true && out.type === undefined) {
    const { nullable: _, description, ...rest } = out;
    return { ...(description !== undefined ? { description } : {}), anyOf: [rest, { type: 'null' }] };
  }
  return out;
}

function mapValues(value: unknown, f: (v: unknown) => unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return f(value);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, f(v)]));
}

/** Rewrites local `#/components/...` references so they resolve inside the added spec. */
function rebase(schema: unknown): unknown {
  return rebaseRefs(nullableAsNull(schema));
}

function rebaseRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebaseRefs);
  if (schema && typeof schema === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema)) {
      out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${specId}${v}` : rebaseRefs(v);
    }
    return out;
  }
  return schema;
}

const compiled = new Map<string, ValidateFunction>();

function validator(key: string, schema: Record<string, unknown>): ValidateFunction {
  let v = compiled.get(key);
  if (!v) {
    v = load().ajv.compile(rebase(schema) as object);
    compiled.set(key, v);
  }
  return v;
}

/** Converts a query or path string to the type its schema asks for, so ajv can check it. */
function coerce(value: string, schema: Record<string, unknown> | undefined): unknown {
  const type = schema?.type;
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if (type === 'array') return value.split(',');
  return value;
}

function describeErrors(v: ValidateFunction): string {
  return (v.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`).join('; ');
}

/** Every operation whose path pattern matches (any method). */
function candidates(path: string): Operation[] {
  return load().operations.filter((op) => op.pattern.test(path));
}

/** Loads the description now (takes a second or two), so the first request is not slow. */
export function loadOpenApi(): void {
  load();
}

/** Matches a request to an operation and validates its path parameters, query and JSON body. */
export function validateRequest(method: string, path: string, search: URLSearchParams, rawBody: string): Validation {
  const matching = candidates(path);
  const operation = matching.find((op) => op.method === method);
  if (!operation) {
    if (matching.length) {
      return { ok: false, status: 404, problem: `wrong method ${method} for ${matching[0]!.template} (it allows ${[...new Set(matching.map((m) => m.method))].join(', ')})` };
    }
    return { ok: false, status: 404, problem: `no operation of GitHub's REST API matches ${method} ${path}` };
  }
  const match = operation.pattern.exec(path)!;
  const params: Record<string, string> = {};
  operation.pathParams.forEach((name, i) => {
    params[name] = decodeURIComponent(match[i + 1]!);
  });
  const problems: string[] = [];
  for (const p of operation.parameters.filter((x) => x.in === 'path')) {
    const value = coerce(params[p.name] ?? '', p.schema);
    const v = validator(`${operation.operationId} path ${p.name}`, p.schema ?? {});
    if (!v(value)) problems.push(`path parameter ${p.name}: ${describeErrors(v)}`);
  }
  const query: Record<string, unknown> = {};
  const declared = new Map(operation.parameters.filter((x) => x.in === 'query').map((p) => [p.name, p]));
  for (const [name, raw] of search) {
    const p = declared.get(name);
    if (!p) {
      problems.push(`unknown query parameter "${name}"`);
      continue;
    }
    const value = coerce(raw, p.schema);
    const v = validator(`${operation.operationId} query ${name}`, p.schema ?? {});
    if (!v(value)) problems.push(`query parameter ${name}: ${describeErrors(v)}`);
    query[name] = value;
  }
  for (const p of declared.values()) if (p.required && !search.has(p.name)) problems.push(`missing required query parameter "${p.name}"`);
  let body: unknown = undefined;
  if (rawBody.trim() !== '') {
    try {
      body = JSON.parse(rawBody);
    } catch {
      problems.push('body is not valid JSON');
    }
  }
  if (!operation.body) {
    if (body !== undefined && !(body && typeof body === 'object' && Object.keys(body).length === 0)) {
      problems.push(`${operation.operationId} takes no request body`);
    }
  } else if (body === undefined) {
    if (operation.body.required) problems.push('missing required request body');
  } else if (operation.body.schema && operation.body.json) {
    const v = validator(`${operation.operationId} body`, operation.body.schema);
    if (!v(body)) problems.push(`request body: ${describeErrors(v)}`);
  }
  if (problems.length) {
    return { ok: false, status: 422, problem: `${operation.operationId}: ${problems.join('; ')}`, operation };
  }
  return { ok: true, operation, params, query, body };
}
