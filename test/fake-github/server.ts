// The fake GitHub's HTTP server on 127.0.0.1: authenticates, validates every request against
// GitHub's OpenAPI description (REST) or GraphQL schema, routes it to the in-memory state,
// and keeps a request log and a list of violations for the test to assert on.
import { createVerify, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Faults } from './faults.ts';
import { runGraphql, githubSchema } from './graphql.ts';
import { loadOpenApi, validateRequest } from './openapi.ts';
import { routes as defaultRoutes } from './rest/index.ts';
import { HttpError, type Identity, type RouteContext, type Routes } from './rest/route.ts';
import { FakeState, type Account } from './state.ts';
import { writeTarball } from './tar.ts';

/** One request as the fake saw it. */
export interface LoggedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: string;
  status: number;
  operationId?: string;
  body?: unknown;
  /** `"GET /repos/o/r/pulls/1/files"` (or `"POST /graphql"`), for assertions. */
  line: string;
  /** The fault injected instead of handling it (see faults.ts). */
  fault?: string;
}

export interface FakeGitHubOptions {
  /** Milliseconds added before every response (to measure round trips). */
  latencyMs?: number;
  /** The app's slug; its bot account is `<slug>[bot]`. */
  appSlug?: string;
  /** Extra or replacement REST routes keyed by operationId. */
  routes?: Routes;
}

export class FakeGitHub {
  readonly state = new FakeState();
  /** Problems with the requests made (unknown route, invalid body, rejected review …). Assert empty. */
  readonly violations: string[] = [];
  readonly requests: LoggedRequest[] = [];
  /** Fault injection: rules that make matching requests fail (faults.ts). */
  readonly faults = new Faults();
  readonly app: { id: number; slug: string; name: string; owner: Account; privateKey: string; publicKey: KeyObject; bot: Account };
  readonly installations = new Map<number, { id: number; account: Account }>();
  private readonly tokens = new Map<string, number>();
  private readonly tarballs = new Map<string, Buffer>();
  private readonly routes: Routes;
  private server: Server | undefined;
  latencyMs: number;
  url = '';

