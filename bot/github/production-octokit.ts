// The GitHub client of the production entry: Probot's Octokit with a timeout on every request,
// retries with back-off for transient failures (5xx, resets, timeouts, bare 429s), GitHub's rate
// limits honoured (retry-after, reset time), and writes spaced out as GitHub asks of integrations.
import Bottleneck from 'bottleneck';
import type { Logger } from 'pino';
import { ProbotOctokit } from 'probot';

/** How the bot talks to GitHub; read from the environment by readGitHubClientSettings. */
export interface GitHubClientSettings {
  /** Milliseconds a request (answer included) may take before it counts as failed. */
  timeoutMs: number;
  /** Retries of a request that failed transiently. */
  retries: number;
  /** Back-off base: retry n waits base × n² (1 s, 4 s, 9 s by default). */
  retryBaseMs: number;
  /** Seconds to wait on a secondary rate limit that comes without `retry-after` (GitHub: at least a minute). */
  rateLimitFallbackSeconds: number;
  /**
   * Milliseconds between two writes (and GraphQL queries) of one installation (GitHub: one
   * second); writes that notify people (comments, reviews, pull requests) wait three times as long.
   */
  writeIntervalMs: number;
}

/** Waits longer than this on a rate limit are not made: the handling fails cleanly instead. */
const maxRateLimitWaitSeconds = 600;

const settingsFromEnv: Record<keyof GitHubClientSettings, [name: string, fallback: number]> = {
  timeoutMs: ['GITHUB_REQUEST_TIMEOUT_MS', 20_000],
  retries: ['GITHUB_RETRIES', 3],
  retryBaseMs: ['GITHUB_RETRY_BASE_MS', 1000],
  rateLimitFallbackSeconds: ['GITHUB_RATE_LIMIT_FALLBACK_S', 60],
  writeIntervalMs: ['GITHUB_WRITE_INTERVAL_MS', 1000],
};

/** Reads the client settings (GITHUB_REQUEST_TIMEOUT_MS, GITHUB_RETRIES, …), defaults where unset. */
export function readGitHubClientSettings(env: NodeJS.ProcessEnv): GitHubClientSettings {
  const out = {} as GitHubClientSettings;
  for (const [key, [name, fallback]] of Object.entries(settingsFromEnv) as [keyof GitHubClientSettings, [string, number]][]) {
    const raw = env[name]?.trim();
    const value = raw ? Number(raw) : fallback;
    if (!Number.isInteger(value) || value < 0 || (key === 'timeoutMs' && value === 0)) {
      throw new Error(`Unexpected ${name} "${raw}", expected a whole number${key === 'timeoutMs' ? ' above 0' : ' (0 or more)'}`);
    }
    out[key] = value;
  }
  return out;
}

/** True for a request that changes something and cannot safely be sent twice (creating a comment, a review, a check run …). */
function notRepeatable(method: string, url: string): boolean {
  if (method !== 'POST') return false;
  const path = new URL(url).pathname;
  // GraphQL queries only read; a new installation token is just another token.
  return !/\/graphql$/.test(path) && !/\/app\/installations\/\d+\/access_tokens$/.test(path);
}

/**
 * fetch with a deadline for the whole answer. The body is read here, inside the deadline, so a
 * connection cut mid-answer fails the request (and it is retried) instead of reading as empty.
 */
export function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return async (input, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const url = input instanceof Request ? input.url : String(input);
    const deadline = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(input, { ...init, signal: init.signal ? AbortSignal.any([init.signal, deadline]) : deadline });
      const body = [101, 204, 205, 304].includes(response.status) ? null : await response.arrayBuffer();
      const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
      Object.defineProperty(copy, 'url', { value: response.url });
      return copy;
    } catch (error) {
      if (!notRepeatable(method, url)) throw error;
      // No answer to a write: it may have been carried out, so it is not sent again (Octokit
      // retries failed requests but leaves an AbortError alone). The next event re-derives state.
      const cause = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message;
      throw Object.assign(new Error(`No answer to ${method} ${new URL(url).pathname} (${cause}); not repeated, as it may have been carried out`), {
        name: 'AbortError',
        cause: error,
      });
    }
  };
}

/** The write limiters, one pair per process (and per Redis connection), shared by all installations' clients. */
const writeLimiters = new Map<unknown, { write: Bottleneck.Group; notifications: Bottleneck.Group }>();

function writeLimiter(intervalMs: number, throttle: { Bottleneck?: typeof Bottleneck; connection?: unknown }) {
  let groups = writeLimiters.get(throttle.connection);
  if (!groups) {
    const B = throttle.Bottleneck ?? Bottleneck;
    // Same shape as @octokit/plugin-throttling's own groups (1 s and 3 s), with our interval.
    const group = (id: string, minTime: number) =>
      new B.Group({ id, maxConcurrent: 1, minTime, timeout: 120_000, ...(throttle.connection ? { connection: throttle.connection } : {}) } as Bottleneck.ConstructorOptions);
    groups = { write: group('ler-map-write', intervalMs), notifications: group('ler-map-notifications', intervalMs * 3) };
    writeLimiters.set(throttle.connection, groups);
  }
  return groups;
}

type RequestOptions = { method: string; url: string };

/** Probot's Octokit configured for production with these settings; logs its waits on `log`. */
export function productionOctokit(settings: GitHubClientSettings, log: Logger): typeof ProbotOctokit {
  const rateLimited = (kind: string) => (retryAfter: number, options: RequestOptions, _octokit: unknown, retryCount: number) => {
    const retry = retryCount < 2 && retryAfter <= maxRateLimitWaitSeconds;
    log.warn({ request: `${options.method} ${options.url}`, retryAfter, retryCount }, `GitHub ${kind} rate limit: ${retry ? `retrying in ${retryAfter} s` : 'giving up'}`);
    return retry;
  };
  // The function form: Probot's own defaults (throttle id per installation, Redis connection) come in as `options`.
  return ProbotOctokit.defaults((options: Record<string, any>) => ({
    ...options,
    request: { ...options.request, fetch: fetchWithTimeout(settings.timeoutMs) },
    retry: { ...options.retry, retries: settings.retries, retryAfterBaseValue: settings.retryBaseMs },
    throttle:
      options.throttle?.enabled === false
        ? options.throttle
        : {
            ...options.throttle,
            onRateLimit: rateLimited('primary'),
            onSecondaryRateLimit: rateLimited('secondary'),
            fallbackSecondaryRateRetryAfter: settings.rateLimitFallbackSeconds,
            ...writeLimiter(settings.writeIntervalMs, options.throttle ?? {}),
          },
  })) as typeof ProbotOctokit;
}
