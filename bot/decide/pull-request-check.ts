// The content check of a pull request as a pure function: (snapshot, config, now) → planned
// actions. It uses core's rules exactly as `npm run check` does, on the base branch's index
// updated with the pull request's changes. No I/O, no clock: time comes in as `now`.
import { createHash } from 'node:crypto';
import {
  checkScope,
  checkSource,
  filesReferencingRemoved,
  LineIndex,
  rulesById,
  sortMessages,
  typeOfPath,
  updateIndex,
  decode,
  type CheckOptions,
  type ContentIndex,
  type Message,
  type SourceFile,
  type Speller,
} from '#core';
import type { CheckAnnotation, PlannedAction, ReviewLineComment } from '../act/actions.ts';
import { configPath, contentLabel, managedLabels, type BotConfig, type ConfigResult } from '../config.ts';
import {
  allFixedComment,
  annotationMessage,
  checkName,
  checkSummary,
  checkTitle,
  configProblemsCheck,
  headRepositoryGoneCheck,
  reviewBody,
  suggestionComment,
  summaryComment,
  tooManyFilesCheck,
  type ShownMessage,
} from '../messages/index.ts';
import { diffLines } from './diff-lines.ts';

/** A file of the pull request as GitHub lists it. */
export interface ChangedFile {
  path: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previousPath?: string;
  additions: number;
  deletions: number;
  /** The unified diff (absent for binary files and very large diffs). */
  patch?: string;
}

/** The base branch's content at one commit: every file under content/ and its index. */
export interface BaseContent {
  sha: string;
  files: ReadonlyMap<string, SourceFile>;
  index: ContentIndex;
}

/** Everything the decision needs, gathered fresh for every event (from GitHub or local git). */
export interface PullRequestSnapshot {
  number: number;
  state: 'open' | 'closed' | 'merged';
  draft: boolean;
  headSha: string;
  /** False when the head repository (a fork) was deleted and its files cannot be read. */
  headReadable: boolean;
  author: { login: string; firstTime: boolean };
  /** The files the pull request changes, as GitHub lists them (at most 3,000). */
  files: ChangedFile[];
  /** How many files GitHub says the pull request changes (more than `files.length` past 3,000). */
  changedFileCount: number;
  /** The head version of every changed file the check reads (see core's checkScope). */
  headFiles: SourceFile[];
  base: BaseContent;
  speller?: Speller;
  /** What the bot finds already in place (empty in a dry run). */
  existing: {
    /** Labels on the pull request now. */
    labels: string[];
    /** Labels (lowercase) whose latest "labeled" event was the bot's: only these may be removed. */
    addedByBot: ReadonlySet<string>;
    /** Labels (lowercase) a person removed after the bot added them: not added again. */
    removedByPeople: ReadonlySet<string>;
    /** Labels (lowercase) that exist in the repository; undefined when unknown (dry run). */
    repositoryLabels?: ReadonlySet<string>;
    /** The bot's summary comment, when it has one. */
    comment?: { id: number; body: string };
    /** Head commits the bot has already reviewed. */
    reviewedCommits: ReadonlySet<string>;
    /** External ids of the bot's check runs on the head commit. */
    checkRuns: ReadonlySet<string>;
  };
  /** True when someone asked to re-run the check: a new check run is created even if nothing changed. */
  rerun: boolean;
}

/** A one-click fix on lines of the diff. */
export interface Suggestion {
  path: string;
  /** Last line replaced (GitHub's `line`). */
  line: number;
  /** First line replaced, when more than one. */
  startLine?: number;
  replacement: string;
  messages: Message[];
}

/** What the bot concludes, for the dry run and for tests, next to the actions that carry it out. */
export interface PullRequestCheckOutcome {
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  summary: string;
  messages: Message[];
  annotations: CheckAnnotation[];
  /** The labels the bot wants on the pull request (among those it manages). */
  labels: string[];
  /** The summary comment's body, when the bot has one to show. */
  comment?: string;
  suggestions: Suggestion[];
}

export type PullRequestCheckDecision =
  | { skipped: string; actions: [] }
  | { skipped?: undefined; outcome: PullRequestCheckOutcome; actions: PlannedAction[] };

/** Files GitHub lists in a pull request at most. */
export const maxListedFiles = 3000;

