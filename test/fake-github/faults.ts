// Fault injection for the fake GitHub: rules that make the next N matching requests fail the way
// GitHub and networks fail — 5xx, secondary rate limits (403/429, with or without retry-after),
// slow answers and timeouts, connection resets, 404s and 422s — so tests can prove the bot copes.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What happens to a matching request. */
export type Fault =
  /** Answers with this status and GitHub's error body; the request never reaches the fake's state. */
  | { kind: 'status'; status: number; message: string; errors?: unknown[]; headers?: Record<string, string> }
  /**
   * Waits before handling the request. A client that gives up meanwhile (a timeout) leaves a
   * request that is then dropped unhandled, as if it never reached GitHub's backend.
   */
  | { kind: 'delay'; ms: number }
  /** Destroys the connection without an answer (ECONNRESET on the client). */
  | { kind: 'reset' };

/** Which requests a rule matches and what it does to them. */
export interface FaultRule {
  /** HTTP method; any when absent. */
  method?: string;
  /** The request path without query (`/repos/o/r/pulls/1/files`, `/graphql`), exact or a pattern. */
  path: string | RegExp;
  /** For `POST /graphql`: the operation name of the query (`query PullRequestCheck(…)`). */
  operation?: string;
  /** How many matching requests it affects (default 1; `Infinity` for every one). */
  times?: number;
  fault: Fault;
}

/** A request the fault module saw, with its arrival time (to measure back-off between retries). */
export interface SeenRequest {
  method: string;
  path: string;
  operation?: string;
  at: number;
  /** The fault injected into it, if any. */
  fault?: Fault['kind'];
  status?: number;
}

const docs = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api';

/** Ready-made faults shaped like GitHub's own answers. */
export const faults = {
  /** A server error (500, 502, 503, 504). */
  serverError: (status = 500): Fault => ({ kind: 'status', status, message: status === 502 ? 'Server Error' : status === 503 ? 'Service Unavailable' : 'Internal Server Error' }),
  /** GitHub's secondary rate limit: 403 (or 429) with its message, and `retry-after` in seconds when given. */
  secondaryRateLimit: (retryAfterSeconds?: number, status: 403 | 429 = 403): Fault => ({
    kind: 'status',
    status,
    message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
    headers: retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
  }),
  /** A bare 429 Too Many Requests (no rate-limit message), with `retry-after` when given. */
  tooManyRequests: (retryAfterSeconds?: number): Fault => ({
    kind: 'status',
    status: 429,
    message: 'Too Many Requests',
    headers: retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
  }),
  /** The primary rate limit: 403 with `x-ratelimit-remaining: 0` and the reset time. */
  rateLimit: (resetInSeconds: number): Fault => ({
    kind: 'status',
    status: 403,
    message: 'API rate limit exceeded for installation.',
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '5000', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + resetInSeconds) },
  }),
  /** 404, e.g. a deleted branch or fork. */
  notFound: (message = 'Not Found'): Fault => ({ kind: 'status', status: 404, message }),
  /** 422, e.g. a review comment on a line outside the diff. */
  unprocessable: (message = 'Unprocessable Entity', errors: unknown[] = ['Pull request review thread line must be part of the diff']): Fault => ({
    kind: 'status',
    status: 422,
    message,
    errors,
  }),
  /** A slow answer (or, past the client's timeout, no answer at all). */
  delay: (ms: number): Fault => ({ kind: 'delay', ms }),
  /** A connection reset. */
  reset: (): Fault => ({ kind: 'reset' }),
};

/** The GraphQL operation name of a request body (`query Name(…) {…}`), if any. */
function operationOf(body: string): string | undefined {
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    return typeof query === 'string' ? /^\s*(?:query|mutation)\s+([A-Za-z_]\w*)/.exec(query)?.[1] : undefined;
  } catch {
    return undefined;
  }
}

/** The fault rules of one fake, consulted for every request before it is handled. */
export class Faults {
  private readonly rules: { rule: FaultRule; left: number }[] = [];
  /** Every request seen (faulted or not), in arrival order. */
  readonly seen: SeenRequest[] = [];

  /** Adds a rule; rules are tried in the order they were added. */
  add(rule: FaultRule): this {
    this.rules.push({ rule, left: rule.times ?? 1 });
    return this;
  }

  /** Removes every rule and forgets the requests seen. */
  clear(): void {
    this.rules.length = 0;
    this.seen.length = 0;
  }

  /** Rules that have not used up their count. */
  get pending(): FaultRule[] {
    return this.rules.filter((r) => r.left > 0).map((r) => r.rule);
  }

  /** The requests a fault was injected into. */
  get hits(): SeenRequest[] {
    return this.seen.filter((s) => s.fault !== undefined);
  }

  /**
   * Applies the first matching rule to a request. Returns what was answered when the request
   * ends here, or undefined when the fake should go on handling it (after a delay, perhaps).
   */
  async intercept(req: IncomingMessage, res: ServerResponse, method: string, path: string, body: string): Promise<{ status: number; fault: Fault['kind'] } | undefined> {
    const operation = method === 'POST' && path === '/graphql' ? operationOf(body) : undefined;
    const seen: SeenRequest = { method, path, ...(operation ? { operation } : {}), at: Date.now() };
    this.seen.push(seen);
    const entry = this.rules.find(
      ({ rule, left }) =>
        left > 0 &&
        (rule.method === undefined || rule.method.toUpperCase() === method) &&
        (typeof rule.path === 'string' ? rule.path === path : rule.path.test(path)) &&
        (rule.operation === undefined || rule.operation === operation),
    );
    if (!entry) return undefined;
    entry.left--;
    const fault = entry.rule.fault;
    seen.fault = fault.kind;
    switch (fault.kind) {
      case 'status': {
        seen.status = fault.status;
        const answer = JSON.stringify({ message: fault.message, ...(fault.errors ? { errors: fault.errors } : {}), documentation_url: docs });
        res.writeHead(fault.status, { 'content-type': 'application/json; charset=utf-8', ...fault.headers }).end(answer);
        return { status: fault.status, fault: 'status' };
      }
      case 'reset':
        seen.status = 0;
        req.socket.destroy();
        return { status: 0, fault: 'reset' };
      case 'delay': {
        let gone = false;
        res.once('close', () => (gone = true));
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        // The client gave up (timed out): the request is dropped, never handled.
        if (gone || req.socket.destroyed) {
          seen.status = 0;
          return { status: 0, fault: 'delay' };
        }
        return undefined;
      }
    }
  }
}
