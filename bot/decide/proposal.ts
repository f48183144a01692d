// Builds the content file of an accepted term or resource proposal from its form answers and
// validates it with core/ against the current index, as `npm run check` would. Pure.
import { stringify } from 'yaml';
import { checkFiles, keysOf, updateIndex, type ContentIndex, type Message } from '#core';
import type { IssueForm } from '../issue-forms/read-issue-form.ts';
import { isEmpty, textOf } from '../issue-forms/read-issue-form.ts';
import type { ContentMatcher } from '../triage/content-matcher.ts';
import { findByName, nameKey, topicOf } from '../triage/understand-issue.ts';

export type ProposalKind = 'term' | 'resource';

export type Proposal =
  | { ok: true; kind: ProposalKind; path: string; text: string; name: string }
  | { ok: false; kind: ProposalKind; problems: ProposalProblem[] };

/** Something to fix in the proposal: the form field (its label) and what is wrong, as plain text. */
export interface ProposalProblem {
  field?: string;
  message: string;
}

/** A file-name slug from a name: lowercase ASCII letters, digits and hyphens, at most `max` characters. */
export function slugOf(name: string, max = 60): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  return (cut.lastIndexOf('-') > 20 ? cut.slice(0, cut.lastIndexOf('-')) : slug.slice(0, max)).replace(/-+$/, '');
}

/** Front matter in the content model's key order, then the body. */
function contentFile(type: 'glossary' | 'resource', data: Record<string, unknown>, body: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of keysOf(type)) if (data[key] !== undefined) ordered[key] = data[key];
  const yaml = stringify(ordered, { lineWidth: 0 });
  const text = body.replace(/\r\n?/g, '\n').trim();
  return `---\n${yaml}---\n${text ? `${text}\n` : ''}`;
}

/** Which form field each front-matter key came from, to say where to fix a problem. */
const fieldOfKey: Record<ProposalKind, Record<string, string>> = {
  term: { term: 'term', acronym: 'acronym', related: 'related_terms', sources: 'source_url', body: 'definition' },
  resource: { title: 'title', publisher: 'publisher', url: 'url', topic: 'topic', stakeholders: 'stakeholders', year: 'year', body: 'why' },
};

/** Builds and validates the file an accepted proposal would add. */
export function buildProposal(form: IssueForm, index: ContentIndex, matcher: ContentMatcher): Proposal {
  const kind = form.template.kind;
  if (kind !== 'term' && kind !== 'resource') throw new Error(`not a proposal form: ${form.template.file}`);
  const label = (id: string) => form.template.fields.find((f) => f.id === id)?.label ?? id;
  const value = (id: string) => textOf(form.values[id]).trim();
  const problems: ProposalProblem[] = [];
  for (const f of form.template.fields) {
    if (f.required && isEmpty(form.values[f.id])) problems.push({ field: label(f.id), message: 'this field is empty.' });
  }

  let path = '';
  let name = '';
  let text = '';
  if (kind === 'term') {
    name = value('term');
    const slug = slugOf(name);
    path = `content/glossary/${slug}.md`;
    const existing = name ? findByName(matcher, 'glossary', name) : undefined;
    if (existing) problems.push({ field: label('term'), message: `the glossary already has “${existing.title}” (${existing.path}).` });
    else if (name && !slug) problems.push({ field: label('term'), message: 'it needs at least one letter or digit.' });
    const related: string[] = [];
    for (const choice of Array.isArray(form.values.related_terms) ? form.values.related_terms : []) {
      const entry = findByName(matcher, 'glossary', choice);
      if (entry) related.push(entry.slug);
      else problems.push({ field: label('related_terms'), message: `“${choice}” is not a term in the glossary.` });
    }
    const url = value('source_url');
    const sourceTitle = value('source_title') || (url ? hostOf(url) : '');
    text = contentFile(
      'glossary',
      {
        term: name || undefined,
        acronym: value('acronym') || undefined,
        related: related.length ? related : undefined,
        sources: url ? [{ title: sourceTitle, url }] : undefined,
      },
      value('definition'),
    );
  } else {
    name = value('title');
    path = `content/resources/${slugOf(name)}.md`;
    const topicLabel = value('topic');
    const topic = topicLabel ? topicOf(topicLabel) : undefined;
    if (topicLabel && !topic) problems.push({ field: label('topic'), message: `“${topicLabel}” is not one of the resource topics.` });
    const stakeholders: string[] = [];
    for (const choice of Array.isArray(form.values.stakeholders) ? form.values.stakeholders : []) {
      const entry = findByName(matcher, 'stakeholder', choice);
      if (entry) stakeholders.push(entry.slug);
      else problems.push({ field: label('stakeholders'), message: `“${choice}” is not a stakeholder on the map.` });
    }
    const yearText = value('year');
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
    if (yearText && year === undefined) problems.push({ field: label('year'), message: `“${yearText}” is not a year like 2024.` });
    if (name && index.entries.has(path)) problems.push({ field: label('title'), message: `a resource file ${path} already exists; change the title or update that file.` });
    text = contentFile(
      'resource',
      {
        title: name || undefined,
        publisher: value('publisher') || undefined,
        url: value('url') || undefined,
        topic,
        stakeholders: stakeholders.length ? stakeholders : undefined,
        year,
      },
      value('why'),
    );
  }
  if (problems.length > 0) return { ok: false, kind, problems };

  const file = { path, content: text };
  const messages = checkFiles([file], updateIndex(index, [file]), {}).filter((m) => m.severity === 'error');
  if (messages.length > 0) return { ok: false, kind, problems: messages.map((m) => describe(m, text, kind, label)) };
  return { ok: true, kind, path, text, name: nameKey(name) ? name : path };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** A core message about the generated file, told in terms of the form field it came from. */
function describe(m: Message, text: string, kind: ProposalKind, label: (id: string) => string): ProposalProblem {
  const lines = text.split('\n');
  const close = lines.indexOf('---', 1);
  let key = 'body';
  if (m.line - 1 < close) {
    for (let i = m.line - 1; i >= 1; i--) {
      const k = /^([a-z_]+):/.exec(lines[i] ?? '');
      if (k) {
        key = k[1]!;
        break;
      }
    }
  }
  const field = fieldOfKey[kind][key];
  return { ...(field ? { field: label(field) } : {}), message: `${m.reason.replace(/\s+/g, ' ')} [${m.ruleId}]` };
}