  constructor(options: FakeGitHubOptions = {}) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const slug = options.appSlug ?? 'ler-map-bot';
    this.app = {
      id: 4242,
      slug,
      name: 'LER Map Bot',
      owner: this.state.account('ler-map', 'Organization'),
      privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      publicKey,
      bot: this.state.account(`${slug}[bot]`, 'Bot'),
    };
    this.latencyMs = options.latencyMs ?? 0;
    this.routes = { ...defaultRoutes, ...options.routes };
  }

  /** Installs the app on an account; returns the installation id for webhook payloads. */
  install(accountLogin: string): number {
    const id = this.state.id();
    this.installations.set(id, { id, account: this.state.account(accountLogin) });
    return id;
  }

  /** Starts listening on a free loopback port. Loads the API descriptions first. */
  async start(): Promise<this> {
    loadOpenApi();
    githubSchema();
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.violations.push(`fake crashed on ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** The request lines in order (`"POST /repos/o/r/check-runs"`). */
  get log(): string[] {
    return this.requests.map((r) => r.line);
  }

  /** Forgets logged requests (between steps of a scenario). Violations are kept. */
  clearLog(): void {
    this.requests.length = 0;
  }

  /** Requests made to GitHub's API (REST and GraphQL), leaving out archive downloads from the download host. */
  get apiRequests(): LoggedRequest[] {
    return this.requests.filter((r) => !r.path.startsWith('/_codeload/'));
  }

  private identify(req: IncomingMessage): Identity {
    const header = req.headers.authorization ?? '';
    const [scheme, credential] = header.split(' ');
    if (!credential) return { kind: 'anonymous' };
    if (scheme?.toLowerCase() === 'bearer' && credential.split('.').length === 3) {
      return this.verifyJwt(credential) ? { kind: 'app' } : { kind: 'anonymous' };
    }
    const installationId = this.tokens.get(credential);
    if (installationId !== undefined) return { kind: 'installation', installationId, bot: this.app.bot };
    return { kind: 'anonymous' };
  }

  /** Verifies an app JWT (RS256, issued by this app, not expired) as GitHub does. */
  private verifyJwt(jwt: string): boolean {
    const [head, payload, signature] = jwt.split('.') as [string, string, string];
    const verifier = createVerify('RSA-SHA256');
    verifier.update(`${head}.${payload}`);
    if (!verifier.verify(this.app.publicKey, Buffer.from(signature, 'base64url'))) return false;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { iss?: unknown; exp?: number };
    return String(claims.iss) === String(this.app.id) && typeof claims.exp === 'number' && claims.exp * 1000 > Date.now();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const line = `${method} ${url.pathname}`;
    const identity = this.identify(req);
    const violation = (problem: string) => this.violations.push(`${line}: ${problem}`);
    const injected = await this.faults.intercept(req, res, method, url.pathname, rawBody);
    if (injected) {
      this.requests.push({ method, path: url.pathname, query: url.search, status: injected.status, line, fault: injected.fault });
      return;
    }
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));

    let status = 200;
    let body: unknown;
    let raw: Buffer | undefined;
    let headers: Record<string, string> = {};
    let operationId: string | undefined;
    let parsedBody: unknown;
    try {
      if (method === 'POST' && url.pathname === '/graphql') {
        parsedBody = JSON.parse(rawBody || '{}');
        ({ status, body } = runGraphql(this.state, identity, parsedBody as { query?: unknown }, violation));
      } else if (method === 'GET' && url.pathname.startsWith('/_codeload/')) {
        raw = this.codeload(url.pathname);
        headers = { 'content-type': 'application/x-gzip' };
      } else {
        const checked = validateRequest(method, url.pathname, url.searchParams, rawBody);
        operationId = checked.operation?.operationId;
        if (!checked.ok) {
          violation(checked.problem);
          throw new HttpError(checked.status, checked.status === 404 ? 'Not Found' : 'Invalid request', [checked.problem]);
        }
        parsedBody = checked.body;
        const route = this.routes[checked.operation.operationId];
        if (!route) {
          violation(`the fake does not implement ${checked.operation.operationId} yet (add it to test/fake-github/rest/)`);
          throw new HttpError(501, `Not implemented in the fake: ${checked.operation.operationId}`);
        }
        if (identity.kind === 'anonymous') {
          violation('request without valid credentials');
          throw new HttpError(401, 'Bad credentials');
        }
        const ctx: RouteContext = {
          state: this.state,
          base: this.url,
          params: checked.params,
          query: checked.query,
          body: checked.body ?? {},
          identity,
          app: this.app,
          installations: this.installations,
          issueToken: (installationId) => {
            const token = `ghs_${randomBytes(18).toString('hex')}`;
            this.tokens.set(token, installationId);
            return token;
          },
          violation,
        };
        const result = route(ctx);
        status = result.status;
        body = result.body;
        headers = result.headers ?? {};
      }
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      status = error.status;
      body = { message: error.message, ...(error.errors ? { errors: error.errors } : {}), documentation_url: 'https://docs.github.com/rest' };
    }
    this.requests.push({ method, path: url.pathname, query: url.search, status, operationId, body: parsedBody, line });
    if (raw) {
      res.writeHead(status, { ...headers, 'content-length': raw.byteLength }).end(raw);
    } else if (body === undefined) {
      res.writeHead(status, headers).end();
    } else {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(text);
    }
  }

  private codeload(path: string): Buffer {
    const m = /^\/_codeload\/([^/]+)\/([^/]+)\/legacy\.tar\.gz\/([0-9a-f]{40})$/.exec(path);
    if (!m) throw new HttpError(404, 'Not Found');
    const [, owner, name, sha] = m as unknown as [string, string, string, string];
    let tarball = this.tarballs.get(sha);
    if (!tarball) {
      const commit = this.state.git.get(sha);
      const files: [string, Buffer][] = [...commit.tree].map(([p, blob]) => [p, this.state.git.blobs.get(blob)!]);
      tarball = writeTarball(`${owner}-${name}-${sha.slice(0, 7)}`, sha, files, undefined, commit.symlinks);
      this.tarballs.set(sha, tarball);
    }
    return tarball;
  }
}

/** Creates and starts a fake GitHub. Remember `await fake.stop()` in afterEach/afterAll. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  return new FakeGitHub(options).start();
}