/** Decides what the content check reports and what the bot does on the pull request. */
export function decidePullRequestCheck(snapshot: PullRequestSnapshot, configResult: ConfigResult, now: Date): PullRequestCheckDecision {
  if (snapshot.state !== 'open') return { skipped: `the pull request is ${snapshot.state}`, actions: [] };
  const at = now.toISOString();
  if (!configResult.ok) {
    const { title, summary } = configProblemsCheck(configPath, configResult.problems);
    const annotations: CheckAnnotation[] = configResult.problems.map((p) => ({
      path: configPath,
      start_line: p.line,
      end_line: p.line,
      annotation_level: 'failure',
      title: 'configuration',
      message: p.message,
    }));
    return onlyCheck(snapshot, 'failure', title, summary, annotations, at);
  }
  const config = configResult.config;
  if (snapshot.changedFileCount > snapshot.files.length && snapshot.files.length >= maxListedFiles) {
    const { title, summary } = tooManyFilesCheck(snapshot.changedFileCount, maxListedFiles);
    return onlyCheck(snapshot, 'neutral', title, summary, [], at);
  }
  if (!snapshot.headReadable) {
    const { title, summary } = headRepositoryGoneCheck();
    return onlyCheck(snapshot, 'neutral', title, summary, [], at);
  }

  const messages = contentMessages(snapshot, config);
  const suggestions = suggestionsOf(snapshot, messages);
  const suggested = new Set(suggestions.flatMap((s) => s.messages));
  const shown: ShownMessage[] = messages.map((m) => ({ message: m, help: rulesById.get(m.ruleId)?.help, suggested: suggested.has(m) }));
  const errors = messages.filter((m) => m.severity === 'error').length;
  const warnings = messages.length - errors;
  const touchesCode = snapshot.files.some((f) => !f.path.startsWith('content/') || (f.previousPath !== undefined && !f.previousPath.startsWith('content/')));
  const conclusion = errors ? 'failure' : 'success';
  const title = checkTitle(errors, warnings);
  const summary = checkSummary({ shown, filesChecked: snapshot.headFiles.length, draft: snapshot.draft, touchesCode });
  const annotations = messages.map(annotationOf);

  const actions: PlannedAction[] = [];
  const check = checkRunAction(snapshot, conclusion, title, summary, annotations, at);
  if (check) actions.push(check);

  const labels = wantedLabels(snapshot, config, errors > 0, touchesCode);
  actions.push(...labelActions(snapshot, config, labels));

  const firstTime = snapshot.author.firstTime;
  const welcome = firstTime && config.pull_requests.welcome.trim() ? config.pull_requests.welcome.trim() : undefined;
  let comment: string | undefined;
  if (messages.length) comment = summaryComment({ shown, welcome, suggestions: suggestions.length, draft: snapshot.draft });
  else if (snapshot.existing.comment) comment = allFixedComment();
  else if (welcome) comment = summaryComment({ shown, welcome, suggestions: 0, draft: snapshot.draft });
  if (comment !== undefined) {
    const current = snapshot.existing.comment;
    if (!current) actions.push({ type: 'create-comment', issue: snapshot.number, body: comment });
    else if (current.body !== comment) actions.push({ type: 'update-comment', commentId: current.id, body: comment });
  }

  if (suggestions.length && !snapshot.existing.reviewedCommits.has(snapshot.headSha)) {
    const comments: ReviewLineComment[] = suggestions.map((s) => ({
      path: s.path,
      line: s.line,
      ...(s.startLine !== undefined ? { startLine: s.startLine } : {}),
      body: suggestionComment(s.messages, s.replacement),
    }));
    actions.push({ type: 'create-review', pull: snapshot.number, commitId: snapshot.headSha, body: reviewBody(suggestions.length), comments });
  }

  return { outcome: { conclusion, title, summary, messages, annotations, labels, comment, suggestions }, actions };
}

/** A decision that reports only a check run (configuration problems, too many files …). */
function onlyCheck(
  snapshot: PullRequestSnapshot,
  conclusion: 'failure' | 'neutral',
  title: string,
  summary: string,
  annotations: CheckAnnotation[],
  at: string,
): PullRequestCheckDecision {
  const check = checkRunAction(snapshot, conclusion, title, summary, annotations, at);
  return {
    outcome: { conclusion, title, summary, messages: [], annotations, labels: [], suggestions: [] },
    actions: check ? [check] : [],
  };
}

