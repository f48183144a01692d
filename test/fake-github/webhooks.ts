// Webhook payloads from @octokit/webhooks-examples, adjusted to the fake's repositories, and
// signed delivery (X-Hub-Signature-256) to a Probot server.
import { createHmac, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { FakeGitHub } from './server.ts';
import { pullJson, repoJson, userJson } from './json.ts';
import type { Account, CheckRun, Issue, Repository } from './state.ts';

type Payload = Record<string, any>;

let examples: { name: string; examples: Payload[] }[] | undefined;

/** A deep copy of an example payload of `event` with `action` (one that has an installation when there is one). */
export function examplePayload(event: string, action?: string): Payload {
  examples ??= createRequire(import.meta.url)('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: Payload[] }[];
  const all = examples.find((e) => e.name === event)?.examples.filter((e) => action === undefined || e.action === action) ?? [];
  const chosen = all.find((e) => e.installation) ?? all[0];
  if (!chosen) throw new Error(`no example payload for ${event}.${action}`);
  return structuredClone(chosen);
}

/** Points an example payload at a fake repository, sender and installation (adding `installation` when missing). */
export function adjustPayload(fake: FakeGitHub, payload: Payload, repo: Repository, sender: Account, installationId: number): Payload {
  payload.repository = { ...payload.repository, ...repoJson(repo, fake.url) };
  payload.sender = { ...payload.sender, ...userJson(sender, fake.url) };
  payload.installation = { id: installationId, node_id: `MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u${installationId}` };
  delete payload.organization;
  delete payload.enterprise;
  return payload;
}

/** A `pull_request.<action>` payload for a pull request of the fake. */
export function pullRequestPayload(
  fake: FakeGitHub,
  repo: Repository,
  issue: Issue,
  action: string,
  options: { installationId: number; sender?: Account; before?: string; changes?: Payload },
): Payload {
  // webhooks-examples has no `edited` example; every pull_request action has the same shape.
  const payload = examplePayload('pull_request', action === 'edited' ? 'opened' : action);
  payload.action = action;
  payload.number = issue.number;
  const current = pullJson(fake.state, issue, repo, fake.url);
  payload.pull_request = { ...payload.pull_request, ...current, labels: current.labels, requested_reviewers: [], assignees: [] };
  if (action === 'synchronize') {
    payload.before = options.before ?? payload.before;
    payload.after = issue.pull!.headSha;
  }
  if (options.changes) payload.changes = options.changes;
  return adjustPayload(fake, payload, repo, options.sender ?? issue.user, options.installationId);
}

/** A `check_run.<action>` payload for a check run of the fake (pull requests listed as GitHub does: same-repository ones only). */
export function checkRunPayload(
  fake: FakeGitHub,
  repo: Repository,
  run: CheckRun,
  action: string,
  options: { installationId: number; sender: Account; pulls?: Issue[] },
): Payload {
  const payload = examplePayload('check_run', action);
  payload.check_run = {
    ...payload.check_run,
    id: run.id,
    name: run.name,
    head_sha: run.headSha,
    status: run.status,
    conclusion: run.conclusion,
    external_id: run.externalId,
    app: { ...payload.check_run.app, id: fake.app.id, slug: fake.app.slug, name: fake.app.name },
    check_suite: { ...payload.check_run.check_suite, head_sha: run.headSha, app: { ...payload.check_run.check_suite?.app, id: fake.app.id, slug: fake.app.slug }, pull_requests: [] },
    pull_requests: (options.pulls ?? []).map((i) => pullRef(fake, repo, i)),
  };
  return adjustPayload(fake, payload, repo, options.sender, options.installationId);
}

/** A `check_suite.<action>` payload for a head commit. */
export function checkSuitePayload(
  fake: FakeGitHub,
  repo: Repository,
  headSha: string,
  action: string,
  options: { installationId: number; sender: Account; pulls?: Issue[] },
): Payload {
  const payload = examplePayload('check_suite', action);
  payload.check_suite = {
    ...payload.check_suite,
    head_sha: headSha,
    app: { ...payload.check_suite.app, id: fake.app.id, slug: fake.app.slug, name: fake.app.name },
    pull_requests: (options.pulls ?? []).map((i) => pullRef(fake, repo, i)),
  };
  return adjustPayload(fake, payload, repo, options.sender, options.installationId);
}

function pullRef(fake: FakeGitHub, repo: Repository, issue: Issue): Payload {
  const pull = issue.pull!;
  const ref = (r: Repository, name: string, sha: string) => ({ ref: name, sha, repo: { id: r.id, url: `${fake.url}/repos/${r.fullName}`, name: r.name } });
  return {
    url: `${fake.url}/repos/${repo.fullName}/pulls/${issue.number}`,
    id: repo.id * 100_000 + issue.number,
    number: issue.number,
    head: ref(pull.headRepo ?? repo, pull.headRef, pull.headSha),
    base: ref(repo, pull.baseRef, pull.baseSha),
  };
}

/** The X-Hub-Signature-256 header GitHub sends for a body. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Delivers a webhook as GitHub does (signed JSON POST); resolves when the app has responded. */
export async function deliver(
  url: string,
  secret: string,
  event: string,
  payload: Payload,
  options: { deliveryId?: string } = {},
): Promise<{ status: number; body: string; deliveryId: string }> {
  const body = JSON.stringify(payload);
  const deliveryId = options.deliveryId ?? randomUUID();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/fake',
      'x-github-event': event,
      'x-github-delivery': deliveryId,
      'x-github-hook-id': '1',
      'x-hub-signature-256': signature(secret, body),
    },
    body,
  });
  return { status: response.status, body: await response.text(), deliveryId };
}
