// Gathers a pull request's full snapshot from GitHub in as few calls as possible: the files
// (REST, 100 per page), then one GraphQL query for the pull request's state, the configuration
// on the default branch, the bot's comment, reviews, labels and check runs, and the changed
// files' text read from the head repository as data (100 blobs per query), then the base
// branch's content from a tarball cached per commit.
import { checkScope, decode, parseWordList, projectWordsFile, type SourceFile } from '#core';
import { configPath, managedLabels, readConfig, type ConfigResult } from '../config.ts';
import type { ChangedFile, PullRequestSnapshot } from '../decide/pull-request-check.ts';
import type { BotEnv } from '../feature.ts';
import { checkName, isSummaryComment } from '../messages/index.ts';
import { loadBaseContent } from './base-content.ts';
import { cachedSpeller } from './cached-speller.ts';
import type { Octokit, RepoRef } from './octokit.ts';
import { sameAccount } from './same-account.ts';

/** Which pull request to check, as the event names it. */
export interface PullRequestTarget extends RepoRef {
  number: number;
  /** The head commit the event is about; a newer head means a newer event will follow. */
  headSha: string;
  /** Where the changes live (a fork, or the repository itself); null when the fork was deleted. */
  headRepo: RepoRef | null;
  /** True for a re-run someone asked for. */
  rerun: boolean;
}

export type Gathered =
  | { kind: 'stale'; headSha: string }
  | { kind: 'ok'; snapshot: PullRequestSnapshot; config: ConfigResult; botLogin: string };

/** Blobs read per GraphQL query. */
export const blobsPerQuery = 100;

interface BlobNode {
  text: string | null;
  isBinary: boolean | null;
  byteSize: number;
  isTruncated: boolean;
}

