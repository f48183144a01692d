// The production entry (`npm run build:bot`, then `node dist/main.js`) as its own process:
// setup page without credentials, health endpoint, signed webhooks, redacted logs, graceful stop.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { freePort } from '../support/free-port.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { examplePayload, signature, startFakeGitHub, type FakeGitHub } from '../fake-github/index.ts';
import { startApiV3Proxy } from './api-v3-proxy.ts';
import { buildBot, repoRoot } from './build-bot.ts';

let outdir: string;
let workdir: string;

beforeAll(async () => {
  outdir = await buildBot();
  // A clean working directory (no .env) laid out like the repository where Probot looks.
  workdir = await mkdtemp(join(tmpdir(), 'ler-bot-main-'));
  await cp(join(repoRoot, 'package.json'), join(workdir, 'package.json'));
  await cp(join(repoRoot, '.github/app.yml'), join(workdir, '.github/app.yml'));
  await cp(join(repoRoot, 'app.yml'), join(workdir, 'app.yml'), { verbatimSymlinks: true });
}, 120_000);

afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
  await rm(workdir, { recursive: true, force: true });
});

interface Bot {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const running: Bot[] = [];
afterEach(() => {
  for (const bot of running.splice(0)) bot.child.kill('SIGKILL');
});

/** Starts `node dist/main.js` (what `npm run bot` runs) with only the given environment. */
function startBot(env: Record<string, string>): Bot {
  const child = spawn(process.execPath, ['--enable-source-maps', join(outdir, 'main.js')], {
    cwd: workdir,
    env: { PATH: process.env.PATH ?? '', HOME: workdir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const bot = { child, output: () => text, exited };
  running.push(bot);
  return bot;
}

async function waitFor(url: string, bot: Bot): Promise<Response> {
  for (let i = 0; i < 200; i++) {
    if (bot.child.exitCode !== null) throw new Error(`the bot exited with ${bot.child.exitCode}:\n${bot.output()}`);
    try {
      return await fetch(url, { redirect: 'manual' });
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`no answer from ${url}:\n${bot.output()}`);
}

describe('without credentials', () => {
  it("serves Probot's setup page, which registers the App from .github/app.yml", async () => {
    const port = await freePort();
    const bot = startBot({ PORT: String(port), NO_SMEE_SETUP: 'true', LOG_LEVEL: 'info' });
    const root = await waitFor(`http://localhost:${port}/`, bot);
    expect([root.status, root.headers.get('location')]).toEqual([302, '/probot']);
    const page = await fetch(`http://localhost:${port}/probot`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const manifest = JSON.parse(/name="manifest" id="manifest" value='([^']*)'/.exec(html)![1]!) as Record<string, unknown>;
    const declared = parse(await readFile(join(repoRoot, '.github/app.yml'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: declared.name,
      description: declared.description,
      url: declared.url,
      public: false,
      default_permissions: { checks: 'write', issues: 'write', pull_requests: 'write', contents: 'write', metadata: 'read' },
      default_events: declared.default_events,
      hook_attributes: { url: `http://localhost:${port}/` },
      redirect_url: `http://localhost:${port}/probot/setup`,
    });
    expect(html).toContain('action="https://github.com/settings/apps/new"');
  });

  it('refuses to start in production, saying what is missing, without a stack trace', async () => {
    const bot = startBot({ NODE_ENV: 'production', PORT: String(await freePort()) });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('The bot could not start: App ID is missing');
    expect(bot.output()).not.toMatch(/^\s+at /m);
  });
});

describe('with credentials', () => {
  let fake: FakeGitHub;
  let proxy: Awaited<ReturnType<typeof startApiV3Proxy>>;
  let installationId: number;

  beforeAll(async () => {
    fake = await startFakeGitHub();
    proxy = await startApiV3Proxy(fake.url);
    installationId = fake.install('ler');
  });

  afterAll(async () => {
    await proxy.stop();
    await fake.stop();
  });

  const secret = 'a-webhook-secret-that-must-not-be-logged';
  const credentials = () => ({
    APP_ID: String(fake.app.id),
    PRIVATE_KEY: fake.app.privateKey,
    WEBHOOK_SECRET: secret,
    HOST: '127.0.0.1',
    GHE_HOST: proxy.host,
    GHE_PROTOCOL: 'http',
    LOG_LEVEL: 'trace',
  });

  function installation(fullName: string) {
    const repo = fake.state.createRepo(fullName, { '.github/labels.yml': '- name: feedback\n  color: fbca04\n  description: Feedback on a page\n' });
    const payload = examplePayload('installation', 'created');
    payload.installation = { ...payload.installation, id: installationId, account: { ...payload.installation.account, login: 'ler' } };
    payload.repositories = [{ id: repo.id, node_id: `R_${repo.id}`, name: repo.name, full_name: repo.fullName, private: false }];
    return { repo, body: JSON.stringify(payload) };
  }

  function post(port: number, body: string, headers: Record<string, string>) {
    return fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'installation', 'x-github-delivery': crypto.randomUUID(), ...headers },
      body,
    });
  }

  it('refuses to start without a webhook secret (Probot would accept a well-known default)', async () => {
    const env: Record<string, string> = { ...credentials(), PORT: String(await freePort()) };
    delete env.WEBHOOK_SECRET;
    const bot = startBot(env);
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('Missing WEBHOOK_SECRET, expected the webhook secret set on the GitHub App');
  });

  it('with REDIS_URL, connects its rate limiter to Redis (how replicas share one budget)', async () => {
    // A TCP listener standing in for Redis records what the bot sends on connecting.
    let received = '';
    const redis = createServer((socket) => socket.on('data', (d) => (received += d.toString())));
    await new Promise<void>((resolve) => redis.listen(0, '127.0.0.1', resolve));
    try {
      const port = await freePort();
      const bot = startBot({ ...credentials(), PORT: String(port), REDIS_URL: `redis://127.0.0.1:${(redis.address() as { port: number }).port}` });
      await waitFor(`http://127.0.0.1:${port}/healthz`, bot);
      for (let i = 0; i < 100 && !received; i++) await new Promise((r) => setTimeout(r, 50));
      // ioredis speaks RESP: an array of bulk strings, e.g. "*1\r\n$4\r\ninfo\r\n".
      expect(received).toMatch(/^\*\d+\r\n\$\d+\r\n/);
    } finally {
      redis.close();
    }
  });

  it('answers /healthz, acts on signed webhooks only, keeps secrets out of its logs and stops gracefully', async () => {
    const port = await freePort();
    const bot = startBot({ ...credentials(), PORT: String(port) });
    const health = await waitFor(`http://127.0.0.1:${port}/healthz`, bot);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    // Forged, unsigned and valid deliveries of the same event.
    const first = installation('ler/one');
    fake.clearLog();
    const forged = await post(port, first.body, { 'x-hub-signature-256': signature('wrong secret', first.body) });
    expect([forged.status, await forged.text()]).toEqual([400, expect.stringContaining('signature does not match event payload and secret')]);
    const unsigned = await post(port, first.body, {});
    expect([unsigned.status, await unsigned.text()]).toEqual([400, expect.stringContaining('Required headers missing: x-hub-signature-256')]);
    expect(fake.log).toEqual([]);
    const signed = signature(secret, first.body);
    expect((await post(port, first.body, { 'x-hub-signature-256': signed })).status).toBe(200);
    expect([...first.repo.labels.values()].map((l) => [l.name, l.color])).toEqual([['feedback', 'fbca04']]);

    // SIGTERM while a delivery is in flight: it finishes, then the process exits cleanly.
    const second = installation('ler/two');
    fake.latencyMs = 400;
    const inFlight = post(port, second.body, { 'x-hub-signature-256': signature(secret, second.body) });
    while (!fake.log.some((line) => line.includes('/repos/ler/two/'))) await new Promise((r) => setTimeout(r, 20));
    bot.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await bot.exited).toBe(0);
    fake.latencyMs = 0;
    expect([...second.repo.labels.values()].map((l) => l.name)).toEqual(['feedback']);

    // Structured logs: every line is JSON; no key, secret or signature, and redaction is at work.
    const lines = bot.output().trim().split('\n');
    const records = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(records.map((r) => r.msg)).toEqual(expect.arrayContaining(['Stopping: finishing requests in flight', 'Stopped']));
    const keyBody = fake.app.privateKey.split('\n')[1]!;
    for (const needle of [secret, signed, keyBody]) expect(bot.output()).not.toContain(needle);
    expect(bot.output()).toContain('[redacted]');
  });
});
