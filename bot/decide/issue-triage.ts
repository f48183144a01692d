// Decides how an issue should look after triage: its labels, the acknowledgement comment,
// possible duplicates, reopening. Pure: (snapshot, matcher, config, now) → plan.
import { contentTypes, type IndexEntry } from '#core';
import type { IssuesConfig } from '../config-issues.ts';
import type { FormTemplate } from '../issue-forms/form-template.ts';
import { textOf } from '../issue-forms/read-issue-form.ts';
import {
  acknowledgement,
  readTriageState,
  summaryLine,
  type PageLink,
  type TriageState,
} from '../messages/issues.ts';
import { rankBm25 } from '../triage/bm25.ts';
import type { ContentMatcher, PageTarget } from '../triage/content-matcher.ts';
import { issueText } from '../triage/issue-text.ts';
import { pageLabel } from '../triage/page-label.ts';
import { understandIssue, type Understanding } from '../triage/understand-issue.ts';

export interface RepoRef {
  owner: string;
  name: string;
  defaultBranch: string;
}

export interface IssueFacts {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  author: { login: string; id: number };
  authorAssociation: string;
  labels: string[];
}

export interface OtherIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
}

/** Everything triage looks at, gathered fresh for each event. */
export interface TriageSnapshot {
  repo: RepoRef;
  issue: IssueFacts;
  /** Template file name when known (the dry run's "template"). */
  template?: string;
  /** The bot's acknowledgement comment, when it has posted one. */
  acknowledgement?: { id: number; body: string };
  /** Times (ISO) of the author's own comments on the issue. */
  authorCommentTimes: string[];
  /** When the bot closed the issue for lack of information (time of its closing note), if it did. */
  closedForInfoAt?: string;
  /** This event is the author editing the issue. */
  editedByAuthor: boolean;
  /** A maintainer ran /needs-info at this time (ISO): ask the author, whatever the form says. */
  maintainerAskedForInfoAt?: string;
  templates: FormTemplate[];
  /** Open issues of the repository (pull requests left out), for possible duplicates. */
  openIssues: OtherIssue[];
}

export interface TriagePlan {
  understanding: Understanding;
  /** The labels triage wants on the issue (what the dry run prints). */
  labels: string[];
  add: string[];
  remove: string[];
  /** The acknowledgement as it should read. */
  comment: string;
  /** Whether the comment must be created or edited (false when it already reads so). */
  commentChanged: boolean;
  duplicates: Array<{ number: number; title: string; score: number }>;
  /** Reopen an issue closed for lack of information, now that its author replied. */
  reopen: boolean;
  /** Start the proposal pull request (auto-accept is configured and the proposal is complete). */
  autoAccept: boolean;
  state: TriageState;
}

const firstTimeAssociations = new Set(['FIRST_TIMER', 'FIRST_TIME_CONTRIBUTOR', 'NONE']);

