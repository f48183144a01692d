// The bot's container image: what the Dockerfile promises, checked here; the image itself is
// built only where a Docker engine runs (this test says so when it cannot).
import { execFile, spawn, spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { freePort } from '../support/free-port.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBot, repoRoot } from './build-bot.ts';

const run = promisify(execFile);
const dockerfile = await readFile(join(repoRoot, 'Dockerfile'), 'utf8');
const ignore = (await readFile(join(repoRoot, '.dockerignore'), 'utf8')).split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Instructions of the Dockerfile, continuation lines joined, comments left out. */
const instructions = dockerfile.replace(/\\\n\s*/g, ' ').split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
/** Instructions of the last stage: the image that runs. */
const finalStage = instructions.slice(instructions.findLastIndex((l) => l.startsWith('FROM ')));

/** Docker's .dockerignore rule: the last pattern matching the path or one of its parent folders decides. */
function excluded(path: string): boolean {
  let result = false;
  for (const raw of ignore) {
    const negated = raw.startsWith('!');
    const pattern = raw.replace(/^!/, '').replace(/^\/+|\/+$/g, '');
    const regex = globToRegExp(pattern);
    const parts = path.split('/');
    const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    if (candidates.some((c) => regex.test(c))) result = !negated;
  }
  return result;
}

/** Docker's glob: `*` and `?` stay within a folder, `**` crosses folders. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** The Docker engine, or why there is none. */
const docker = (() => {
  const info = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8' });
  if (info.error) return { available: false, reason: `no docker command (${info.error.message})` };
  if (info.status !== 0) return { available: false, reason: `no Docker engine: ${(info.stderr || info.stdout).trim().split('\n')[0]}` };
  return { available: true, reason: `Docker ${info.stdout.trim()}` };
})();
if (!docker.available) console.warn(`test/bot/docker.test.ts: the image build is NOT run here: ${docker.reason}`);

async function waitForHealth(port: number, alive: () => boolean, output: () => string): Promise<Response> {
  for (let i = 0; i < 300; i++) {
    if (!alive()) throw new Error(`the bot exited:\n${output()}`);
    try {
      return await fetch(`http://127.0.0.1:${port}/healthz`);
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`no /healthz:\n${output()}`);
}

describe('Dockerfile', () => {
  it('runs the bundle as the unprivileged node user, production dependencies only, with a health check', () => {
    expect(finalStage[0]).toMatch(/^FROM node:20-/);
    expect(finalStage).toContain('USER node');
    expect(finalStage.some((l) => /^RUN npm ci --omit=dev\b/.test(l))).toBe(true);
    expect(finalStage.some((l) => /^ENV .*NODE_ENV=production/.test(l))).toBe(true);
    expect(finalStage.some((l) => l.startsWith('HEALTHCHECK ') && l.includes('/healthz'))).toBe(true);
    expect(finalStage.at(-1)).toBe('CMD ["node", "dist/main.js"]');
    // USER comes before CMD, after the installs that need root.
    expect(finalStage.indexOf('USER node')).toBeGreaterThan(finalStage.findIndex((l) => l.startsWith('RUN npm ci')));
  });

  it('copies only files that exist and that .dockerignore lets in', () => {
    const sources = dockerfile.split('\n').filter((l) => /^COPY (?!--from)/.test(l)).flatMap((l) => l.split(/\s+/).slice(1, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(existsSync(join(repoRoot, source)), source).toBe(true);
      expect(excluded(source.replace(/^\.\//, '')), source).toBe(false);
    }
  });

  it('keeps secrets, dependencies and build output out of the build context', () => {
    for (const path of ['.env', 'bot/.env', 'app.private-key.pem', 'bot/keys/app.pem', 'node_modules/probot/package.json', 'dist/main.js', '.git/config', 'content/stakeholders/employers.md', 'test/bot/main.test.ts']) {
      expect(excluded(path), path).toBe(true);
    }
    for (const path of ['package.json', 'package-lock.json', 'tsconfig.json', 'core/index.ts', 'bot/main.ts', 'bot/handlers/labels-sync.ts']) {
      expect(excluded(path), path).toBe(false);
    }
  });

  it('the bundle imports only production dependencies and Node built-ins', async () => {
    const outdir = await buildBot();
    try {
      const imported = new Set<string>();
      for (const file of (await readdir(outdir)).filter((f) => f.endsWith('.js'))) {
        const code = await readFile(join(outdir, file), 'utf8');
        for (const m of code.matchAll(/(?:from\s*|import\s*\(?\s*)"([^"./][^"]*)"/g)) imported.add(m[1]!);
      }
      const packages = [...imported].filter((s) => !s.startsWith('node:') && !builtinModules.includes(s)).map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
      expect(packages.length).toBeGreaterThan(3);
      expect(packages.filter((p) => !(p in pkg.dependencies))).toEqual([]);
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  });
});

describe('the runtime stage, reproduced without Docker', () => {
  let stage: string;
  let outdir: string;

  beforeAll(async () => {
    outdir = await buildBot();
    // What the final stage holds: package files, `npm ci --omit=dev`, and dist/ from the build stage.
    stage = await mkdtemp(join(tmpdir(), 'ler-bot-image-'));
    for (const line of finalStage.filter((l) => /^COPY (?!--from)/.test(l))) {
      for (const source of line.split(/\s+/).slice(1, -1)) await cp(join(repoRoot, source), join(stage, source), { recursive: true });
    }
    expect(finalStage).toContain('COPY --from=build /app/dist ./dist');
    await cp(outdir, join(stage, 'dist'), { recursive: true });
    await run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: stage });
  }, 300_000);

  afterAll(async () => {
    await rm(stage, { recursive: true, force: true });
    await rm(outdir, { recursive: true, force: true });
  });

  it('starts from production dependencies alone and answers /healthz', async () => {
    expect(existsSync(join(stage, 'node_modules/esbuild'))).toBe(false);
    const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/main.js'], {
      cwd: stage,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), APP_ID: '1', PRIVATE_KEY: privateKey, WEBHOOK_SECRET: 'secret' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    try {
      const health = await waitForHealth(port, () => child.exitCode === null, () => output);
      expect(health.status).toBe(200);
      child.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
      expect(code, output).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('the image', () => {
  it.skipIf(!docker.available)(`builds and runs healthy as a non-root user (${docker.available ? docker.reason : `not run: ${docker.reason}`})`, async () => {
    const tag = `ler-map-bot-test:${process.pid}`;
    await run('docker', ['build', '-t', tag, '.'], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
    const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const { stdout: id } = await run('docker', ['run', '-d', '-p', '127.0.0.1::3000', '-e', 'APP_ID=1', '-e', `PRIVATE_KEY=${privateKey}`, '-e', 'WEBHOOK_SECRET=secret', tag]);
    const container = id.trim();
    try {
      const { stdout: mapped } = await run('docker', ['port', container, '3000/tcp']);
      const port = Number(mapped.trim().split(':').at(-1));
      const health = await waitForHealth(port, () => true, () => '');
      expect(health.status).toBe(200);
      const { stdout: uid } = await run('docker', ['exec', container, 'id', '-u']);
      expect(uid.trim()).not.toBe('0');
      await run('docker', ['stop', container]);
      const { stdout: exit } = await run('docker', ['inspect', '--format', '{{.State.ExitCode}}', container]);
      expect(exit.trim()).toBe('0');
    } finally {
      await run('docker', ['rm', '-f', container]).catch(() => undefined);
      await run('docker', ['rmi', '-f', tag]).catch(() => undefined);
    }
  }, 600_000);
});
