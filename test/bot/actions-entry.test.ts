// The bot inside GitHub Actions: `node dist/actions-entry.js` as bot.yml runs it, with the
// workflow's environment (GITHUB_TOKEN, GITHUB_EVENT_NAME, GITHUB_EVENT_PATH …) and the fake GitHub.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adjustPayload, examplePayload, startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '../fake-github/index.ts';
import { issueRoutes } from '../fake-github/issue-routes.ts';
import { HttpError } from '../fake-github/rest/route.ts';
import { startApiV3Proxy } from './api-v3-proxy.ts';
import { buildBot } from './build-bot.ts';

const labelsYml = '- name: feedback\n  color: fbca04\n  description: Feedback on a page\n- name: needs info\n  color: d876e3\n  description: Waiting for the author\n';

let outdir: string;
let workdir: string;
let fake: FakeGitHub;
let proxy: Awaited<ReturnType<typeof startApiV3Proxy>>;

beforeAll(async () => {
  outdir = await buildBot();
  workdir = await mkdtemp(join(tmpdir(), 'ler-bot-actions-'));
}, 120_000);

afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
  await rm(workdir, { recursive: true, force: true });
});

async function start(options: FakeGitHubOptions = {}) {
  fake = await startFakeGitHub({ ...options, routes: { ...issueRoutes, ...options.routes } });
  proxy = await startApiV3Proxy(fake.url);
  const repo = fake.state.createRepo('ler/map', { '.github/labels.yml': labelsYml });
  const installationId = fake.install('ler');
  // What Actions hands the workflow: a short-lived installation token for this repository.
  const app = new Octokit({ baseUrl: fake.url, authStrategy: createAppAuth, auth: { appId: fake.app.id, privateKey: fake.app.privateKey, installationId } });
  const { token } = (await app.auth({ type: 'installation' })) as { token: string };
  return { repo, installationId, token };
}

afterEach(async () => {
  await proxy.stop();
  await fake.stop();
  expect(fake.violations).toEqual([]);
});

/** Runs the entry like the workflow step `node dist/actions-entry.js`; resolves with its exit code and output. */
async function runEntry(env: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(outdir, 'actions-entry.js')], {
      cwd: workdir,
      env: { PATH: process.env.PATH ?? '', HOME: workdir, GITHUB_RUN_ID: '4711', GITHUB_REPOSITORY: 'ler/map', GITHUB_API_URL: proxy.url, ...env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

async function eventFile(payload: unknown): Promise<string> {
  const path = join(workdir, `event-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, JSON.stringify(payload));
  return path;
}

describe('bot.yml entry', () => {
  it('handles the workflow event with @probot/adapter-github-actions (push changing the labels file)', async () => {
    const { repo, installationId, token } = await start();
    const payload = examplePayload('push');
    Object.assign(payload, { ref: 'refs/heads/main', after: repo.branches.get('main'), deleted: false, commits: [{ ...payload.commits?.[0], added: [], removed: [], modified: ['.github/labels.yml'] }] });
    adjustPayload(fake, payload, repo, fake.state.account('maintainer'), installationId);
    const result = await runEntry({ GITHUB_TOKEN: token, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: await eventFile(payload) });
    expect(result.code, result.output).toBe(0);
    expect([...repo.labels.values()].map((l) => [l.name, l.color])).toEqual([
      ['feedback', 'fbca04'],
      ['needs info', 'd876e3'],
    ]);
    // The requests reached the fake only through the API URL Actions gave (GITHUB_API_URL).
    expect(fake.log.filter((l) => l === 'POST /repos/ler/map/labels').length).toBe(2);
  });

  it('runs the labels sync and the needs-info sweep on workflow_dispatch', async () => {
    const { repo, token } = await start();
    // The fake's clock is in 2025, so the label is weeks old for the real clock: time to remind.
    const issue = fake.state.openIssue(repo, { user: 'quiet', title: 'Unclear', body: 'Hmm.' });
    fake.state.addLabel(repo, issue, 'needs info', fake.state.account('maintainer'));
    const result = await runEntry({ GITHUB_TOKEN: token, GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_EVENT_PATH: await eventFile({}) });
    expect(result.code, result.output).toBe(0);
    expect([...repo.labels.keys()].sort()).toEqual(['feedback', 'needs info']);
    expect(repo.labels.get('needs info')?.color).toBe('d876e3');
    expect(issue.comments.map((c) => c.body.split('\n')[0])).toEqual(['<!-- ler-map:needs-info-reminder -->']);
  });

  it('fails a scheduled run that cannot finish, with one clear log line', async () => {
    const { token } = await start({ routes: { 'issues/list-for-repo': () => { throw new HttpError(403, 'Resource not accessible by integration'); } } });
    const result = await runEntry({ GITHUB_TOKEN: token, GITHUB_EVENT_NAME: 'schedule', GITHUB_EVENT_PATH: await eventFile({ schedule: '17 6 * * *' }) });
    expect(result.code).toBe(1);
    expect(result.output).toContain('"msg":"The schedule run failed: Resource not accessible by integration');
  });

  it('fails the job when a handler fails, instead of passing silently', async () => {
    // 403, as for a token without the permission (not retried, unlike a 5xx).
    const failing = { 'issues/list-labels-for-repo': () => { throw new HttpError(403, 'Resource not accessible by integration'); } };
    const { repo, installationId, token } = await start({ routes: failing });
    const payload = adjustPayload(fake, Object.assign(examplePayload('push'), { ref: 'refs/heads/main', after: repo.branches.get('main'), deleted: false, commits: [{ id: 'x', added: [], removed: [], modified: ['.github/labels.yml'] }] }), repo, fake.state.account('maintainer'), installationId);
    const result = await runEntry({ GITHUB_TOKEN: token, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: await eventFile(payload) });
    expect(result.code).toBe(1);
    expect(result.output).toContain('::error::');
    expect(result.output).toContain('Resource not accessible by integration');
  });

  it('says what is missing outside GitHub Actions', async () => {
    await start();
    const result = await runEntry({ GITHUB_EVENT_NAME: 'push' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('Missing GITHUB_TOKEN, GITHUB_REPOSITORY or GITHUB_EVENT_NAME');
  });
});