interface MetaResult {
  viewer: { login: string };
  repository: {
    defaultBranchRef: { target: { file: { object: { text: string | null; isTruncated: boolean } | null } | null } | null } | null;
    labels: { nodes: { name: string }[]; pageInfo: { hasNextPage: boolean } };
    pullRequest: {
      state: 'OPEN' | 'CLOSED' | 'MERGED';
      isDraft: boolean;
      headRefOid: string;
      baseRefOid: string;
      changedFiles: number;
      authorAssociation: string;
      author: { login: string } | null;
      labels: { nodes: { name: string }[] };
      timelineItems: { nodes: ({ __typename: string; actor: { login: string } | null; label: { name: string } } | null)[] };
      comments: { nodes: CommentNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      reviews: { nodes: { viewerDidAuthor: boolean; commit: { oid: string } | null }[] };
    };
    headCommit: { checkSuites?: { nodes: { app: { slug: string } | null; checkRuns: { nodes: { externalId: string | null }[] } | null }[] } } | null;
  };
  headRepository?: HeadRepositoryResult | null;
}

/** The head repository's answer: blobs `b<i>`, and `modes` with each file's git mode `m<i>`. */
type HeadRepositoryResult = Record<string, BlobNode | null> & { modes?: Record<string, { mode: number } | null> | null };

/** Git's mode of a symbolic link (GitHub gives modes in decimal). */
const symlinkMode = 0o120000;

interface CommentNode {
  databaseId: number;
  body: string;
  viewerDidAuthor: boolean;
}

const blobFields = 'fragment BlobText on Blob { text isBinary byteSize isTruncated }';

function blobAliases(oids: readonly string[]): string {
  // Oids come from GitHub's file list and are checked to be 40 hex digits before they get here.
  const blobs = oids.map((oid, i) => `b${i}: object(oid: "${oid}") { ...BlobText }`).join(' ');
  // Each file's mode at the head commit, to tell symbolic links (whose blob is the target path)
  // from files. Paths go in as variables ($p0 …), never into the query text.
  const modes = oids.map((_, i) => `m${i}: file(path: $p${i}) { mode }`).join(' ');
  return `${blobs} modes: object(oid: $head) { ... on Commit { ${modes} } }`;
}

/** Declarations of the path variables of blobAliases. */
function pathVariables(count: number): string {
  return Array.from({ length: count }, (_, i) => `, $p${i}: String!`).join('');
}

function pathValues(paths: readonly string[]): Record<string, string> {
  return Object.fromEntries(paths.map((p, i) => [`p${i}`, p]));
}

const metaQuery = (oids: readonly string[]) => `
query PullRequestCheck($owner: String!, $name: String!, $number: Int!, $head: GitObjectID!, $configPath: String!, $checkName: String!${oids.length ? `, $headOwner: String!, $headName: String!${pathVariables(oids.length)}` : ''}) {
  viewer { login }
  repository(owner: $owner, name: $name) {
    defaultBranchRef { target { ... on Commit { file(path: $configPath) { object { ... on Blob { text isTruncated } } } } } }
    labels(first: 100) { nodes { name } pageInfo { hasNextPage } }
    pullRequest(number: $number) {
      state isDraft headRefOid baseRefOid changedFiles authorAssociation
      author { login }
      labels(first: 100) { nodes { name } }
      timelineItems(last: 100, itemTypes: [LABELED_EVENT, UNLABELED_EVENT]) {
        nodes { __typename ... on LabeledEvent { actor { login } label { name } } ... on UnlabeledEvent { actor { login } label { name } } }
      }
      comments(first: 100) { nodes { databaseId body viewerDidAuthor } pageInfo { hasNextPage endCursor } }
      reviews(last: 100) { nodes { viewerDidAuthor commit { oid } } }
    }
    headCommit: object(oid: $head) {
      ... on Commit { checkSuites(first: 20) { nodes { app { slug } checkRuns(first: 20, filterBy: { checkName: $checkName }) { nodes { externalId } } } } }
    }
  }
  ${oids.length ? `headRepository: repository(owner: $headOwner, name: $headName) { ${blobAliases(oids)} }` : ''}
}
${oids.length ? blobFields : ''}`;

const blobsQuery = (oids: readonly string[]) => `
query PullRequestBlobs($headOwner: String!, $headName: String!, $head: GitObjectID!${pathVariables(oids.length)}) {
  headRepository: repository(owner: $headOwner, name: $headName) { ${blobAliases(oids)} }
}
${blobFields}`;

const moreCommentsQuery = `
query PullRequestComments($owner: String!, $name: String!, $number: Int!, $after: String!) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) { comments(first: 100, after: $after) { nodes { databaseId body viewerDidAuthor } pageInfo { hasNextPage endCursor } } }
  }
}`;

/**
 * Runs a GraphQL query; when the only errors are that the head repository is gone, returns the
 * data with `headRepository` null instead of failing.
 */
async function graphqlTolerantOfMissingHead<T extends { headRepository?: unknown }>(octokit: Octokit, query: string, variables: Record<string, unknown>): Promise<T> {
  try {
    return await octokit.graphql<T>(query, variables);
  } catch (error) {
    // Octokit's GraphqlResponseError carries the partial data and GitHub's typed errors.
    const response = error as { name?: string; data?: T; errors?: { type?: string; path?: (string | number)[] }[] };
    if (response.name === 'GraphqlResponseError' && response.data && response.errors?.every((e) => e.type === 'NOT_FOUND' && e.path?.[0] === 'headRepository')) {
      return { ...response.data, headRepository: null };
    }
    throw error;
  }
}

function sourceOfBlob(path: string, blob: BlobNode | null | undefined, mode?: number): SourceFile {
  if (!blob) return { path, content: '', unreadable: 'Unexpected missing file: it could not be read from the pull request' };
  // The same words as a link in a checkout (core/files.ts) or in the base tarball.
  if (mode === symlinkMode) return { path, content: '', unreadable: 'Unexpected symbolic link, expected a regular file (links are never followed)' };
  if (blob.isBinary || blob.text === null) return { path, content: '', unreadable: 'Unexpected binary file, expected UTF-8 text' };
  if (blob.isTruncated) return { path, content: '', unreadable: `Unexpected file of ${blob.byteSize} bytes, too large to read; content records are a few kilobytes` };
  // GitHub's API shows bytes that are not UTF-8 as U+FFFD. Put an invalid byte back in their
  // place, so core reports "not valid UTF-8" at that line and column, as `npm run check` does.
  if (blob.text.includes('\uFFFD')) return { path, content: Buffer.concat(blob.text.split('\uFFFD').flatMap((part, i) => [...(i ? [Buffer.from([0xff])] : []), Buffer.from(part)])) };
  return { path, content: blob.text };
}

/** Gathers everything the content check decides on, fresh from GitHub. */
export async function gatherPullRequest(octokit: Octokit, target: PullRequestTarget, env: BotEnv): Promise<Gathered> {
  const { owner, repo, number } = target;
  const listed = await octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { owner, repo, pull_number: number, per_page: 100 });
  const files: ChangedFile[] = listed.map((f) => ({
    path: f.filename,
    status: f.status,
    ...(f.previous_filename ? { previousPath: f.previous_filename } : {}),
    additions: f.additions,
    deletions: f.deletions,
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
  }));
  // The head text of what the check reads: content files, and the project word list.
  // Only real blob ids go into a query (a submodule entry has none; it is reported as unreadable).
  const toRead = listed.filter((f) => f.status !== 'removed' && (checkScope(f.filename) || f.filename === projectWordsFile) && /^[0-9a-f]{40}$/.test(f.sha ?? ''));
  const unreadable = listed.filter((f) => f.status !== 'removed' && checkScope(f.filename) && !/^[0-9a-f]{40}$/.test(f.sha ?? ''));
  const oids = toRead.map((f) => f.sha!);
  const head = target.headRepo;
  const first = head ? oids.slice(0, blobsPerQuery) : [];
  const meta = await graphqlTolerantOfMissingHead<MetaResult>(octokit, metaQuery(first), {
    owner,
    name: repo,
    number,
    head: target.headSha,
    configPath,
    checkName,
    ...(first.length && head ? { headOwner: head.owner, headName: head.repo, ...pathValues(toRead.slice(0, first.length).map((f) => f.filename)) } : {}),
  });
  const pull = meta.repository.pullRequest;
  if (pull.headRefOid !== target.headSha) return { kind: 'stale', headSha: pull.headRefOid };
  const botLogin = meta.viewer.login;

