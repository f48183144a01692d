// The base branch's content at a commit, read in one call (the repository tarball) and cached
// per commit: every file under content/ and the front-matter index built from them.
import { buildIndex, type SourceFile } from '#core';
import type { BaseContent } from '../decide/pull-request-check.ts';
import type { BotEnv } from '../feature.ts';
import { readTarball } from './read-tarball.ts';
import type { Octokit } from './octokit.ts';

/** Base commits kept in memory per process (each holds the text of content/). */
const cacheSize = 8;

/** Builds BaseContent from the files of a commit (also used by the local dry run). */
export function baseContentOf(sha: string, files: SourceFile[]): BaseContent {
  return { sha, files: new Map(files.map((f) => [f.path, f])), index: buildIndex(files) };
}

/** The base content of a repository at a commit, from the cache or one tarball download. */
export async function loadBaseContent(octokit: Octokit, owner: string, repo: string, sha: string, env: BotEnv): Promise<BaseContent> {
  const key = `base-content:${owner}/${repo}@${sha}`.toLowerCase();
  const cached = env.cache.get(key) as Promise<BaseContent> | undefined;
  if (cached) {
    // Refresh its place in the least-recently-used order.
    env.cache.delete(key);
    env.cache.set(key, cached);
    return cached;
  }
  const loading = (async () => {
    const response = await octokit.request('GET /repos/{owner}/{repo}/tarball/{ref}', { owner, repo, ref: sha });
    const { files } = readTarball(new Uint8Array(response.data as ArrayBuffer), (path) => path.startsWith('content/'));
    return baseContentOf(sha, files);
  })();
  env.cache.set(key, loading);
  // A failed download is not cached, so the next event tries again.
  loading.catch(() => env.cache.delete(key));
  const keys = [...env.cache.keys()].filter((k) => k.startsWith('base-content:'));
  for (const old of keys.slice(0, Math.max(0, keys.length - cacheSize))) env.cache.delete(old);
  return loading;
}
