// What the bot understands of an issue: which form, which pages, what is missing, whether it
// looks like spam. Pure: the same answer for the same issue, index and forms.
import { resourceTopics, type IndexEntry } from '#core';
import type { FormKind, FormTemplate } from '../issue-forms/form-template.ts';
import { isEmpty, readIssueForm, textOf, type FieldValue, type IssueForm } from '../issue-forms/read-issue-form.ts';
import type { ContentMatcher, PageTarget } from './content-matcher.ts';
import { issueText } from './issue-text.ts';
import { spamSignals, type SpamSignal } from './spam-signals.ts';

/** Something the author still needs to give, with the form field it belongs to. */
export interface MissingInfo {
  /** Form field id ("details"), or "page" for a free-form issue. */
  field: string;
  /** The field's label as the author sees it in the form. */
  label: string;
  /** Why it is needed, as a message id understood by messages/issues.ts. */
  reason: 'empty' | 'unknown-page' | 'not-https' | 'unknown-stakeholder' | 'quote-needs-source';
}

export interface Understanding {
  /** The form the issue came from, or undefined for a free-form issue. */
  form?: IssueForm;
  /** The kind of issue: the form's kind, or for free-form issues a reading of the text. */
  kind?: FormKind;
  pages: PageTarget[];
  missing: MissingInfo[];
  spam: SpamSignal[];
  /** Title and body without boilerplate, for duplicate ranking. */
  text: string;
}

export interface IssueInput {
  title: string;
  body: string;
  /** Template file name, when known (the dry run's "template"). */
  template?: string;
}

/** Two or more of these in a free-form issue make it a problem with the website, not its content. */
const siteProblemCues: RegExp[] = [
  /\bdark mode\b/i,
  /\b(?:mobile|phone|iphone|android|tablet|ipad)\b/i,
  /\b(?:browser|chrome|firefox|safari|edge|opera)\b/i,
  /\bscreen ?reader|nvda|jaws|voiceover\b/i,
  /\bkeyboard\b/i,
  /\bcontrast\b/i,
  /\b(?:zoom|layout|overlap\w*|unreadable|scroll\w*)\b/i,
  /\b(?:does not|doesn't|won't|will not|fails? to) (?:load|open|work)\b/i,
  /\bpage not found\b|\b404\b/i,
  /\bjavascript|css\b/i,
];