  let headReadable = head !== null && (first.length === 0 || meta.headRepository !== null);
  const blobs: (BlobNode | null | undefined)[] = first.map((_, i) => meta.headRepository?.[`b${i}`]);
  const modes: (number | undefined)[] = first.map((_, i) => meta.headRepository?.modes?.[`m${i}`]?.mode);
  for (let at = blobsPerQuery; headReadable && head && at < oids.length; at += blobsPerQuery) {
    const batch = oids.slice(at, at + blobsPerQuery);
    const result = await graphqlTolerantOfMissingHead<{ headRepository: HeadRepositoryResult | null }>(octokit, blobsQuery(batch), {
      headOwner: head.owner,
      headName: head.repo,
      head: target.headSha,
      ...pathValues(toRead.slice(at, at + blobsPerQuery).map((f) => f.filename)),
    });
    if (!result.headRepository) headReadable = false;
    blobs.push(...batch.map((_, i) => result.headRepository?.[`b${i}`]));
    modes.push(...batch.map((_, i) => result.headRepository?.modes?.[`m${i}`]?.mode));
  }
  const read = [...toRead.map((f, i) => sourceOfBlob(f.filename, blobs[i], modes[i])), ...unreadable.map((f) => sourceOfBlob(f.filename, undefined))];
  const headFiles = read.filter((f) => f.path !== projectWordsFile);

  let comment = pull.comments.nodes.find((c) => c.viewerDidAuthor && isSummaryComment(c.body));
  let pageInfo = pull.comments.pageInfo;
  while (!comment && pageInfo.hasNextPage && pageInfo.endCursor) {
    const more = await octokit.graphql<{ repository: { pullRequest: { comments: { nodes: CommentNode[]; pageInfo: typeof pageInfo } } } }>(moreCommentsQuery, {
      owner,
      name: repo,
      number,
      after: pageInfo.endCursor,
    });
    comment = more.repository.pullRequest.comments.nodes.find((c) => c.viewerDidAuthor && isSummaryComment(c.body));
    pageInfo = more.repository.pullRequest.comments.pageInfo;
  }

