// The bot as users run it, for the end-to-end suite and the load benchmark: the production bundle
// (`npm run build:bot`) started as its own process with real environment variables, listening on
// loopback, pointed at the fake GitHub (GITHUB_API_URL), receiving real signed webhooks.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { freePort } from '../support/free-port.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signature, type FakeGitHub } from '../fake-github/index.ts';
import { buildBot, repoRoot } from '../bot/build-bot.ts';

export { buildBot, repoRoot };

/** Settings that keep waits short in tests; the defaults (1 s back-off base, 60 s fallback, 1 s write spacing) are for GitHub. */
export const fastRetries = {
  GITHUB_RETRY_BASE_MS: '50',
  GITHUB_RATE_LIMIT_FALLBACK_S: '1',
  GITHUB_WRITE_INTERVAL_MS: '0',
  // Generous: a test machine under load must not turn slowness into failures (faults.test.ts sets its own).
  GITHUB_REQUEST_TIMEOUT_MS: '10000',
};

export interface BotProcess {
  child: ChildProcess;
  port: number;
  /** The webhook URL. */
  url: string;
  secret: string;
  /** The pino records the process wrote so far. */
  logs(): Record<string, unknown>[];
  /** Everything it wrote, as text. */
  output(): string;
  /** Delivers a webhook signed as GitHub signs it; resolves with the bot's answer. */
  deliver(event: string, payload: unknown, options?: { deliveryId?: string }): Promise<{ status: number; body: string; deliveryId: string }>;
  /** Peak resident memory of the process so far (Linux VmHWM), in MB. */
  peakRssMb(): number;
  /** True while the process runs. */
  alive(): boolean;
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `node <bundle>/main.js` against the fake; resolves once /healthz answers. */
export async function startBotProcess(bundle: string, fake: FakeGitHub, env: Record<string, string> = {}): Promise<BotProcess> {
  const port = await freePort();
  const secret = `e2e-secret-${randomUUID()}`;
  // A clean working directory laid out like the repository (no .env to pick up).
  const workdir = await mkdtemp(join(tmpdir(), 'ler-bot-e2e-'));
  await cp(join(repoRoot, 'package.json'), join(workdir, 'package.json'));
  await cp(join(repoRoot, '.github/app.yml'), join(workdir, '.github/app.yml'));
  const child = spawn(process.execPath, ['--enable-source-maps', join(bundle, 'main.js')], {
    cwd: workdir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: workdir,
      NODE_ENV: 'production',
      APP_ID: String(fake.app.id),
      PRIVATE_KEY: fake.app.privateKey,
      WEBHOOK_SECRET: secret,
      HOST: '127.0.0.1',
      PORT: String(port),
      GITHUB_API_URL: fake.url,
      LOG_LEVEL: 'info',
      ...fastRetries,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  void exited.then(() => rm(workdir, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}/api/github/webhooks`;
  const bot: BotProcess = {
    child,
    port,
    url,
    secret,
    output: () => text,
    logs: () =>
      text
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    async deliver(event, payload, options = {}) {
      const body = JSON.stringify(payload);
      const deliveryId = options.deliveryId ?? randomUUID();
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'GitHub-Hookshot/e2e',
          'x-github-event': event,
          'x-github-delivery': deliveryId,
          'x-github-hook-id': '1',
          'x-hub-signature-256': signature(secret, body),
        },
        body,
      });
      return { status: res.status, body: await res.text(), deliveryId };
    },
    peakRssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
      return kb / 1024;
    },
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (bot.alive()) child.kill('SIGTERM');
      return exited;
    },
  };
  for (let i = 0; ; i++) {
    if (!bot.alive()) throw new Error(`the bot exited with ${child.exitCode}:\n${text}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      if (i > 300) throw new Error(`the bot did not answer /healthz:\n${text}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return bot;
}

/** Waits until `check` passes (it throws while not), up to `timeoutMs`; rethrows its last failure. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
