// `npm start` also starts the bot: the real server with credentials, Probot's setup page
// without them; a bot that cannot start leaves the site preview running.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { freePort } from '../support/free-port.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/index.ts';
import { startApiV3Proxy } from '../bot/api-v3-proxy.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

async function poll(what: string, url: string, log: () => string, seconds = 90): Promise<Response> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    try {
      return await fetch(url, { redirect: 'manual' });
    } catch {
      if (Date.now() > until) throw new Error(`Timed out waiting for ${what}:\n${log()}`);
      await new Promise((ok) => setTimeout(ok, 250));
    }
  }
}

/** Runs `npm start` (scripts/start.ts) on free ports with the environment given (no inherited credentials). */
async function start(env: Record<string, string>, botPort?: number) {
  const output = await mkdtemp(join(tmpdir(), 'ler-start-bot-'));
  cleanup.push(output);
  const port = await freePort();
  const bot = botPort ?? (await freePort());
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(APP_ID|PRIVATE_KEY|PRIVATE_KEY_PATH|WEBHOOK_SECRET|PORT|BOT_PORT|NODE_ENV)$/.test(k)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--port', String(port), '--output', output, '--bot-port', String(bot)], {
    cwd: repoRoot,
    env: { ...inherited, NO_SMEE_SETUP: 'true', ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  return { child, exited, log: () => log, site: `http://localhost:${port}/`, bot: `http://localhost:${bot}` };
}

describe('npm start and the bot', () => {
  it("without credentials serves Probot's setup page next to the site, and Ctrl+C stops both", async () => {
    const run = await start({});
    try {
      const setup = await poll('the setup page', `${run.bot}/probot`, run.log);
      expect(setup.status).toBe(200);
      expect(await setup.text()).toContain('name="manifest"');
      expect((await poll('the site', run.site, run.log)).status).toBe(200);
    } finally {
      run.child.kill('SIGINT');
    }
    expect(await run.exited, run.log()).toBe(0);
    expect(run.log()).toMatch(/^\[bot\] .*"msg":"Stopped"/m);
    await expect(fetch(`${run.bot}/probot`)).rejects.toThrow();
  }, 180_000);

  describe('with credentials', () => {
    let fake: FakeGitHub;
    let proxy: Awaited<ReturnType<typeof startApiV3Proxy>>;
    beforeAll(async () => {
      fake = await startFakeGitHub();
      proxy = await startApiV3Proxy(fake.url);
    });
    afterAll(async () => {
      await proxy.stop();
      await fake.stop();
    });

    it('runs the real bot server (health endpoint, webhook path)', async () => {
      const run = await start({ APP_ID: String(fake.app.id), PRIVATE_KEY: fake.app.privateKey, WEBHOOK_SECRET: 'secret', GHE_HOST: proxy.host, GHE_PROTOCOL: 'http' });
      try {
        const health = await poll('/healthz', `${run.bot}/healthz`, run.log);
        expect(health.status).toBe(200);
        // The webhook path is Probot's: an unsigned delivery is refused there.
        const hook = await fetch(`${run.bot}/api/github/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-github-event': 'ping', 'x-github-delivery': '1' }, body: '{}' });
        expect(hook.status).toBe(400);
      } finally {
        run.child.kill('SIGINT');
      }
      expect(await run.exited, run.log()).toBe(0);
    }, 180_000);
  });

  it('keeps the site running when the bot cannot start (its port is taken)', async () => {
    const taken: Server = createServer();
    await new Promise<void>((ok) => taken.listen(0, 'localhost', ok));
    const run = await start({}, (taken.address() as { port: number }).port);
    try {
      expect((await poll('the site', run.site, run.log)).status).toBe(200);
      const until = Date.now() + 60_000;
      while (!run.log().includes('[bot] stopped') && Date.now() < until) await new Promise((ok) => setTimeout(ok, 200));
      expect(run.log()).toMatch(/\[bot\] stopped \(exit code 1\); the others keep running/);
      expect((await fetch(run.site)).status).toBe(200);
    } finally {
      run.child.kill('SIGINT');
      taken.close();
    }
    expect(await run.exited, run.log()).toBe(0);
  }, 180_000);
});
