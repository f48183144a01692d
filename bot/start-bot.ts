// Starts the bot's HTTP server: Probot with credentials, Probot's setup page without them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getPrivateKey } from '@probot/get-private-key';
import type { Logger } from 'pino';
import { Probot, run, Server, type ApplicationFunction } from 'probot';
import { fetchWithTimeout, productionOctokit, readGitHubClientSettings } from './github/production-octokit.ts';
import { defaultMaxWebhookBytes, limitWebhookBodies } from './limit-webhook-bodies.ts';

export interface RunningBot {
  /** `app` when serving webhooks; `setup` when Probot's App-registration page is served. */
  mode: 'app' | 'setup';
  server: Server;
  /** Stops accepting connections and waits for the requests in flight to finish. */
  stop(): Promise<void>;
}

/**
 * Starts the bot from environment variables (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH,
 * WEBHOOK_SECRET, PORT, HOST, WEBHOOK_PATH, REDIS_URL, GHE_HOST or GITHUB_API_URL, the GITHUB_*
 * client settings of github/production-octokit.ts, WEBHOOK_MAX_BYTES). Without an App id or key
 * it runs Probot's own setup page, which registers the App from app.yml (not in production).
 */
export async function startBot(app: ApplicationFunction, env: NodeJS.ProcessEnv, log: Logger): Promise<RunningBot> {
  const privateKey = readPrivateKey(env, log);
  if (!env.APP_ID || !privateKey) {
    // Probot's `run` serves the setup page when credentials are missing, and refuses to start
    // in production (NODE_ENV=production) instead.
    const server = await run(app, { env: env as Record<string, string>, log });
    return { mode: 'setup', server, stop: () => server.stop() };
  }
  const appId = Number(env.APP_ID);
  if (!Number.isInteger(appId) || appId <= 0) throw new Error(`Unexpected APP_ID "${env.APP_ID}", expected the App's numeric id`);
  // Fail closed: without a secret Probot would accept webhooks signed with a well-known default.
  if (!env.WEBHOOK_SECRET) throw new Error('Missing WEBHOOK_SECRET, expected the webhook secret set on the GitHub App');
  const client = readGitHubClientSettings(env);
  const maxWebhookBytes = env.WEBHOOK_MAX_BYTES ? Number(env.WEBHOOK_MAX_BYTES) : defaultMaxWebhookBytes;
  if (!Number.isInteger(maxWebhookBytes) || maxWebhookBytes <= 0) throw new Error(`Unexpected WEBHOOK_MAX_BYTES "${env.WEBHOOK_MAX_BYTES}", expected a whole number of bytes`);

  const started = Date.now();
  const server = new Server({
    host: env.HOST || 'localhost',
    port: env.PORT ? Number(env.PORT) : 3000,
    webhookPath: env.WEBHOOK_PATH,
    webhookProxy: env.WEBHOOK_PROXY_URL,
    log,
    Probot: Probot.defaults({
      appId,
      privateKey,
      secret: env.WEBHOOK_SECRET,
      // With REDIS_URL, replicas share one rate-limit budget (Probot's throttling uses Redis).
      redisConfig: env.REDIS_URL,
      // GITHUB_API_URL: any API root (GitHub Enterprise Cloud with data residency, a test double).
      baseUrl: env.GITHUB_API_URL || (env.GHE_HOST ? `${env.GHE_PROTOCOL || 'https'}://${env.GHE_HOST}/api/v3` : undefined),
      // Timeouts, retries with back-off and rate-limit handling for every request (tokens included).
      Octokit: productionOctokit(client, log),
      request: { fetch: fetchWithTimeout(client.timeoutMs) },
      log,
    }),
  });
  await server.load(async (probot, options) => {
    options.addHandler((req, res) => healthz(req, res, started));
    await app(probot, options);
  });
  limitWebhookBodies(await server.start(), env.WEBHOOK_PATH || '/api/github/webhooks', maxWebhookBytes, log);
  return {
    mode: 'app',
    server,
    stop: () => server.stop(),
  };
}

/** GET /healthz: 200 with the uptime while the server accepts connections (it stops on shutdown). */
function healthz(req: IncomingMessage, res: ServerResponse, started: number): boolean {
  if (req.method !== 'GET' || req.url?.split('?')[0] !== '/healthz') return false;
  const body = JSON.stringify({ status: 'ok', uptime: Math.round((Date.now() - started) / 1000) });
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
  return true;
}

function readPrivateKey(env: NodeJS.ProcessEnv, log: Logger): string | undefined {
  try {
    return getPrivateKey({ env }) ?? undefined;
  } catch (error) {
    // e.g. PRIVATE_KEY_PATH names a missing file; say so without printing the key.
    log.error(`Could not read the private key: ${(error as Error).message}`);
    throw new Error('Could not read the private key (PRIVATE_KEY or PRIVATE_KEY_PATH)');
  }
}
