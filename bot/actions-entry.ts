// Entry for GitHub Actions (.github/workflows/bot.yml; `npm run build:bot` → dist/actions-entry.js):
// runs the bot on the workflow's event with @probot/adapter-github-actions, authenticated by
// GITHUB_TOKEN; `schedule` and `workflow_dispatch` run the maintenance jobs instead.
import { run } from '@probot/adapter-github-actions';
import { Probot, type ApplicationFunction } from 'probot';
import app from './index.ts';
import { createLogger } from './create-logger.ts';
import { syncRepository } from './handlers/labels-sync.ts';
import { sweepNeedsInfo } from './handlers/needs-info-sweep.ts';

const env = process.env;
// On GitHub Enterprise Server, Actions gives the API as GITHUB_API_URL; Probot reads GHE_HOST.
const api = env.GITHUB_API_URL ? new URL(env.GITHUB_API_URL) : undefined;
if (api && api.host !== 'api.github.com' && !env.GHE_HOST) {
  env.GHE_HOST = api.host;
  env.GHE_PROTOCOL = api.protocol.replace(':', '');
}

const event = env.GITHUB_EVENT_NAME;
if (!env.GITHUB_TOKEN || !env.GITHUB_REPOSITORY || !event) {
  console.error('Missing GITHUB_TOKEN, GITHUB_REPOSITORY or GITHUB_EVENT_NAME: run this inside GitHub Actions (see .github/workflows/bot.yml)');
  process.exitCode = 1;
} else if (event === 'schedule' || event === 'workflow_dispatch') {
  process.exitCode = await maintenance(event, env.GITHUB_TOKEN, env.GITHUB_REPOSITORY);
} else {
  // The adapter logs a failed handler and returns normally; the job must fail visibly instead.
  let failed = false;
  const watched: ApplicationFunction = async (probot, options) => {
    probot.onError(() => {
      failed = true;
    });
    await app(probot, options);
  };
  // The adapter ships its own Probot 13, whose Probot type lacks 14's server-only members
  // (ready, getNodeMiddleware) that the app never uses; test/bot/actions-entry.test.ts runs it.
  await run(watched as unknown as Parameters<typeof run>[0]);
  process.exitCode = failed ? 1 : 0;
}

/** The daily job, the `needs info` sweep; a manual dispatch also applies the labels file. */
async function maintenance(trigger: 'schedule' | 'workflow_dispatch', token: string, repository: string): Promise<number> {
  const log = createLogger(env);
  const baseUrl = api && api.host !== 'api.github.com' ? api.href.replace(/\/$/, '') : undefined;
  try {
    const probot = new Probot({ githubToken: token, baseUrl, log });
    const octokit = await probot.auth();
    let status = 0;
    if (trigger === 'workflow_dispatch') {
      const result = await syncRepository(octokit, repository, undefined, log);
      if (result.outcome === 'invalid') status = 1;
    }
    // One reminder on `needs info` issues left unanswered, then a kind close.
    await sweepNeedsInfo(octokit, repository, new Date(), log);
    return status;
  } catch (error) {
    log.error({ err: error }, `The ${trigger} run failed: ${(error as Error).message}`);
    return 1;
  }
}