/** Decides the triage of one issue. */
export function decideIssueTriage(snapshot: TriageSnapshot, matcher: ContentMatcher, config: IssuesConfig, now: Date): TriagePlan {
  const { issue } = snapshot;
  const labels = config.labels;
  const u = understandIssue({ title: issue.title, body: issue.body, template: snapshot.template }, snapshot.templates, matcher);
  const stored = readTriageState(snapshot.acknowledgement?.body);
  const asked = snapshot.maintainerAskedForInfoAt;
  // A maintainer's /needs-info starts a new request, even if someone removed the label before.
  const previous = asked
    ? { ...stored, suppressed: stored.suppressed.filter((l) => l !== labels.needs_info), needsInfo: { reason: 'maintainer' as const, since: asked } }
    : stored;
  const lower = (s: string) => s.toLowerCase();
  const has = (name: string) => issue.labels.some((l) => lower(l) === lower(name));

  // Labels the bot added that are gone were removed by a person: they stay removed.
  const suppressed = new Set([...previous.suppressed, ...previous.labels.filter((l) => !has(l) && !(asked && l === labels.needs_info))]);
  const botLabels = previous.labels.filter((l) => has(l));
  const spam = u.spam.length > 0;

  const reopen = issue.state === 'closed' && snapshot.closedForInfoAt !== undefined && snapshot.authorCommentTimes.some((t) => t > snapshot.closedForInfoAt!);
  const needsInfoSince = previous.needsInfo?.since;
  const answered =
    reopen ||
    (needsInfoSince !== undefined && snapshot.authorCommentTimes.some((t) => t > needsInfoSince)) ||
    (previous.needsInfo?.reason === 'maintainer' && snapshot.editedByAuthor);
  const wantsInfo = !spam && (u.missing.length > 0 || previous.needsInfo?.reason === 'maintainer') && !answered;

  const wanted: string[] = [];
  const typeLabels = [labels.feedback, labels.term, labels.resource, labels.stakeholder, labels.site];
  // Likely spam keeps only a form's own type: a reading of its text is not worth a label.
  if (u.kind && !(spam && !u.form)) {
    // A type label already there (set by the form or a maintainer) is not second-guessed.
    const existingType = typeLabels.find((t) => has(t));
    wanted.push(existingType ?? labels[u.kind]);
  }
  if (!spam) {
    const pageLabels = unique(u.pages.map((p) => pageLabel(p.page, labels.page_prefix)));
    // Page labels a person set mean the pages were decided by a human: the bot adds none of its own.
    const humanPages = issue.labels.filter((l) => l.startsWith(labels.page_prefix) && !botLabels.includes(l));
    wanted.push(...(humanPages.length > 0 ? botLabels.filter((l) => l.startsWith(labels.page_prefix)) : pageLabels));
  }
  if (wantsInfo) wanted.push(labels.needs_info);
  if (spam) wanted.push(labels.needs_triage);

  const allowed = wanted.filter((l) => !suppressed.has(l));
  const add = allowed.filter((l) => !has(l));
  const remove = botLabels.filter((l) => !allowed.includes(l));
  const finalBotLabels = unique([...botLabels.filter((l) => !remove.includes(l)), ...add]);

  // A standing request keeps its start time (the sweep counts from it); a new one starts now.
  const asking = wantsInfo && !suppressed.has(labels.needs_info);
  const needsInfo: TriageState['needsInfo'] = asking
    ? (previous.needsInfo ?? { reason: 'missing', since: now.toISOString() })
    : answered
      ? previous.needsInfo
      : undefined;
  const state: TriageState = {
    labels: finalBotLabels,
    suppressed: [...suppressed].sort(),
    ...(needsInfo ? { needsInfo } : {}),
  };

  const duplicates = spam ? [] : possibleDuplicates(snapshot, u, config);
  const answers: Record<string, string> = {};
  if (u.form) for (const [id, value] of Object.entries(u.form.values)) answers[id] = textOf(value);
  const comment = acknowledgement({
    state,
    author: issue.author.login,
    firstTime: firstTimeAssociations.has(issue.authorAssociation),
    quiet: spam,
    summary: summaryLine(u.kind, answers),
    pages: u.pages.map((p) => pageLink(p, snapshot.repo, config.site_url)),
    noPage: !u.form && u.kind !== 'site' && u.pages.length === 0,
    missing: u.missing,
    needsInfo: needsInfo?.reason,
    answered: answered && needsInfo !== undefined,
    duplicates,
    needsInfoLabel: labels.needs_info,
    proposal: u.kind === 'term' || u.kind === 'resource',
  });

  return {
    understanding: u,
    labels: allowed,
    add,
    remove,
    comment,
    commentChanged: snapshot.acknowledgement?.body !== comment,
    duplicates,
    reopen,
    autoAccept: config.proposals.auto_accept && (u.kind === 'term' || u.kind === 'resource') && u.missing.length === 0 && !spam && issue.state === 'open',
    state,
  };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** How a record is called in the acknowledgement ("glossary term"), or "page" for a page of its own. */
function whatOf(entry: IndexEntry | undefined, target: PageTarget): string {
  if (!entry || target.sitePath.split('#')[0] === target.sitePath || entry.type === 'page' || entry.type === 'stakeholder') return 'page';
  return contentTypes[entry.type].label;
}

/** Links to the live page and to its source file (or folder) in the repository. */
export function pageLink(target: PageTarget, repo: RepoRef, siteUrl: string): PageLink {
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  const liveUrl = `${base}${target.sitePath.replace(/^\//, '')}`;
  const blob = `https://github.com/${repo.owner}/${repo.name}`;
  const entry = target.entry;
  let sourceUrl: string | undefined;
  if (entry) sourceUrl = `${blob}/blob/${encodeURIComponent(repo.defaultBranch)}/${entry.path}`;
  else {
    const folder = Object.values(contentTypes).find((t) => t.folder === target.page)?.folder;
    if (folder) sourceUrl = `${blob}/tree/${encodeURIComponent(repo.defaultBranch)}/content/${folder}`;
  }
  const title = entry && whatOf(entry, target) !== 'page' ? entry.title : target.title;
  return { title, liveUrl, ...(sourceUrl ? { sourceUrl } : {}), what: whatOf(entry, target) };
}

/** Open issues that look like the same report: similar words (BM25), helped by a shared page. */
export function possibleDuplicates(snapshot: TriageSnapshot, u: Understanding, config: IssuesConfig): Array<{ number: number; title: string; score: number }> {
  if (config.duplicates.max === 0) return [];
  const pageLabels = new Set(u.pages.map((p) => pageLabel(p.page, config.labels.page_prefix)));
  // Only earlier issues: the older report is the one to keep.
  const candidates = snapshot.openIssues.filter((o) => o.number < snapshot.issue.number);
  const ranked = rankBm25(
    u.text,
    candidates.map((o) => ({ item: o, text: issueText(o.title, o.body, snapshot.templates) })),
  );
  return ranked
    .map((r) => {
      const samePage = r.item.labels.some((l) => pageLabels.has(l));
      return { number: r.item.number, title: r.item.title, score: r.score + (samePage ? 0.15 : 0), samePage, text: r.score };
    })
    .filter((r) => r.text >= 0.3 || (r.samePage && r.text >= 0.12))
    .sort((a, b) => b.score - a.score || a.number - b.number)
    .slice(0, config.duplicates.max)
    .map(({ number, title, score }) => ({ number, title, score: Math.round(score * 100) / 100 }));
}
