// Issue form templates (.github/ISSUE_TEMPLATE/*.yml) read as data: which form is which kind, its fields.
import { parse } from 'yaml';

/** The kinds of issue forms the bot knows, by the file name of their template. */
export const formKindsByFile = {
  'feedback.yml': 'feedback',
  'propose-term.yml': 'term',
  'suggest-resource.yml': 'resource',
  'stakeholder-change.yml': 'stakeholder',
  'site-problem.yml': 'site',
} as const;

export type FormKind = (typeof formKindsByFile)[keyof typeof formKindsByFile];

/** The folder of the templates, relative to the repository root. */
export const formsFolder = '.github/ISSUE_TEMPLATE';

export interface FormField {
  id: string;
  label: string;
  type: 'input' | 'textarea' | 'dropdown' | 'checkboxes';
  required: boolean;
  multiple: boolean;
  options: string[];
}

export interface FormTemplate {
  /** File name inside the templates folder ("feedback.yml"). */
  file: string;
  kind: FormKind;
  name: string;
  fields: FormField[];
  /** The raw YAML, handed to @github/issue-parser. */
  yaml: string;
}

/** Parses one template; undefined for files that are not one of the known forms or do not parse. */
export function parseFormTemplate(file: string, yaml: string): FormTemplate | undefined {
  const kind = (formKindsByFile as Record<string, FormKind | undefined>)[file];
  if (!kind) return undefined;
  let data: unknown;
  try {
    data = parse(yaml, { maxAliasCount: 0 });
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || !Array.isArray((data as { body?: unknown }).body)) return undefined;
  const fields: FormField[] = [];
  for (const item of (data as { body: unknown[] }).body) {
    if (!item || typeof item !== 'object') continue;
    const { type, id, attributes, validations } = item as Record<string, unknown>;
    if (type !== 'input' && type !== 'textarea' && type !== 'dropdown' && type !== 'checkboxes') continue;
    const attrs = (attributes ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || typeof attrs.label !== 'string') continue;
    fields.push({
      id,
      label: attrs.label,
      type,
      required: Boolean((validations as Record<string, unknown> | undefined)?.required),
      multiple: Boolean(attrs.multiple),
      options: Array.isArray(attrs.options) ? attrs.options.filter((o): o is string => typeof o === 'string') : [],
    });
  }
  const name = (data as { name?: unknown }).name;
  return { file, kind, name: typeof name === 'string' ? name : file, fields, yaml };
}
