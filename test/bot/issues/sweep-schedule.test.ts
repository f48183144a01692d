// The `needs info` sweep as the daily `schedule` workflow runs it: the production bundle's
// actions entry (`node dist/actions-entry.js`) with the workflow's environment, against the fake.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub } from '../../fake-github/index.ts';
import { issueRoutes, stateReasonOf } from '../../fake-github/issue-routes.ts';
import { startApiV3Proxy } from '../api-v3-proxy.ts';
import { buildBot } from '../build-bot.ts';

let outdir: string;
let workdir: string;

beforeAll(async () => {
  outdir = await buildBot();
  workdir = await mkdtemp(join(tmpdir(), 'ler-bot-sweep-'));
}, 120_000);

afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
  await rm(workdir, { recursive: true, force: true });
});

describe('schedule workflow', () => {
  it('reminds once on an unanswered `needs info` issue, then closes it kindly on a later day', async () => {
    const fake = await startFakeGitHub({ routes: issueRoutes });
    const proxy = await startApiV3Proxy(fake.url);
    try {
      const repo = fake.state.createRepo('ler/map', { 'README.md': 'map\n' });
      // The fake's clock is in 2025: the label is far more than 7 days old for the real clock.
      const issue = fake.state.openIssue(repo, { user: 'quiet', title: 'Something is unclear', body: 'Hmm.' });
      fake.state.addLabel(repo, issue, 'needs info', fake.state.account('maintainer'));
      const answered = fake.state.openIssue(repo, { user: 'talkative', title: 'Another', body: 'x' });
      fake.state.addLabel(repo, answered, 'needs info', fake.state.account('maintainer'));
      fake.state.comment(answered, answered.user, 'Here is what you asked for.');
      const installationId = fake.install('ler');
      const app = new Octokit({ baseUrl: fake.url, authStrategy: createAppAuth, auth: { appId: fake.app.id, privateKey: fake.app.privateKey, installationId } });
      const { token } = (await app.auth({ type: 'installation' })) as { token: string };
      const event = join(workdir, 'schedule.json');
      await writeFile(event, JSON.stringify({ schedule: '17 6 * * *' }));
      const runEntry = async () => {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(outdir, 'actions-entry.js')], {
          cwd: workdir,
          env: { PATH: process.env.PATH ?? '', HOME: workdir, GITHUB_REPOSITORY: 'ler/map', GITHUB_API_URL: proxy.url, GITHUB_TOKEN: token, GITHUB_EVENT_NAME: 'schedule', GITHUB_EVENT_PATH: event },
        });
        return stdout + stderr;
      };

      await runEntry();
      expect(issue.comments.map((c) => c.body.split('\n')[0])).toEqual(['<!-- ler-map:needs-info-reminder -->']);
      expect(issue.state).toBe('open');
      expect(answered.comments).toHaveLength(1);

      await runEntry();
      expect(issue.state).toBe('closed');
      expect(stateReasonOf(issue)).toBe('not_planned');
      expect(issue.comments.at(-1)!.body).toContain('we are closing this issue for now');
      expect(answered.state).toBe('open');
      expect(fake.violations).toEqual([]);
    } finally {
      await proxy.stop();
      await fake.stop();
    }
  });
});
