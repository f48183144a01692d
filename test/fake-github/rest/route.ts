// What a REST route of the fake receives and returns, and shared helpers (errors, pages).
import type { Account, FakeState, Issue, Repository } from '../state.ts';

/** Who is calling: the app itself (JWT), one of its installations (token), or nobody. */
export type Identity =
  | { kind: 'app' }
  | { kind: 'installation'; installationId: number; bot: Account }
  | { kind: 'user'; user: Account }
  | { kind: 'anonymous' };

export interface RouteContext {
  state: FakeState;
  /** The fake's base URL (http://127.0.0.1:port). */
  base: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  // The body was validated against the operation's schema before the route runs.
  body: any;
  identity: Identity;
  app: { id: number; slug: string; name: string; owner: Account };
  installations: Map<number, { id: number; account: Account }>;
  issueToken(installationId: number): string;
  /** Records a problem the bot caused that GitHub would reject or that breaks a promise (fails the test). */
  violation(problem: string): void;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: Buffer;
}

export type Route = (ctx: RouteContext) => RouteResult;

/** Routes keyed by the OpenAPI operationId they implement. */
export type Routes = Record<string, Route>;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: unknown[],
  ) {
    super(message);
  }
}

export function notFound(): never {
  throw new HttpError(404, 'Not Found');
}

/** The repository of `{owner}/{repo}` path parameters, or 404. */
export function repoOf(ctx: RouteContext): Repository {
  const repo = ctx.state.repo(`${ctx.params.owner}/${ctx.params.repo}`);
  if (!repo) notFound();
  return repo;
}

/** The issue (or pull request) of `{issue_number}` / `{pull_number}`, or 404. */
export function issueOf(ctx: RouteContext, repo: Repository, pullOnly = false): Issue {
  const n = Number(ctx.params.issue_number ?? ctx.params.pull_number);
  const issue = repo.issues.get(n);
  if (!issue || (pullOnly && !issue.pull)) notFound();
  return issue;
}

/** The account acting: the installation's bot, or the user. */
export function actor(ctx: RouteContext): Account {
  if (ctx.identity.kind === 'installation') return ctx.identity.bot;
  if (ctx.identity.kind === 'user') return ctx.identity.user;
  throw new HttpError(401, 'Requires authentication');
}

/** One page of a list with GitHub's `Link` header (`per_page` default 30, max 100). */
export function page<T>(ctx: RouteContext, items: T[], path: string): RouteResult {
  const perPage = Math.min(Number(ctx.query.per_page ?? 30), 100);
  const current = Number(ctx.query.page ?? 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const links: string[] = [];
  const url = (p: number) => `<${ctx.base}${path}?per_page=${perPage}&page=${p}>`;
  if (current < last) links.push(`${url(current + 1)}; rel="next"`, `${url(last)}; rel="last"`);
  if (current > 1) links.push(`${url(1)}; rel="first"`, `${url(current - 1)}; rel="prev"`);
  return {
    status: 200,
    body: items.slice((current - 1) * perPage, current * perPage),
    headers: links.length ? { link: links.join(', ') } : {},
  };
}
