// Pull requests: the pull request, its files (with patches), reviews with line comments.
import { pullJson, reviewJson } from '../json.ts';
import type { PullFile } from '../state.ts';
import { HttpError, actor, issueOf, page, repoOf, type RouteContext, type Routes } from './route.ts';

/** The lines a patch shows, per side, with the hunk each belongs to. */
export function diffLines(patch: string): { right: Map<number, number>; left: Map<number, number> } {
  const right = new Map<number, number>();
  const left = new Map<number, number>();
  let oldLine = 0;
  let newLine = 0;
  let hunk = -1;
  for (const line of patch.split('\n')) {
    const m = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (m) {
      oldLine = Number(m[1]);
      newLine = Number(m[2]);
      hunk++;
      continue;
    }
    if (line.startsWith('\\')) continue;
    if (line.startsWith('+')) right.set(newLine++, hunk);
    else if (line.startsWith('-')) left.set(oldLine++, hunk);
    else {
      right.set(newLine++, hunk);
      left.set(oldLine++, hunk);
    }
  }
  return { right, left };
}

function checkReviewComment(ctx: RouteContext, files: PullFile[], c: Record<string, unknown>): string | undefined {
  const file = files.find((f) => f.filename === c.path);
  if (!file) return `path ${String(c.path)} is not part of the pull request`;
  if (c.position !== undefined) return undefined;
  if (!file.patch) return `${file.filename} has no diff to comment on`;
  const lines = diffLines(file.patch);
  const side = (c.side as string | undefined) ?? 'RIGHT';
  const map = side === 'LEFT' ? lines.left : lines.right;
  const line = c.line as number | undefined;
  if (line === undefined) return 'a review comment needs a line or a position';
  if (!map.has(line)) return `line ${line} of ${file.filename} is not part of the diff`;
  if (c.start_line !== undefined) {
    const start = c.start_line as number;
    const startMap = (c.start_side as string | undefined) === 'LEFT' ? lines.left : map;
    if (!startMap.has(start) || startMap.get(start) !== map.get(line) || start >= line) {
      return `lines ${start}-${line} of ${file.filename} are not one range of one hunk of the diff`;
    }
  }
  return undefined;
}

export const pullRoutes: Routes = {
  'pulls/get'(ctx) {
    const repo = repoOf(ctx);
    return { status: 200, body: pullJson(ctx.state, issueOf(ctx, repo, true), repo, ctx.base) };
  },

  'pulls/list'(ctx) {
    const repo = repoOf(ctx);
    const state = (ctx.query.state as string | undefined) ?? 'open';
    const pulls = [...repo.issues.values()].filter((i) => i.pull && (state === 'all' || i.state === state));
    return page(ctx, pulls.map((i) => pullJson(ctx.state, i, repo, ctx.base)), `/repos/${repo.fullName}/pulls`);
  },

  'pulls/create'(ctx) {
    const repo = repoOf(ctx);
    const who = actor(ctx);
    const head = String(ctx.body.head);
    const [ownerPart, branchPart] = head.includes(':') ? head.split(':') : [repo.owner.login, head];
    const headRepo = ownerPart!.toLowerCase() === repo.owner.login.toLowerCase() ? repo : ctx.state.repo(`${ownerPart}/${repo.name}`);
    if (!headRepo || !headRepo.branches.has(branchPart!)) throw new HttpError(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
    if (!repo.branches.has(String(ctx.body.base))) throw new HttpError(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
    const issue = ctx.state.openPullRequest(repo, {
      head: branchPart!,
      headRepo,
      base: String(ctx.body.base),
      user: who.login,
      title: ctx.body.title as string,
      body: (ctx.body.body as string | undefined) ?? '',
      draft: Boolean(ctx.body.draft),
    });
    issue.user = who;
    return { status: 201, body: pullJson(ctx.state, issue, repo, ctx.base) };
  },

  'pulls/list-files'(ctx) {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo, true);
    // GitHub lists at most 3,000 files of a pull request.
    const files = ctx.state.pullFiles(issue.pull!).slice(0, 3000);
    const body = files.map((f) => ({
      ...f,
      sha: f.sha ?? '0000000000000000000000000000000000000000',
      blob_url: `https://github.com/${repo.fullName}/blob/${issue.pull!.headSha}/${f.filename}`,
      raw_url: `https://github.com/${repo.fullName}/raw/${issue.pull!.headSha}/${f.filename}`,
      contents_url: `${ctx.base}/repos/${repo.fullName}/contents/${f.filename}?ref=${issue.pull!.headSha}`,
    }));
    return page(ctx, body, `/repos/${repo.fullName}/pulls/${issue.number}/files`);
  },

  'pulls/list-reviews'(ctx) {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo, true);
    return page(ctx, issue.pull!.reviews.map((r) => reviewJson(r, repo, issue, ctx.base)), `/repos/${repo.fullName}/pulls/${issue.number}/reviews`);
  },

  'pulls/create-review'(ctx) {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo, true);
    const who = actor(ctx);
    const pull = issue.pull!;
    const commitId = (ctx.body.commit_id as string | undefined) ?? pull.headSha;
    if (!ctx.state.git.ancestors(pull.headSha).includes(commitId)) {
      throw new HttpError(422, 'Unprocessable Entity', [`commit_id ${commitId} is not part of the pull request`]);
    }
    const files = ctx.state.pullFiles(pull);
    const comments = (ctx.body.comments ?? []) as Record<string, unknown>[];
    for (const c of comments) {
      const problem = checkReviewComment(ctx, files, c);
      if (problem) {
        // GitHub rejects the whole review; a bot doing this loses every suggestion.
        ctx.violation(`review rejected: ${problem}`);
        throw new HttpError(422, 'Unprocessable Entity', ['Pull request review thread line must be part of the diff']);
      }
    }
    const event = (ctx.body.event as string | undefined) ?? 'PENDING';
    const review = {
      id: ctx.state.id(),
      user: who,
      commitId,
      body: (ctx.body.body as string | undefined) ?? '',
      event,
      state: event === 'APPROVE' ? 'APPROVED' : event === 'REQUEST_CHANGES' ? 'CHANGES_REQUESTED' : event === 'COMMENT' ? 'COMMENTED' : 'PENDING',
      comments: comments.map((c) => ({
        path: String(c.path),
        line: Number(c.line),
        ...(c.start_line !== undefined ? { startLine: Number(c.start_line) } : {}),
        side: ((c.side as string | undefined) ?? 'RIGHT') as 'LEFT' | 'RIGHT',
        body: String(c.body),
      })),
      submittedAt: ctx.state.now(),
    };
    pull.reviews.push(review);
    return { status: 200, body: reviewJson(review, repo, issue, ctx.base) };
  },
};
