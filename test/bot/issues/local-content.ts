// The project's own content index, issue forms and matcher, loaded once per test file.
import { join } from 'node:path';
import { buildIndex, readContentFiles, type ContentIndex } from '#core';
import { defaultIssuesConfig } from '../../../bot/config-issues.ts';
import { readLocalForms } from '../../../bot/dry-run-issue.ts';
import type { FormTemplate } from '../../../bot/issue-forms/form-template.ts';
import { ContentMatcher } from '../../../bot/triage/content-matcher.ts';

export const repoRoot = join(import.meta.dirname, '..', '..', '..');
export const siteUrl = defaultIssuesConfig.site_url;

let loaded: Promise<{ index: ContentIndex; templates: FormTemplate[]; matcher: ContentMatcher }> | undefined;

/** Index, forms and matcher of this checkout. */
export function localContent(): Promise<{ index: ContentIndex; templates: FormTemplate[]; matcher: ContentMatcher }> {
  loaded ??= (async () => {
    const index = buildIndex(await readContentFiles(repoRoot));
    return { index, templates: await readLocalForms(repoRoot), matcher: new ContentMatcher(index, { siteUrl }) };
  })();
  return loaded;
}

/** An issue body as GitHub writes it for a form: `### Label` then the answer, empty answers as `_No response_`. */
export function formBody(template: FormTemplate, answers: Record<string, string | string[] | undefined>): string {
  return template.fields
    .map((f) => {
      const a = answers[f.id];
      const text = Array.isArray(a) ? (a.length ? a.join(', ') : 'None') : a === undefined || a === '' ? (f.type === 'dropdown' ? 'None' : '_No response_') : a;
      return `### ${f.label}\n\n${text}`;
    })
    .join('\n\n');
}

/** The template of a form file. */
export function form(templates: FormTemplate[], file: string): FormTemplate {
  const t = templates.find((x) => x.file === file);
  if (!t) throw new Error(`no form ${file}`);
  return t;
}
