// The content model: one declaration per content type (folder, schema, body, references).
// This is the single source of truth; JSON Schema files are exported from it.
import { z } from 'zod';
import {
  frameworkKinds,
  link,
  organizationRoles,
  resourceTopics,
  slugList,
  text,
  titled,
  url,
  workStreamSlugs,
} from './fields.ts';

export { resourceTopics, workStreamSlugs, frameworkKinds, organizationRoles } from './fields.ts';

/** The names of the content types (each is a folder under content/). */
export type ContentTypeName =
  | 'stakeholder'
  | 'work-stream'
  | 'action-area'
  | 'glossary'
  | 'resource'
  | 'framework'
  | 'page'
  | 'organization';

/** What a reference field points at: records of a content type, or an icon file. */
export type ReferenceTarget = ContentTypeName | 'icon';

export interface Reference {
  /** Dotted path with `*` for any key or index; `*key` means the mapping's keys are the references. */
  path: string;
  target: ReferenceTarget;
}

export interface ContentType<S extends z.ZodType = z.ZodType> {
  folder: string;
  label: string;
  schema: S;
  /** Whether the markdown body is required, optional or must be empty. */
  body: 'required' | 'optional' | 'none';
  /** The field that names the record (shown in messages, maps and indexes). */
  titleField: string;
  references: Reference[];
}

const workStreams = z.strictObject(
  Object.fromEntries(workStreamSlugs.map((s) => [s, z.array(text()).min(1)])) as Record<
    (typeof workStreamSlugs)[number],
    z.ZodArray<z.ZodString>
  >,
);

const stakeholder = {
  folder: 'stakeholders',
  label: 'stakeholder',
  body: 'required',
  titleField: 'name',
  schema: z.strictObject({
    name: text(),
    order: z.int().min(0),
    icon: text(),
    icon_alt: text(),
    examples: z.array(text()).min(1),
    work_streams: workStreams,
    action_areas: z.record(z.string(), z.array(text()).min(1)).refine((v) => Object.keys(v).length > 0, {
      message: 'at least one action area',
    }),
    business_case: z.array(titled).min(2),
    social_case: z.array(titled).min(2),
    quote: z.strictObject({ text: text(), attribution: text(), source: url() }).optional(),
    related_terms: slugList().optional(),
  }),
  references: [
    { path: 'action_areas.*key', target: 'action-area' },
    { path: 'related_terms.*', target: 'glossary' },
    { path: 'icon', target: 'icon' },
  ],
} as const satisfies ContentType;

const workStream = {
  folder: 'work-streams',
  label: 'work stream',
  body: 'required',
  titleField: 'title',
  schema: z.strictObject({ title: text(), subheader: text(), order: z.int().min(0) }),
  references: [],
} as const satisfies ContentType;

const actionArea = {
  folder: 'action-areas',
  label: 'action area',
  body: 'required',
  titleField: 'title',
  schema: z.strictObject({ title: text(), order: z.int().min(0) }),
  references: [],
} as const satisfies ContentType;

const glossary = {
  folder: 'glossary',
  label: 'glossary term',
  body: 'required',
  titleField: 'term',
  schema: z.strictObject({
    term: text(),
    acronym: text().optional(),
    aliases: z.array(text()).optional(),
    related: slugList().min(1),
    sources: z.array(link).optional(),
  }),
  references: [{ path: 'related.*', target: 'glossary' }],
} as const satisfies ContentType;

const resource = {
  folder: 'resources',
  label: 'resource',
  body: 'optional',
  titleField: 'title',
  schema: z.strictObject({
    title: text(),
    publisher: text(),
    url: url(),
    topic: z.enum(Object.keys(resourceTopics) as [keyof typeof resourceTopics]),
    stakeholders: slugList().min(1),
    year: z.int().min(1900).max(2100).optional(),
  }),
  references: [{ path: 'stakeholders.*', target: 'stakeholder' }],
} as const satisfies ContentType;

const framework = {
  folder: 'frameworks',
  label: 'framework or standard',
  body: 'required',
  titleField: 'name',
  schema: z.strictObject({
    name: text(),
    acronym: text().optional(),
    version: text().optional(),
    kind: z.enum(frameworkKinds),
    maintainer: text(),
    url: url(),
    links: z.array(link).optional(),
    related_terms: slugList().optional(),
  }),
  references: [{ path: 'related_terms.*', target: 'glossary' }],
} as const satisfies ContentType;

