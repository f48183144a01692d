// Repository contents: the repository, files at a ref, tarballs, branches and refs.
import { pullJson, repoJson } from '../json.ts';
import type { FakeState, Repository } from '../state.ts';
import { HttpError, actor, notFound, page, repoOf, type Routes } from './route.ts';

/** Resolves a branch name, `refs/heads/…`, `heads/…` or a (short) commit sha to a commit sha. */
export function resolveRef(state: FakeState, repo: Repository, ref: string | undefined): string | undefined {
  if (!ref) return repo.branches.get(repo.defaultBranch);
  const branch = ref.replace(/^refs\//, '').replace(/^heads\//, '');
  return repo.branches.get(branch) ?? state.git.resolve(ref);
}

export const repoRoutes: Routes = {
  'repos/get'(ctx) {
    return { status: 200, body: repoJson(repoOf(ctx), ctx.base) };
  },

  'repos/get-content'(ctx) {
    const repo = repoOf(ctx);
    const sha = resolveRef(ctx.state, repo, ctx.query.ref as string | undefined);
    if (!sha) throw new HttpError(404, `No commit found for the ref ${String(ctx.query.ref)}`);
    const path = ctx.params.path!.replace(/\/$/, '');
    const tree = ctx.state.git.get(sha).tree;
    const blob = tree.get(path);
    if (blob) {
      const content = ctx.state.git.blobs.get(blob)!;
      return {
        status: 200,
        body: {
          type: 'file',
          encoding: 'base64',
          size: content.byteLength,
          name: path.split('/').pop(),
          path,
          content: content.toString('base64'),
          sha: blob,
          url: `${ctx.base}/repos/${repo.fullName}/contents/${path}`,
          git_url: null,
          html_url: null,
          download_url: null,
          _links: { self: '', git: null, html: null },
        },
      };
    }
    const prefix = `${path}/`;
    const entries = new Map<string, 'file' | 'dir'>();
    for (const p of tree.keys()) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      const name = rest.split('/')[0]!;
      entries.set(name, rest.includes('/') ? 'dir' : 'file');
    }
    if (entries.size === 0) notFound();
    return {
      status: 200,
      body: [...entries].map(([name, type]) => ({ type, name, path: `${prefix}${name}`, sha: tree.get(`${prefix}${name}`) ?? '0'.repeat(40), size: 0, url: '', git_url: null, html_url: null, download_url: null, _links: { self: '', git: null, html: null } })),
    };
  },

  'repos/create-or-update-file-contents'(ctx) {
    const repo = repoOf(ctx);
    const who = actor(ctx);
    const branch = (ctx.body.branch as string | undefined) ?? repo.defaultBranch;
    const head = repo.branches.get(branch);
    if (!head) throw new HttpError(404, `Branch ${branch} not found`);
    const path = ctx.params.path!;
    const existing = ctx.state.git.get(head).tree.get(path);
    if (existing && ctx.body.sha !== existing) throw new HttpError(409, `${path} does not match ${String(ctx.body.sha)}`);
    if (!existing && ctx.body.sha) throw new HttpError(422, 'sha given for a file that does not exist');
    const commit = ctx.state.push(repo, branch, { [path]: Buffer.from(ctx.body.content as string, 'base64') }, ctx.body.message as string);
    return {
      status: existing ? 200 : 201,
      body: {
        content: { name: path.split('/').pop(), path, sha: commit.tree.get(path), type: 'file' },
        commit: { sha: commit.sha, message: commit.message, author: { name: who.login, email: '', date: commit.date } },
      },
    };
  },

  'repos/download-tarball-archive'(ctx) {
    const repo = repoOf(ctx);
    const sha = resolveRef(ctx.state, repo, ctx.params.ref);
    if (!sha) notFound();
    // Like GitHub: a redirect to the download host, which serves the archive.
    return { status: 302, headers: { location: `${ctx.base}/_codeload/${repo.fullName}/legacy.tar.gz/${sha}` } };
  },

  'repos/get-branch'(ctx) {
    const repo = repoOf(ctx);
    const sha = repo.branches.get(ctx.params.branch!);
    if (!sha) throw new HttpError(404, 'Branch not found');
    return { status: 200, body: { name: ctx.params.branch, commit: { sha, url: '' }, protected: false } };
  },

  'git/create-ref'(ctx) {
    const repo = repoOf(ctx);
    actor(ctx);
    const ref = String(ctx.body.ref);
    if (!ref.startsWith('refs/heads/')) throw new HttpError(422, 'Reference name must start with refs/heads/ in this fake');
    const name = ref.slice('refs/heads/'.length);
    if (repo.branches.has(name)) throw new HttpError(422, 'Reference already exists');
    if (!ctx.state.git.commits.has(String(ctx.body.sha))) throw new HttpError(422, 'Object does not exist');
    repo.branches.set(name, String(ctx.body.sha));
    return { status: 201, body: { ref, node_id: `REF_${name}`, url: '', object: { type: 'commit', sha: ctx.body.sha, url: '' } } };
  },

  'repos/list-pull-requests-associated-with-commit'(ctx) {
    const repo = repoOf(ctx);
    const sha = ctx.state.git.resolve(ctx.params.commit_sha!);
    if (!sha) throw new HttpError(422, 'No commit found for SHA');
    const pulls = [...repo.issues.values()].filter((i) => i.pull && i.state === 'open' && ctx.state.git.ancestors(i.pull.headSha).includes(sha));
    return page(ctx, pulls.map((i) => pullJson(ctx.state, i, repo, ctx.base)), `/repos/${repo.fullName}/commits/${sha}/pulls`);
  },
};
