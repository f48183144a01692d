// The content check of pull requests: on pull request and re-run events, gather a full snapshot
// from GitHub, decide (pure), and act. Events the bot caused and stale events are skipped.
import type { Context, Probot } from 'probot';
import { ActionsFailed, executeActions } from '../act/execute-actions.ts';
import { decidePullRequestCheck } from '../decide/pull-request-check.ts';
import type { BotEnv, Feature } from '../feature.ts';
import { gatherPullRequest, type PullRequestTarget } from '../github/gather-pull-request.ts';
import type { Octokit, RepoRef } from '../github/octokit.ts';
import { sameAccount } from '../github/same-account.ts';
import { checkName, internalErrorCheck } from '../messages/index.ts';

type Log = Context['log'];

/** Owner and name from a repository API URL (`…/repos/<owner>/<name>`), as check events give it. */
function repoFromUrl(url: string): RepoRef | null {
  const m = /\/repos\/([^/]+)\/([^/]+)$/.exec(url);
  return m ? { owner: decodeURIComponent(m[1]!), repo: decodeURIComponent(m[2]!) } : null;
}

function repoFromFullName(fullName: string | undefined): RepoRef | null {
  if (!fullName) return null;
  const [owner, repo] = fullName.split('/');
  return owner && repo ? { owner, repo } : null;
}

/** The login of the bot itself (`<app-slug>[bot]`), asked once per installation, only when a bot is the sender. */
async function botLogin(octokit: Octokit, installationId: number | undefined, env: BotEnv): Promise<string> {
  const key = `viewer:${installationId ?? 'token'}`;
  let login = env.cache.get(key) as Promise<string> | undefined;
  if (!login) {
    login = octokit.graphql<{ viewer: { login: string } }>('query Viewer { viewer { login } }').then((r) => r.viewer.login);
    env.cache.set(key, login);
    login.catch(() => env.cache.delete(key));
  }
  return login;
}

/** True when the event was caused by the bot itself (its own edits and pushes are not re-checked). */
async function causedBySelf(context: Context, env: BotEnv): Promise<boolean> {
  const sender = (context.payload as { sender?: { login: string; type: string } }).sender;
  if (sender?.type !== 'Bot') return false;
  const installationId = (context.payload as { installation?: { id: number } }).installation?.id;
  return sameAccount(sender.login, await botLogin(context.octokit, installationId, env));
}

/** Checks one pull request: gather → decide → act; on an internal error, a short neutral notice on the check. */
export async function checkPullRequest(octokit: Octokit, target: PullRequestTarget, env: BotEnv, log: Log): Promise<void> {
  const where = { repository: `${target.owner}/${target.repo}`, pull: target.number, head: target.headSha };
  try {
    const gathered = await gatherPullRequest(octokit, target, env);
    if (gathered.kind === 'stale') {
      log.info({ ...where, current: gathered.headSha }, 'Skipped: the pull request has a newer head commit; its own event checks it');
      return;
    }
    const decision = decidePullRequestCheck(gathered.snapshot, gathered.config, env.now());
    if (!('outcome' in decision)) {
      log.info(where, `Skipped: ${decision.skipped}`);
      return;
    }
    log.info({ ...where, conclusion: decision.outcome.conclusion, actions: decision.actions.map((a) => a.type) }, 'Content check decided');
    await executeActions(octokit, target, decision.actions);
  } catch (error) {
    log.error({ ...where, err: error }, 'Content check failed');
    // When the check run itself was posted (a later action failed), it stands: it tells the truth.
    const checkPosted = error instanceof ActionsFailed && !error.failed.some((a) => a.type === 'create-check-run');
    if (!checkPosted) {
      const { title, summary } = internalErrorCheck();
      try {
        // Neutral, never a pass or a failure of the contributor's changes: the bot could not finish.
        // (CI's `npm run check` still judges the content.)
        await octokit.rest.checks.create({
          owner: target.owner,
          repo: target.repo,
          name: checkName,
          head_sha: target.headSha,
          status: 'completed',
          conclusion: 'neutral',
          output: { title, summary },
        });
      } catch (reportError) {
        log.error({ ...where, err: reportError }, 'Could not report the failure on the check run either');
      }
    }
    throw error;
  }
}

/** The pull requests a check run or suite concerns: listed in the event, or found by head commit (forks). */
async function pullRequestsOfCommit(
  context: Context<'check_run.rerequested' | 'check_suite.rerequested'>,
  listed: { number: number; head: { sha: string; repo: { url: string } } }[],
  headSha: string,
): Promise<PullRequestTarget[]> {
  const { owner, repo } = context.repo();
  if (listed.length) {
    return listed.map((p) => ({ owner, repo, number: p.number, headSha, headRepo: repoFromUrl(p.head.repo.url), rerun: true }));
  }
  // GitHub leaves pull requests from forks out of check events; find them by their head commit.
  const { data } = await context.octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: headSha });
  return data
    .filter((p) => p.state === 'open' && p.head.sha === headSha && p.base.repo.full_name.toLowerCase() === `${owner}/${repo}`.toLowerCase())
    .map((p) => ({ owner, repo, number: p.number, headSha, headRepo: repoFromFullName(p.head.repo?.full_name), rerun: true }));
}

/** Registers the content check on pull request events and on re-runs of its check. */
function register(app: Probot, env: BotEnv): void {
  app.on(['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review', 'pull_request.edited'], async (context) => {
    const { payload } = context;
    // An edit matters only when it moves the pull request to another base branch.
    if (payload.action === 'edited' && !('changes' in payload && payload.changes?.base)) return;
    if (payload.pull_request.state !== 'open') return;
    if (await causedBySelf(context, env)) return;
    const { owner, repo } = context.repo();
    await checkPullRequest(
      context.octokit,
      {
        owner,
        repo,
        number: payload.pull_request.number,
        headSha: payload.pull_request.head.sha,
        headRepo: repoFromFullName(payload.pull_request.head.repo?.full_name),
        rerun: false,
      },
      env,
      context.log,
    );
  });

  app.on('check_run.rerequested', async (context) => {
    const run = context.payload.check_run;
    if (run.name !== checkName) return;
    if (await causedBySelf(context, env)) return;
    const targets = await pullRequestsOfCommit(context, run.pull_requests, run.head_sha);
    for (const target of targets) await checkPullRequest(context.octokit, target, env, context.log);
  });

  app.on('check_suite.rerequested', async (context) => {
    const suite = context.payload.check_suite;
    if (await causedBySelf(context, env)) return;
    const targets = await pullRequestsOfCommit(context, suite.pull_requests, suite.head_sha);
    for (const target of targets) await checkPullRequest(context.octokit, target, env, context.log);
  });
}

/** The pull request content check feature. */
export const pullRequestCheck: Feature = { name: 'pull-request-check', register };
