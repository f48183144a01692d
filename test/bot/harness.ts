// Runs the bot as GitHub would see it: Probot's real HTTP middleware on a loopback port,
// authenticated as the fake's App (RSA key generated in the test), talking to the fake GitHub.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createNodeMiddleware, Probot, ProbotOctokit, type ApplicationFunction } from 'probot';
import { deliver, type FakeGitHub } from '../fake-github/index.ts';

export interface RunningApp {
  url: string;
  secret: string;
  probot: Probot;
  /** Log records (pino JSON objects) the app wrote, for assertions on errors. */
  logs: Record<string, unknown>[];
  /** Delivers a signed webhook and resolves when Probot has answered (handlers finished). */
  deliver(event: string, payload: Record<string, unknown>, options?: { deliveryId?: string }): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
}

/** Octokit for tests: throttling and retries off (the function form; the object form is ignored). */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, any>) => ({
  ...options,
  throttle: { ...options.throttle, enabled: false },
  retry: { enabled: false },
}));

/** Starts the app under Probot's HTTP middleware against the fake. */
export async function startApp(fake: FakeGitHub, appFn: ApplicationFunction): Promise<RunningApp> {
  const secret = 'test-webhook-secret';
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const log = pino({ level: 'info' }, stream);
  const probot = new Probot({
    appId: fake.app.id,
    privateKey: fake.app.privateKey,
    secret,
    baseUrl: fake.url,
    Octokit: TestOctokit as typeof ProbotOctokit,
    log,
  });
  const middleware = await createNodeMiddleware(appFn, { probot });
  const server: Server = createServer((req, res) => {
    void middleware(req, res, () => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  return {
    url,
    secret,
    probot,
    logs,
    deliver: (event, payload, options) => deliver(url, secret, event, payload, options),
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
