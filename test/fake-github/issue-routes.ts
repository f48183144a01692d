// REST routes the issue features need on top of the fake's own: collaborator permissions,
// comment reactions, issue events, git refs, pull requests filtered by head, issues filtered by a
// comma-separated label list, and the reason an issue was closed. Pass `issueRoutes` as `routes` to `startFakeGitHub`.
import { pullJson, userJson } from './json.ts';
import { pullRoutes } from './rest/pulls.ts';
import { issueRoutes as baseIssueRoutes } from './rest/issues.ts';
import { HttpError, actor, issueOf, notFound, page, repoOf, type Routes } from './rest/route.ts';
import type { Account, Comment, Issue, Repository } from './state.ts';

/** Repository roles by lowercase login (GitHub's role_name: read, triage, write, maintain, admin). */
const roles = new WeakMap<Repository, Map<string, string>>();
/** Reactions to comments, in order. */
const reactions = new WeakMap<Comment, Array<{ content: string; user: string }>>();
/** The state_reason of the last close or reopen. */
const stateReasons = new WeakMap<Issue, string | null>();

/** Gives a user a role on a repository. */
export function setRole(repo: Repository, login: string, role: 'read' | 'triage' | 'write' | 'maintain' | 'admin'): void {
  const map = roles.get(repo) ?? new Map<string, string>();
  map.set(login.toLowerCase(), role);
  roles.set(repo, map);
  if (role !== 'read') repo.collaborators.add(login.toLowerCase());
}

/** Reactions made to a comment. */
export function reactionsOf(comment: Comment): Array<{ content: string; user: string }> {
  return reactions.get(comment) ?? [];
}

/** Why an issue was last closed or reopened (`duplicate`, `not_planned` …), as the bot said. */
export function stateReasonOf(issue: Issue): string | null | undefined {
  return stateReasons.get(issue);
}

/** The legacy permission GitHub reports next to a role. */
const legacyPermission: Record<string, string> = { read: 'read', triage: 'read', write: 'write', maintain: 'write', admin: 'admin' };

function eventJson(base: string, repo: Repository, issue: Issue, e: { action: string; label: string; actor: Account; at: string }, id: number) {
  return {
    id,
    node_id: `LE_${id}`,
    url: `${base}/repos/${repo.fullName}/issues/events/${id}`,
    actor: userJson(e.actor, base),
    event: e.action,
    commit_id: null,
    commit_url: null,
    created_at: e.at,
    label: { name: e.label, color: repo.labels.get(e.label.toLowerCase())?.color ?? 'ededed' },
    performed_via_github_app: null,
  };
}

export const issueRoutes: Routes = {
  'repos/get-collaborator-permission-level'(ctx) {
    const repo = repoOf(ctx);
    const login = ctx.params.username!;
    const user = ctx.state.accounts.get(login.toLowerCase());
    if (!user) throw new HttpError(404, `${login} is not a user`);
    // Owners administer their repositories; on a public repository everyone else can read.
    const role = repo.owner.login.toLowerCase() === login.toLowerCase() ? 'admin' : (roles.get(repo)?.get(login.toLowerCase()) ?? 'read');
    return { status: 200, body: { permission: legacyPermission[role], role_name: role, user: { ...userJson(user, ctx.base), permissions: undefined } } };
  },

  'reactions/create-for-issue-comment'(ctx) {
    const repo = repoOf(ctx);
    const found = ctx.state.findComment(repo, Number(ctx.params.comment_id));
    if (!found) notFound();
    const who = actor(ctx);
    const list = reactions.get(found.comment) ?? [];
    const existing = list.find((r) => r.user === who.login && r.content === ctx.body.content);
    if (!existing) list.push({ content: String(ctx.body.content), user: who.login });
    reactions.set(found.comment, list);
    return {
      status: existing ? 200 : 201,
      body: { id: ctx.state.id(), node_id: 'REA_1', user: userJson(who, ctx.base), content: ctx.body.content, created_at: ctx.state.now() },
    };
  },

  'issues/list-events'(ctx) {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    const events = issue.labelEvents.map((e, i) => eventJson(ctx.base, repo, issue, e, issue.number * 10_000 + i));
    return page(ctx, events, `/repos/${repo.fullName}/issues/${issue.number}/events`);
  },

  'git/get-ref'(ctx) {
    const repo = repoOf(ctx);
    const ref = ctx.params.ref!;
    if (!ref.startsWith('heads/')) throw new HttpError(404, 'Not Found');
    const sha = repo.branches.get(ref.slice('heads/'.length));
    if (!sha) throw new HttpError(404, 'Not Found');
    return { status: 200, body: { ref: `refs/${ref}`, node_id: `REF_${ref}`, url: `${ctx.base}/repos/${repo.fullName}/git/refs/${ref}`, object: { type: 'commit', sha, url: '' } } };
  },

  'pulls/list'(ctx) {
    // As GitHub: `head=owner:branch` keeps the pull requests from that branch (before paging).
    const head = ctx.query.head as string | undefined;
    if (!head) return pullRoutes['pulls/list']!(ctx);
    const repo = repoOf(ctx);
    const [owner, branch] = head.includes(':') ? head.split(':') : [undefined, head];
    const state = (ctx.query.state as string | undefined) ?? 'open';
    const pulls = [...repo.issues.values()].filter(
      (i) =>
        i.pull &&
        (state === 'all' || i.state === state) &&
        i.pull.headRef === branch &&
        (!owner || (i.pull.headRepo ?? repo).owner.login.toLowerCase() === owner.toLowerCase()),
    );
    return page(ctx, pulls.map((i) => pullJson(ctx.state, i, repo, ctx.base)), `/repos/${repo.fullName}/pulls`);
  },

  'issues/list-for-repo'(ctx) {
    // GitHub takes `labels` as one comma-separated string ("needs info,bug").
    const labels = ctx.query.labels;
    const list = typeof labels === 'string' ? labels.split(',').map((l) => l.trim()).filter(Boolean) : labels;
    return baseIssueRoutes['issues/list-for-repo']!({ ...ctx, query: { ...ctx.query, ...(list === undefined ? {} : { labels: list }) } });
  },

  'issues/update'(ctx) {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    const before = issue.state;
    const result = baseIssueRoutes['issues/update']!(ctx);
    if (ctx.body.state && ctx.body.state !== before) stateReasons.set(issue, (ctx.body.state_reason as string | undefined) ?? null);
    return result;
  },
};
