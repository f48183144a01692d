// `issues.*` and `issue_comment.*` webhook payloads for the fake's issues, built on the examples
// of @octokit/webhooks-examples (with an installation added, pointed at the fake's repository).
import { commentJson, issueJson, userJson } from './json.ts';
import type { FakeGitHub } from './server.ts';
import type { Account, Comment, Issue, Repository } from './state.ts';
import { adjustPayload, examplePayload } from './webhooks.ts';

type Payload = Record<string, any>;

/** An `issues.<action>` payload for an issue of the fake, sent by `sender` (the author by default). */
export function issuePayload(
  fake: FakeGitHub,
  repo: Repository,
  issue: Issue,
  action: string,
  options: { installationId: number; sender?: Account; changes?: Payload; authorAssociation?: string },
): Payload {
  const payload = examplePayload('issues', action);
  payload.action = action;
  payload.issue = { ...payload.issue, ...issueJson(issue, repo, fake.url), author_association: options.authorAssociation ?? 'NONE', assignee: null, assignees: [], milestone: null };
  payload.changes = options.changes ?? payload.changes;
  if (action === 'edited' && !payload.changes) payload.changes = {};
  return adjustPayload(fake, payload, repo, options.sender ?? issue.user, options.installationId);
}

/** An `issue_comment.<action>` payload for a comment of the fake (sent by the comment's author by default). */
export function issueCommentPayload(
  fake: FakeGitHub,
  repo: Repository,
  issue: Issue,
  comment: Comment,
  action: 'created' | 'edited' | 'deleted',
  options: { installationId: number; sender?: Account; previousBody?: string },
): Payload {
  const payload = examplePayload('issue_comment', action);
  payload.action = action;
  payload.issue = { ...payload.issue, ...issueJson(issue, repo, fake.url), assignee: null, assignees: [], milestone: null };
  payload.comment = { ...payload.comment, ...commentJson(comment, repo, issue, fake.url), user: userJson(comment.user, fake.url) };
  if (action === 'edited') payload.changes = options.previousBody === undefined ? {} : { body: { from: options.previousBody } };
  else delete payload.changes;
  return adjustPayload(fake, payload, repo, options.sender ?? comment.user, options.installationId);
}
