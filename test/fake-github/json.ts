// REST representations of the fake's objects (the fields Octokit users read, GitHub's shapes).
import type { Account, CheckRun, Comment, FakeState, Issue, Label, Repository, Review } from './state.ts';

export function userJson(a: Account, base: string): Record<string, unknown> {
  return {
    login: a.login,
    id: a.id,
    node_id: `U_${a.id}`,
    avatar_url: `${base}/avatars/${a.id}`,
    url: `${base}/users/${a.login}`,
    html_url: `https://github.com/${a.login}`,
    type: a.type,
    site_admin: false,
  };
}

export function repoJson(r: Repository, base: string): Record<string, unknown> {
  return {
    id: r.id,
    node_id: `R_${r.id}`,
    name: r.name,
    full_name: r.fullName,
    private: false,
    owner: userJson(r.owner, base),
    html_url: `https://github.com/${r.fullName}`,
    url: `${base}/repos/${r.fullName}`,
    fork: Boolean(r.parent),
    default_branch: r.defaultBranch,
    visibility: 'public',
  };
}

export function labelJson(l: Label, repo: Repository, base: string): Record<string, unknown> {
  return {
    id: l.id,
    node_id: `LA_${l.id}`,
    url: `${base}/repos/${repo.fullName}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    color: l.color,
    description: l.description,
    default: false,
  };
}

export function issueLabelsJson(issue: Issue, repo: Repository, base: string): Record<string, unknown>[] {
  return issue.labels.map((name) => labelJson(repo.labels.get(name.toLowerCase())!, repo, base));
}

export function commentJson(c: Comment, repo: Repository, issue: Issue, base: string): Record<string, unknown> {
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${base}/repos/${repo.fullName}/issues/comments/${c.id}`,
    html_url: `https://github.com/${repo.fullName}/issues/${issue.number}#issuecomment-${c.id}`,
    issue_url: `${base}/repos/${repo.fullName}/issues/${issue.number}`,
    body: c.body,
    user: userJson(c.user, base),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
  };
}

export function issueJson(issue: Issue, repo: Repository, base: string): Record<string, unknown> {
  return {
    id: issue.number * 7919 + repo.id,
    node_id: `I_${repo.id}_${issue.number}`,
    url: `${base}/repos/${repo.fullName}/issues/${issue.number}`,
    html_url: `https://github.com/${repo.fullName}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    title: issue.title,
    body: issue.body,
    user: userJson(issue.user, base),
    labels: issueLabelsJson(issue, repo, base),
    comments: issue.comments.length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: null,
    locked: false,
    author_association: 'NONE',
    ...(issue.pull ? { pull_request: { url: `${base}/repos/${repo.fullName}/pulls/${issue.number}` } } : {}),
  };
}

export function pullJson(state: FakeState, issue: Issue, repo: Repository, base: string): Record<string, unknown> {
  const pull = issue.pull!;
  const files = state.pullFiles(pull);
  const branch = (r: Repository | null, ref: string, sha: string) => ({
    label: `${r?.owner.login ?? 'unknown'}:${ref}`,
    ref,
    sha,
    user: r ? userJson(r.owner, base) : null,
    repo: r ? repoJson(r, base) : null,
  });
  return {
    ...issueJson(issue, repo, base),
    id: repo.id * 100_000 + issue.number,
    node_id: `PR_${repo.id}_${issue.number}`,
    url: `${base}/repos/${repo.fullName}/pulls/${issue.number}`,
    html_url: `https://github.com/${repo.fullName}/pull/${issue.number}`,
    draft: pull.draft,
    merged: pull.merged,
    state: issue.state,
    head: branch(pull.headRepo, pull.headRef, pull.headSha),
    base: branch(repo, pull.baseRef, pull.baseSha),
    author_association: state.authorAssociation(repo, issue),
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changed_files: files.length,
    commits: 1,
  };
}

export function checkRunJson(run: CheckRun, repo: Repository, base: string): Record<string, unknown> {
  return {
    id: run.id,
    node_id: `CR_${run.id}`,
    head_sha: run.headSha,
    external_id: run.externalId,
    url: `${base}/repos/${repo.fullName}/check-runs/${run.id}`,
    html_url: `https://github.com/${repo.fullName}/runs/${run.id}`,
    details_url: null,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.title,
      summary: run.summary,
      text: run.text,
      annotations_count: run.annotations.length,
      annotations_url: `${base}/repos/${repo.fullName}/check-runs/${run.id}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.id },
    app: { id: run.app.id, slug: run.app.slug, name: run.app.slug },
    pull_requests: [],
  };
}

export function reviewJson(r: Review, repo: Repository, issue: Issue, base: string): Record<string, unknown> {
  return {
    id: r.id,
    node_id: `PRR_${r.id}`,
    user: userJson(r.user, base),
    body: r.body,
    state: r.state,
    html_url: `https://github.com/${repo.fullName}/pull/${issue.number}#pullrequestreview-${r.id}`,
    pull_request_url: `${base}/repos/${repo.fullName}/pulls/${issue.number}`,
    commit_id: r.commitId,
    submitted_at: r.submittedAt,
    author_association: 'NONE',
    _links: { html: { href: '' }, pull_request: { href: '' } },
  };
}