function checkRunAction(
  snapshot: PullRequestSnapshot,
  conclusion: 'success' | 'failure' | 'neutral',
  title: string,
  summary: string,
  annotations: CheckAnnotation[],
  completedAt: string,
): PlannedAction | undefined {
  const externalId = `ler-map:${createHash('sha256').update(JSON.stringify([conclusion, title, summary, annotations])).digest('hex').slice(0, 32)}`;
  // A repeated delivery finds the same outcome already reported on this commit.
  if (!snapshot.rerun && snapshot.existing.checkRuns.has(externalId)) return undefined;
  return { type: 'create-check-run', name: checkName, headSha: snapshot.headSha, conclusion, title, summary, annotations, externalId, completedAt };
}

/** Check options as configured (severity overrides) with the speller, as `npm run check` uses them. */
function checkOptions(snapshot: PullRequestSnapshot, config: BotConfig): CheckOptions {
  return { speller: snapshot.speller, severity: config.checks.severity };
}

/**
 * The messages of the pull request: every changed content file checked against the base index
 * updated with the changes, plus new problems in unchanged files that referred to something the
 * pull request removes (a deleted or renamed record, an icon, a heading).
 */
function contentMessages(snapshot: PullRequestSnapshot, config: BotConfig): Message[] {
  const removed: string[] = [];
  for (const f of snapshot.files) {
    if (f.status === 'removed') removed.push(f.path);
    if (f.status === 'renamed' && f.previousPath) removed.push(f.previousPath);
  }
  const index = updateIndex(snapshot.base.index, snapshot.headFiles, removed);
  const options = checkOptions(snapshot, config);
  const messages: Message[] = [];
  for (const file of snapshot.headFiles) messages.push(...checkSource(file, index, options));
  const changed = new Set([...snapshot.files.map((f) => f.path), ...removed]);
  const textOf = (path: string): string | undefined => {
    const source = snapshot.base.files.get(path);
    if (!source) return undefined;
    const decoded = decode(source.content);
    return 'text' in decoded ? decoded.text : undefined;
  };
  for (const path of filesReferencingRemoved(snapshot.base.index, index, textOf)) {
    const source = snapshot.base.files.get(path);
    if (!source || changed.has(path) || !checkScope(path)) continue;
    const key = (m: Message) => `${m.ruleId}\0${m.line}\0${m.column}\0${m.reason}`;
    const before = new Set(checkSource(source, snapshot.base.index, options).map(key));
    messages.push(...checkSource(source, index, options).filter((m) => !before.has(key(m))));
  }
  return sortMessages(messages);
}

function annotationOf(m: Message): CheckAnnotation {
  const sameLine = m.endLine === m.line;
  return {
    path: m.file,
    start_line: m.line,
    end_line: Math.max(m.line, m.endLine),
    // GitHub accepts columns only when an annotation starts and ends on one line.
    ...(sameLine ? { start_column: m.column, end_column: Math.max(m.column, m.endColumn) } : {}),
    annotation_level: m.severity === 'error' ? 'failure' : 'warning',
    title: m.ruleId,
    message: annotationMessage(m, rulesById.get(m.ruleId)?.help),
  };
}

/**
 * Safe fixes turned into GitHub suggestions: the lines a fix touches, rewritten. Only fixes
 * whose lines all lie in one hunk of the diff are suggested (GitHub rejects the whole review
 * otherwise); fixes that touch the same lines are merged into one suggestion.
 */