const urlPattern = /\bhttps?:\/\/[^\s<>()"'`\]]+/gi;

/** Reads an issue against the forms and the content index. */
export function understandIssue(issue: IssueInput, templates: readonly FormTemplate[], matcher: ContentMatcher): Understanding {
  const body = issue.body ?? '';
  const form = readIssueForm(body, templates, issue.template);
  const text = issueText(issue.title, body, templates);
  const located = matcher.locate(`${issue.title}\n${body}`);
  const links = [...`${issue.title}\n${body}`.matchAll(urlPattern)].map((m) => m[0]);
  const externalLinks = links.filter((l) => !matcher.resolveUrl(l) && !isOwnLink(l, matcher.siteUrl)).length;
  const emptyForm = form !== undefined && form.template.fields.every((f) => isEmpty(form.values[f.id]));
  const spam = spamSignals({ text, externalLinks, knownTargets: located.length, emptyForm });

  if (!form) {
    const pages = matcher.find(`${issue.title}\n${body}`);
    const siteCues = siteProblemCues.filter((p) => p.test(text)).length;
    const kind: FormKind | undefined = siteCues >= 2 ? 'site' : pages.length > 0 ? 'feedback' : undefined;
    return { kind, pages, missing: [], spam, text };
  }
  const { pages, missing } = readForm(form, issue.title, matcher);
  return { form, kind: form.template.kind, pages, missing, spam, text };
}

function isOwnLink(url: string, siteUrl: string): boolean {
  return url.toLowerCase().startsWith(siteUrl.toLowerCase().replace(/\/$/, ''));
}

function field(form: IssueForm, id: string): { value: FieldValue; label: string; required: boolean } {
  const f = form.template.fields.find((x) => x.id === id);
  return { value: form.values[id], label: f?.label ?? id, required: f?.required ?? false };
}

/** The pages and the missing information of an issue written with a form. */
function readForm(form: IssueForm, title: string, matcher: ContentMatcher): { pages: PageTarget[]; missing: MissingInfo[] } {
  const missing: MissingInfo[] = [];
  for (const f of form.template.fields) {
    if (f.required && isEmpty(form.values[f.id])) missing.push({ field: f.id, label: f.label, reason: 'empty' });
  }
  const needHttps = (id: string) => {
    const { value, label } = field(form, id);
    if (!isEmpty(value) && !/^https:\/\/[^\s/]+\.[^\s]+$/i.test(textOf(value))) missing.push({ field: id, label, reason: 'not-https' });
  };
  const section = (page: string) => matcher.resolveSitePath(page === 'home' ? '/' : `/${page}/`);
  let pages: PageTarget[] = [];
  switch (form.template.kind) {
    case 'feedback': {
      const page = field(form, 'page');
      pages = isEmpty(page.value) ? [] : matcher.find(textOf(page.value), { pageContext: true });
      // A page field that names no page: the title and details may still say which page.
      if (pages.length === 0) pages = matcher.find(`${title}\n${textOf(form.values.details)}`);
      if (pages.length === 0 && !isEmpty(page.value)) missing.push({ field: 'page', label: page.label, reason: 'unknown-page' });
      break;
    }
    case 'site': {
      const page = field(form, 'page_url');
      pages = isEmpty(page.value) ? [] : matcher.locate(textOf(page.value));
      if (pages.length === 0 && !isEmpty(page.value) && !/^\s*https?:\/\//i.test(textOf(page.value))) {
        pages = matcher.find(textOf(page.value), { pageContext: true });
      }
      break;
    }
    case 'term': {
      const glossary = section('glossary');
      const term = textOf(form.values.term);
      const existing = term ? findByName(matcher, 'glossary', term) : undefined;
      pages = existing ? [existingTarget(matcher, existing)] : glossary ? [glossary] : [];
      needHttps('source_url');
      break;
    }
    case 'resource': {
      const resources = section('resources');
      pages = resources ? [resources] : [];
      needHttps('url');
      break;
    }
    case 'stakeholder': {
      const choice = field(form, 'stakeholder');
      const entry = isEmpty(choice.value) ? undefined : findByName(matcher, 'stakeholder', textOf(choice.value));
      if (entry) pages = [existingTarget(matcher, entry)];
      else if (!isEmpty(choice.value)) missing.push({ field: 'stakeholder', label: choice.label, reason: 'unknown-stakeholder' });
      const sectionChoice = textOf(form.values.section).toLowerCase();
      const source = field(form, 'source');
      if (sectionChoice === 'quote' && isEmpty(source.value)) missing.push({ field: 'source', label: source.label, reason: 'quote-needs-source' });
      break;
    }
  }
  return { pages, missing };
}

function existingTarget(matcher: ContentMatcher, entry: IndexEntry): PageTarget {
  return matcher.locate(entry.path)[0]!;
}

/** A record of a type whose name (title, alias, acronym or slug) is this text, ignoring case and punctuation. */
export function findByName(matcher: ContentMatcher, type: 'glossary' | 'stakeholder', name: string): IndexEntry | undefined {
  const key = nameKey(name);
  if (!key) return undefined;
  for (const entry of matcher.index.byType.get(type)!.values()) {
    const names = [entry.title, entry.slug, entry.data.acronym, ...(Array.isArray(entry.data.aliases) ? entry.data.aliases : [])];
    if (names.some((n) => typeof n === 'string' && nameKey(n) === key)) return entry;
  }
  return undefined;
}

/** A name folded for comparison: lowercase letters and digits, "&" read as "and". */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The topic key of a topic label chosen in the form ("Policy and governance" → "policy-and-governance"). */
export function topicOf(label: string): string | undefined {
  const key = nameKey(label);
  return Object.entries(resourceTopics).find(([slug, title]) => nameKey(title) === key || nameKey(slug) === key)?.[0];
}