  // Who last added or removed each label decides whether the bot may take it off.
  const lastEvent = new Map<string, { labeled: boolean; byBot: boolean }>();
  for (const e of pull.timelineItems.nodes) {
    if (!e?.label) continue;
    lastEvent.set(e.label.name.toLowerCase(), { labeled: e.__typename === 'LabeledEvent', byBot: sameAccount(e.actor?.login, botLogin) });
  }
  const addedByBot = new Set([...lastEvent].filter(([, e]) => e.labeled && e.byBot).map(([name]) => name));
  const removedByPeople = new Set([...lastEvent].filter(([, e]) => !e.labeled && !e.byBot).map(([name]) => name));
  const repositoryLabels = meta.repository.labels.pageInfo.hasNextPage ? undefined : new Set(meta.repository.labels.nodes.map((l) => l.name.toLowerCase()));

  const configFile = meta.repository.defaultBranchRef?.target?.file?.object;
  const config: ConfigResult = configFile?.isTruncated
    ? { ok: false, problems: [{ line: 1, column: 1, message: 'Unexpected file too large to read, expected a short YAML file' }] }
    : readConfig(configFile?.text ?? undefined);

  const base = await loadBaseContent(octokit, owner, repo, pull.baseRefOid, env);
  const headWords = read.find((f) => f.path === projectWordsFile);
  const wordsSource = headWords ?? base.files.get(projectWordsFile);
  const decoded = wordsSource ? decode(wordsSource.content) : undefined;
  const speller = await cachedSpeller(decoded && 'text' in decoded ? parseWordList(decoded.text) : [], env);

  const ourSuites = (meta.repository.headCommit?.checkSuites?.nodes ?? []).filter((s) => s.app && sameAccount(s.app.slug, botLogin));
  const snapshot: PullRequestSnapshot = {
    number,
    state: pull.state === 'OPEN' ? 'open' : pull.state === 'MERGED' ? 'merged' : 'closed',
    draft: pull.isDraft,
    headSha: pull.headRefOid,
    headReadable,
    author: { login: pull.author?.login ?? 'ghost', firstTime: pull.authorAssociation === 'FIRST_TIME_CONTRIBUTOR' || pull.authorAssociation === 'FIRST_TIMER' },
    files,
    changedFileCount: pull.changedFiles,
    headFiles,
    base,
    speller,
    existing: {
      labels: pull.labels.nodes.map((l) => l.name),
      addedByBot,
      removedByPeople,
      repositoryLabels: repositoryLabels ?? (await lookUpLabels(octokit, owner, repo, meta)),
      ...(comment ? { comment: { id: comment.databaseId, body: comment.body } } : {}),
      reviewedCommits: new Set(pull.reviews.nodes.filter((r) => r.viewerDidAuthor && r.commit).map((r) => r.commit!.oid)),
      checkRuns: new Set(ourSuites.flatMap((s) => s.checkRuns?.nodes ?? []).flatMap((r) => (r.externalId ? [r.externalId] : []))),
    },
    rerun: target.rerun,
  };
  return { kind: 'ok', snapshot, config, botLogin };
}

/**
 * In a repository with more than 100 labels, which of the labels the bot manages exist
 * (one more query, only then). Needs the configuration for the names.
 */
async function lookUpLabels(octokit: Octokit, owner: string, repo: string, meta: MetaResult): Promise<Set<string>> {
  const configFile = meta.repository.defaultBranchRef?.target?.file?.object;
  const config = readConfig(configFile?.text ?? undefined);
  if (!config.ok) return new Set();
  const names = managedLabels(config.config).map((l) => l.name);
  const query = `query Labels($owner: String!, $name: String!, ${names.map((_, i) => `$l${i}: String!`).join(', ')}) {
    repository(owner: $owner, name: $name) { ${names.map((_, i) => `l${i}: label(name: $l${i}) { name }`).join(' ')} }
  }`;
  const result = await octokit.graphql<{ repository: Record<string, { name: string } | null> }>(query, {
    owner,
    name: repo,
    ...Object.fromEntries(names.map((n, i) => [`l${i}`, n])),
  });
  return new Set(Object.values(result.repository).flatMap((l) => (l ? [l.name.toLowerCase()] : [])));
}