const page = {
  folder: 'pages',
  label: 'page',
  body: 'required',
  titleField: 'title',
  schema: z.strictObject({ title: text(), description: text(), order: z.int().min(0).optional() }),
  references: [],
} as const satisfies ContentType;

const organization = {
  folder: 'organizations',
  label: 'organization',
  body: 'optional',
  titleField: 'name',
  schema: z.strictObject({ name: text(), url: url(), role: z.enum(organizationRoles), logo: text().optional() }),
  references: [],
} as const satisfies ContentType;

/** Every content type by name. Adding a type here adds its folder, schema and JSON Schema. */
export const contentTypes: {
  stakeholder: typeof stakeholder;
  'work-stream': typeof workStream;
  'action-area': typeof actionArea;
  glossary: typeof glossary;
  resource: typeof resource;
  framework: typeof framework;
  page: typeof page;
  organization: typeof organization;
} = {
  stakeholder,
  'work-stream': workStream,
  'action-area': actionArea,
  glossary,
  resource,
  framework,
  page,
  organization,
} as const;

export type RecordData<T extends ContentTypeName> = z.infer<(typeof contentTypes)[T]['schema']>;

export const contentTypeNames = Object.keys(contentTypes) as ContentTypeName[];

/** The content root folder, relative to the repository root. */
export const contentRoot = 'content';
/** Folder of icon files referenced by stakeholders. */
export const iconFolder = 'content/icons';

/** The content type of a repository-relative path, or undefined outside the model. */
export function typeOfPath(path: string): ContentTypeName | undefined {
  const m = /^content\/([^/]+)\/[^/]+\.md$/.exec(path);
  if (!m) return undefined;
  return contentTypeNames.find((name) => contentTypes[name].folder === m[1]);
}

/** The keys a record of this type may have, in canonical order. */
export function keysOf(type: ContentTypeName): string[] {
  return Object.keys((contentTypes[type].schema as z.ZodObject).shape);
}

/** JSON Schema (draft 2020-12) of one content type's front matter. */
export function jsonSchemaOf(type: ContentTypeName): Record<string, unknown> {
  const t = contentTypes[type];
  const schema = z.toJSONSchema(t.schema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    title: `LER Ecosystem Map ${t.label}`,
    description: `Front matter of a markdown file in ${contentRoot}/${t.folder}/`,
    ...schema,
  };
}

/** What a front-matter string holds: prose to lint, a URL, or a reference (slug or file name). */
export type FieldKind = 'prose' | 'url' | 'reference';

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 5; i++) {
    const def = (s as unknown as { def: { type: string; innerType?: z.ZodType } }).def;
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) s = def.innerType;
    else break;
  }
  return s;
}

/** The schema of the value at a path of a type's front matter, when the schema defines one. */
export function schemaAt(type: ContentTypeName, path: readonly (string | number)[]): z.ZodType | undefined {
  let schema: z.ZodType | undefined = contentTypes[type].schema;
  for (const p of path) {
    if (!schema) return undefined;
    const def: Record<string, unknown> = (unwrap(schema) as unknown as { def: Record<string, unknown> }).def;
    // Own keys only: a front-matter key such as "toString" must not find Object.prototype's.
    if (def.type === 'object') schema = Object.hasOwn(def.shape as object, String(p)) ? (def.shape as Record<string, z.ZodType>)[String(p)] : undefined;
    else if (def.type === 'array') schema = def.element as z.ZodType;
    else if (def.type === 'record') schema = def.valueType as z.ZodType;
    else return undefined;
  }
  return schema && unwrap(schema);
}

/** Whether a value path matches a reference path (`*` any key or index; `*key` never matches a value). */
function matchesReference(refPath: string, path: readonly (string | number)[]): boolean {
  const parts = refPath.split('.');
  if (parts.length !== path.length) return false;
  return parts.every((part, i) => part === '*' || part === String(path[i]));
}

/** The kind of the string at a path of a type's front matter (prose when the schema does not say). */
export function fieldKindOf(type: ContentTypeName | undefined, path: readonly (string | number)[]): FieldKind {
  if (!type) return 'prose';
  if ((contentTypes[type].references as readonly Reference[]).some((r) => matchesReference(r.path, path))) return 'reference';
  const schema = schemaAt(type, path);
  if (schema && z.globalRegistry.get(schema)?.format === 'uri') return 'url';
  return 'prose';
}
