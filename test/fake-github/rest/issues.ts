// Issues and pull requests as issues: comments, labels (repository and issue), issue state.
import { commentJson, issueJson, issueLabelsJson, labelJson } from '../json.ts';
import { HttpError, actor, issueOf, notFound, page, repoOf, type RouteContext, type Routes } from './route.ts';
import type { Repository } from '../state.ts';

/** When the bot created a label (wall clock), to tell a concurrent creation from a careless one. */
const labelCreatedAt = new WeakMap<object, number>();

function labelNames(body: unknown): string[] {
  const list = Array.isArray(body) ? body : ((body as { labels?: unknown[] } | undefined)?.labels ?? []);
  return list.map((l) => (typeof l === 'string' ? l : String((l as { name: string }).name)));
}

function labelOf(ctx: RouteContext, repo: Repository) {
  const label = repo.labels.get(ctx.params.name!.toLowerCase());
  if (!label) notFound();
  return label;
}

export const issueRoutes: Routes = {
  'issues/get'(ctx) {
    const repo = repoOf(ctx);
    return { status: 200, body: issueJson(issueOf(ctx, repo), repo, ctx.base) };
  },

  'issues/list-for-repo'(ctx) {
    const repo = repoOf(ctx);
    const state = (ctx.query.state as string | undefined) ?? 'open';
    const wanted = ((ctx.query.labels as string[] | undefined) ?? []).map((l) => l.toLowerCase());
    const issues = [...repo.issues.values()].filter(
      (i) => (state === 'all' || i.state === state) && wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)),
    );
    return page(ctx, issues.map((i) => issueJson(i, repo, ctx.base)), `/repos/${repo.fullName}/issues`);
  },

  'issues/create'(ctx) {
    const repo = repoOf(ctx);
    const who = actor(ctx);
    const issue = ctx.state.openIssue(repo, { user: who.login, title: String(ctx.body.title), body: (ctx.body.body as string | undefined) ?? '' });
    issue.user = who;
    for (const name of labelNames({ labels: ctx.body.labels ?? [] })) ctx.state.addLabel(repo, issue, name, who);
    return { status: 201, body: issueJson(issue, repo, ctx.base) };
  },

  'issues/update'(ctx) {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    const who = actor(ctx);
    if (typeof ctx.body.title === 'string') issue.title = ctx.body.title;
    if (typeof ctx.body.body === 'string') issue.body = ctx.body.body;
    if (ctx.body.state === 'open' || ctx.body.state === 'closed') issue.state = ctx.body.state;
    if (Array.isArray(ctx.body.labels)) {
      for (const l of [...issue.labels]) ctx.state.removeLabel(issue, l, who);
      for (const name of labelNames({ labels: ctx.body.labels })) ctx.state.addLabel(repo, issue, name, who);
    }
    issue.updatedAt = ctx.state.now();
    return { status: 200, body: issueJson(issue, repo, ctx.base) };
  },

  'issues/list-comments'(ctx) {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    return page(ctx, issue.comments.map((c) => commentJson(c, repo, issue, ctx.base)), `/repos/${repo.fullName}/issues/${issue.number}/comments`);
  },

  'issues/create-comment'(ctx) {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    const c = ctx.state.comment(issue, actor(ctx), String(ctx.body.body));
    return { status: 201, body: commentJson(c, repo, issue, ctx.base) };
  },

  'issues/get-comment'(ctx) {
    const repo = repoOf(ctx);
    const found = ctx.state.findComment(repo, Number(ctx.params.comment_id));
    if (!found) notFound();
    return { status: 200, body: commentJson(found.comment, repo, found.issue, ctx.base) };
  },

  'issues/update-comment'(ctx) {
    const repo = repoOf(ctx);
    const found = ctx.state.findComment(repo, Number(ctx.params.comment_id));
    if (!found) notFound();
    const who = actor(ctx);
    if (found.comment.user.id !== who.id) {
      // The bot owns only what it created: editing someone else's comment is a bug.
      ctx.violation(`${who.login} edited comment ${found.comment.id} written by ${found.comment.user.login}`);
      throw new HttpError(403, 'Resource not accessible by integration');
    }
    found.comment.body = String(ctx.body.body);
    found.comment.history.push(found.comment.body);
    found.comment.updatedAt = ctx.state.now();
    return { status: 200, body: commentJson(found.comment, repo, found.issue, ctx.base) };
  },

  'issues/delete-comment'(ctx) {
    const repo = repoOf(ctx);
    const found = ctx.state.findComment(repo, Number(ctx.params.comment_id));
    if (!found) notFound();
    const who = actor(ctx);
    if (found.comment.user.id !== who.id) {
      ctx.violation(`${who.login} deleted comment ${found.comment.id} written by ${found.comment.user.login}`);
      throw new HttpError(403, 'Resource not accessible by integration');
    }
    found.issue.comments.splice(found.issue.comments.indexOf(found.comment), 1);
    return { status: 204 };
  },

  'issues/list-labels-for-repo'(ctx) {
    const repo = repoOf(ctx);
    return page(ctx, [...repo.labels.values()].map((l) => labelJson(l, repo, ctx.base)), `/repos/${repo.fullName}/labels`);
  },

  'issues/get-label'(ctx) {
    const repo = repoOf(ctx);
    return { status: 200, body: labelJson(labelOf(ctx, repo), repo, ctx.base) };
  },

  'issues/create-label'(ctx) {
    const repo = repoOf(ctx);
    actor(ctx);
    const name = String(ctx.body.name);
    const existing = repo.labels.get(name.toLowerCase());
    if (existing) {
      // Two events creating the same new label at once is a race the bot must survive (GitHub
      // answers 422), not a mistake; creating a label that existed well before is one.
      if (Date.now() - (labelCreatedAt.get(existing) ?? 0) > 2000) ctx.violation(`label "${name}" created again though it exists`);
      throw new HttpError(422, 'Validation Failed', [{ resource: 'Label', code: 'already_exists', field: 'name' }]);
    }
    const label = ctx.state.createLabel(repo, name, String(ctx.body.color ?? 'ededed').replace(/^#/, ''), (ctx.body.description as string | undefined) ?? null);
    labelCreatedAt.set(label, Date.now());
    return { status: 201, body: labelJson(label, repo, ctx.base) };
  },

  'issues/update-label'(ctx) {
    const repo = repoOf(ctx);
    actor(ctx);
    const label = labelOf(ctx, repo);
    if (typeof ctx.body.color === 'string') label.color = ctx.body.color;
    if (typeof ctx.body.description === 'string') label.description = ctx.body.description;
    return { status: 200, body: labelJson(label, repo, ctx.base) };
  },

  'issues/list-labels-on-issue'(ctx) {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    return page(ctx, issueLabelsJson(issue, repo, ctx.base), `/repos/${repo.fullName}/issues/${issue.number}/labels`);
  },

  'issues/add-labels'(ctx) {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    const who = actor(ctx);
    for (const name of labelNames(ctx.body)) ctx.state.addLabel(repo, issue, name, who);
    return { status: 200, body: issueLabelsJson(issue, repo, ctx.base) };
  },

  'issues/set-labels'(ctx) {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    const who = actor(ctx);
    const names = labelNames(ctx.body);
    for (const l of [...issue.labels]) if (!names.some((n) => n.toLowerCase() === l.toLowerCase())) ctx.state.removeLabel(issue, l, who);
    for (const name of names) ctx.state.addLabel(repo, issue, name, who);
    return { status: 200, body: issueLabelsJson(issue, repo, ctx.base) };
  },

  'issues/remove-label'(ctx) {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    if (!ctx.state.removeLabel(issue, ctx.params.name!, actor(ctx))) {
      ctx.violation(`removed label "${ctx.params.name}" that issue #${issue.number} does not have`);
      throw new HttpError(404, 'Label does not exist');
    }
    return { status: 200, body: issueLabelsJson(issue, repo, ctx.base) };
  },
};
