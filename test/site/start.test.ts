// `npm start` checks the content, serves the site with live reload, rebuilds when content changes,
// and stops everything it started on Ctrl+C (SIGINT).
import { spawn } from 'node:child_process';
import { readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { request } from 'node:http';
import { freePort } from '../support/free-port.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { copyContent, repoRoot } from './helpers.ts';

const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

/** A page's HTML, fetched as a browser navigation (the dev server adds live reload only to those). */
function get(url: string): Promise<string | undefined> {
  return new Promise((ok, fail) => {
    request(url, { headers: { accept: 'text/html', 'sec-fetch-mode': 'navigate' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => ok(res.statusCode === 200 ? body : undefined));
    })
      .on('error', fail)
      .end();
  });
}

async function poll<T>(what: string, fn: () => Promise<T | undefined>, seconds = 60): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

it('serves the site, rebuilds on a content change, and stops on Ctrl+C', async () => {
  const root = await copyContent();
  const output = await mkdtemp(join(tmpdir(), 'ler-start-'));
  cleanup.push(root, output);
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--port', String(port), '--output', output], {
    cwd: repoRoot,
    env: { ...process.env, CONTENT_ROOT: root },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  try {
    const page = `http://localhost:${port}/stakeholders/employers/`;
    const first = await poll('the site', () => get(page));
    expect(log).toMatch(/files checked/);
    expect(first).toContain('<h1>Employers</h1>');
    // Eleventy's dev server adds its live-reload client to served pages.
    expect(first).toMatch(/<script[^>]+reload-client/);

    const file = join(root, 'content/stakeholders/employers.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('name: Employers', 'name: Employers Renamed'));
    await poll('the rebuild', async () => ((await get(page))?.includes('<h1>Employers Renamed</h1>') ? true : undefined));
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited, log).toBe(0);
  await expect(fetch(`http://localhost:${port}/`)).rejects.toThrow();
}, 180_000);
