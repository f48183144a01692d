// Reads an issue body written by one of the forms: which form it came from and each field's answer.
import { parseIssue } from '@github/issue-parser';
import type { FormField, FormTemplate } from './form-template.ts';

/** A field's answer: text (undefined when empty) or the chosen dropdown options. */
export type FieldValue = string | string[] | undefined;

export interface IssueForm {
  template: FormTemplate;
  values: Record<string, FieldValue>;
}

const headingPattern = /^###[ \t]*(.+?)[ \t]*$/gm;

/** GitHub writes these for a field left empty; they mean "no answer". */
const emptyAnswers = new Set(['_no response_', 'none', '']);

/** The template whose field labels appear as `###` headings in the body (the hint wins a tie). */
export function identifyForm(body: string, templates: readonly FormTemplate[], hint?: string): FormTemplate | undefined {
  const headings = new Set([...body.matchAll(headingPattern)].map((m) => m[1]!.trim()));
  let best: FormTemplate | undefined;
  let bestCount = 0;
  for (const template of templates) {
    const count = template.fields.filter((f) => headings.has(f.label)).length;
    // A form is recognised when at least half of its fields (and two, unless it has one) are there.
    const needed = Math.min(2, template.fields.length, Math.ceil(template.fields.length / 2));
    if (count < Math.max(1, needed)) continue;
    if (count > bestCount || (count === bestCount && template.file === hint)) {
      best = template;
      bestCount = count;
    }
  }
  return best;
}

/** Cleans one answer: no HTML comments, no "_No response_", trimmed. */
function clean(value: string): string | undefined {
  const text = value.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim();
  return emptyAnswers.has(text.toLowerCase()) ? undefined : text;
}

function valueOf(field: FormField, raw: unknown): FieldValue {
  if (field.type === 'dropdown') {
    const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/,\s*/) : [];
    return list.flatMap((v) => {
      const c = typeof v === 'string' ? clean(v) : undefined;
      return c ? [c] : [];
    });
  }
  if (field.type === 'checkboxes') {
    const selected = (raw as { selected?: unknown } | undefined)?.selected;
    return Array.isArray(selected) ? selected.filter((v): v is string => typeof v === 'string') : [];
  }
  return typeof raw === 'string' ? clean(raw) : undefined;
}

/** Parses a body against the form it came from; undefined for a free-form issue. */
export function readIssueForm(body: string, templates: readonly FormTemplate[], hint?: string): IssueForm | undefined {
  const normalised = body.replace(/\r\n?/g, '\n');
  const template = identifyForm(normalised, templates, hint);
  if (!template) return undefined;
  let parsed: Record<string, unknown>;
  try {
    parsed = parseIssue(normalised, template.yaml) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const values: Record<string, FieldValue> = {};
  for (const field of template.fields) values[field.id] = valueOf(field, parsed[field.id]);
  return { template, values };
}

/** True when a field has no answer. */
export function isEmpty(value: FieldValue): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0);
}

/** A text answer (dropdown choices joined), or '' when empty. */
export function textOf(value: FieldValue): string {
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}