function suggestionsOf(snapshot: PullRequestSnapshot, messages: Message[]): Suggestion[] {
  const out: Suggestion[] = [];
  const byFile = new Map<string, Message[]>();
  for (const m of messages) if (m.fix?.length) byFile.set(m.file, [...(byFile.get(m.file) ?? []), m]);
  for (const [path, fixable] of byFile) {
    const changed = snapshot.files.find((f) => f.path === path);
    const head = snapshot.headFiles.find((f) => f.path === path);
    if (!changed || !head) continue;
    const decoded = decode(head.content);
    if (!('text' in decoded)) continue;
    // Fix offsets are into the parsed text, which never includes a byte-order mark.
    const text = decoded.text.replace(/^\uFEFF/, '');
    const lines = new LineIndex(text);
    const inDiff = diffLines(changed.patch);
    // Line range of each fix; the range ends on the line of the last edited character.
    const ranges = fixable.map((m) => {
      const starts = m.fix!.map((e) => e.start);
      const ends = m.fix!.map((e) => Math.max(e.start, e.end - 1));
      return { message: m, first: lines.place(Math.min(...starts)).line, last: lines.place(Math.max(...ends)).line };
    });
    ranges.sort((a, b) => a.first - b.first || a.last - b.last);
    const groups: { first: number; last: number; messages: Message[] }[] = [];
    for (const r of ranges) {
      const g = groups.at(-1);
      if (g && r.first <= g.last) {
        g.last = Math.max(g.last, r.last);
        g.messages.push(r.message);
      } else groups.push({ first: r.first, last: r.last, messages: [r.message] });
    }
    for (const g of groups) {
      const hunk = inDiff.get(g.first);
      let inOneHunk = hunk !== undefined;
      for (let line = g.first; inOneHunk && line <= g.last; line++) inOneHunk = inDiff.get(line) === hunk;
      if (!inOneHunk || g.last > lines.lineCount) continue;
      const start = lines.offset(g.first, 1);
      const end = g.last < lines.lineCount ? lines.offset(g.last + 1, 1) - 1 : text.length;
      const replacement = applyEdits(text, start, end, g.messages);
      if (replacement === undefined || replacement === text.slice(start, end)) continue;
      out.push({ path, line: g.last, ...(g.last > g.first ? { startLine: g.first } : {}), replacement: replacement.replace(/\r$/, ''), messages: g.messages });
    }
  }
  return out;
}

/** The text between two offsets with the messages' fixes applied; undefined when an edit reaches outside. */
function applyEdits(text: string, start: number, end: number, messages: Message[]): string | undefined {
  const edits = messages.flatMap((m) => m.fix!).sort((a, b) => a.start - b.start || a.end - b.end);
  if (edits.some((e) => e.start < start || e.end > end)) return undefined;
  let out = '';
  let at = start;
  for (const e of edits) {
    if (e.start < at) continue; // overlapping edits after the first are left for a later round, as --fix does
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at, end);
}

/** The labels the bot wants on the pull request, among those it manages. */
function wantedLabels(snapshot: PullRequestSnapshot, config: BotConfig, hasErrors: boolean, touchesCode: boolean): string[] {
  const l = config.labels;
  const wanted = new Set<string>();
  for (const f of snapshot.files) {
    for (const path of [f.path, f.previousPath]) {
      const type = path ? typeOfPath(path) : undefined;
      if (type) wanted.add(contentLabel(config, type));
    }
  }
  if (!hasErrors) wanted.add(l.passing.name);
  else if (!snapshot.draft || config.pull_requests.label_drafts_needing_changes) wanted.add(l.needs_changes.name);
  if (touchesCode) wanted.add(l.touches_code.name);
  if (snapshot.author.firstTime) wanted.add(l.first_time_contributor.name);
  const lines = snapshot.files.reduce((n, f) => n + f.additions + f.deletions, 0);
  const size = l.size.find((s) => s.below !== undefined && lines < s.below) ?? l.size.at(-1)!;
  wanted.add(size.name);
  return [...wanted];
}

/** Label changes: add what is missing (creating labels first), remove only the bot's own labels it no longer wants. */
function labelActions(snapshot: PullRequestSnapshot, config: BotConfig, wanted: string[]): PlannedAction[] {
  const { existing } = snapshot;
  const lower = (s: string) => s.toLowerCase();
  const current = new Set(existing.labels.map(lower));
  const wantedSet = new Set(wanted.map(lower));
  const managed = managedLabels(config);
  const checkLabels = new Set([config.labels.passing.name, config.labels.needs_changes.name].map(lower));
  // A person's decision to take a label off stands (the check result labels always follow the check).
  const add = wanted.filter((name) => !current.has(lower(name)) && (checkLabels.has(lower(name)) || !existing.removedByPeople.has(lower(name))));
  const actions: PlannedAction[] = [];
  if (existing.repositoryLabels) {
    for (const name of add) {
      if (existing.repositoryLabels.has(lower(name))) continue;
      const spec = managed.find((m) => lower(m.name) === lower(name))!;
      actions.push({ type: 'create-label', name: spec.name, color: spec.color.toLowerCase(), description: spec.description });
    }
  }
  if (add.length) actions.push({ type: 'add-labels', issue: snapshot.number, labels: add });
  const managedSet = new Set(managed.map((m) => lower(m.name)));
  for (const label of existing.labels) {
    const key = lower(label);
    if (managedSet.has(key) && !wantedSet.has(key) && existing.addedByBot.has(key)) actions.push({ type: 'remove-label', issue: snapshot.number, label });
  }
  return actions;
}
