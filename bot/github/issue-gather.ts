// Reading what the issue features need from GitHub: configuration, the default branch's content
// and issue forms (cached per commit), an issue's comments, open issues, labels. Read-only.
import { configPath, readConfig } from '../config.ts';
import { defaultIssuesConfig, type IssuesConfig } from '../config-issues.ts';
import type { BotEnv } from '../feature.ts';
import { formKindsByFile, formsFolder, parseFormTemplate, type FormTemplate } from '../issue-forms/form-template.ts';
import { loadBaseContent } from './base-content.ts';
import type { Octokit } from './octokit.ts';
import type { ContentIndex } from '#core';
import type { RepoRef } from '../decide/issue-triage.ts';
import { ContentMatcher } from '../triage/content-matcher.ts';

type Log = { warn(obj: object, msg: string): void };

/** A comment as the issue features read it. */
export interface IssueComment {
  id: number;
  body: string;
  login: string;
  isBot: boolean;
  createdAt: string;
}

function status(error: unknown): number | undefined {
  return (error as { status?: number }).status;
}

/** A file's text on a ref, or undefined when it does not exist. */
export async function readRepoFile(octokit: Octokit, owner: string, repo: string, path: string, ref?: string): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path, ...(ref ? { ref } : {}) });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (error) {
    if (status(error) === 404) return undefined;
    throw error;
  }
}

/**
 * The `issues:` configuration from .github/ler-map.yml on the default branch. A broken file
 * falls back to the defaults (the content check reports the file's problems on pull requests).
 */
export async function readIssuesConfig(octokit: Octokit, owner: string, repo: string, ref: string, log: Log): Promise<IssuesConfig> {
  const text = await readRepoFile(octokit, owner, repo, configPath, ref);
  const result = readConfig(text);
  if (result.ok) return result.config.issues;
  log.warn({ repository: `${owner}/${repo}`, problems: result.problems }, `${configPath} has problems; issue features use the defaults`);
  return defaultIssuesConfig;
}

/** The commit a branch points at. */
export async function branchSha(octokit: Octokit, owner: string, repo: string, branch: string): Promise<string> {
  const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
  return data.object.sha;
}

/** The default branch's content index at a commit (one tarball per commit per process). */
export async function contentIndexAt(octokit: Octokit, owner: string, repo: string, sha: string, env: BotEnv): Promise<ContentIndex> {
  return (await loadBaseContent(octokit, owner, repo, sha, env)).index;
}

/** The issue forms at a ref: one listing, and each form file read once per content (blob sha). */
export async function readForms(octokit: Octokit, owner: string, repo: string, ref: string, env: BotEnv): Promise<FormTemplate[]> {
  let listing: Array<{ name: string; path: string; sha: string; type: string }>;
  try {
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path: formsFolder, ref });
    listing = Array.isArray(data) ? data : [];
  } catch (error) {
    if (status(error) === 404) return [];
    throw error;
  }
  const out: FormTemplate[] = [];
  // Only the forms the bot knows are read (config.yml and other templates are not forms it parses).
  for (const entry of listing.filter((e) => e.type === 'file' && e.name in formKindsByFile).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const key = `issue-form:${entry.name}:${entry.sha}`;
    let template = env.cache.get(key) as FormTemplate | null | undefined;
    if (template === undefined) {
      const text = await readRepoFile(octokit, owner, repo, entry.path, ref);
      template = text === undefined ? null : (parseFormTemplate(entry.name, text) ?? null);
      env.cache.set(key, template);
    }
    if (template) out.push(template);
  }
  return out;
}

/** Every comment of an issue, oldest first. */
export async function listComments(octokit: Octokit, owner: string, repo: string, issue: number): Promise<IssueComment[]> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issue, per_page: 100 });
  return comments.map((c) => ({ id: c.id, body: c.body ?? '', login: c.user?.login ?? '', isBot: c.user?.type === 'Bot', createdAt: c.created_at }));
}

/** Open issues (not pull requests) for duplicate suggestions, newest first, at most `limit`. */
export async function listOpenIssues(
  octokit: Octokit,
  owner: string,
  repo: string,
  limit = 500,
): Promise<Array<{ number: number; title: string; body: string; labels: string[] }>> {
  const out: Array<{ number: number; title: string; body: string; labels: string[] }> = [];
  for await (const { data } of octokit.paginate.iterator(octokit.rest.issues.listForRepo, { owner, repo, state: 'open', per_page: 100 })) {
    for (const i of data) {
      if (i.pull_request) continue;
      out.push({ number: i.number, title: i.title, body: i.body ?? '', labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))) });
    }
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}

/** Every label name of the repository. */
export async function listRepoLabels(octokit: Octokit, owner: string, repo: string): Promise<string[]> {
  const labels = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, { owner, repo, per_page: 100 });
  return labels.map((l) => l.name);
}

/** The matcher of an index, built once per commit. */
function matcherFor(env: BotEnv, key: string, build: () => ContentMatcher): ContentMatcher {
  const cacheKey = `issue-matcher:${key}`;
  let matcher = env.cache.get(cacheKey) as ContentMatcher | undefined;
  if (!matcher) {
    for (const k of [...env.cache.keys()]) if (k.startsWith('issue-matcher:')) env.cache.delete(k);
    matcher = build();
    env.cache.set(cacheKey, matcher);
  }
  return matcher;
}

/** The default branch's commit, configuration, index, matcher and forms: what every issue feature reads. */
export async function gatherRepository(octokit: Octokit, repo: RepoRef, env: BotEnv, log: Log) {
  const sha = await branchSha(octokit, repo.owner, repo.name, repo.defaultBranch);
  const [config, index, templates] = await Promise.all([
    readIssuesConfig(octokit, repo.owner, repo.name, sha, log),
    contentIndexAt(octokit, repo.owner, repo.name, sha, env),
    readForms(octokit, repo.owner, repo.name, sha, env),
  ]);
  const matcher = matcherFor(env, `${repo.owner}/${repo.name}@${sha}:${config.site_url}`, () => new ContentMatcher(index, { siteUrl: config.site_url }));
  return { sha, config, index, templates, matcher };
}
