// A fake repository holding this project's own content/ (as the bot sees the real one), plus
// the bot running against it. Shared by the pull request scenarios and the benchmark.
import { join } from 'node:path';
import { readContentFiles } from '#core';
import { createApp } from '../../bot/index.ts';
import { pullRequestPayload, startFakeGitHub, type FakeGitHub, type FileChanges, type Issue, type Repository, type Routes } from '../fake-github/index.ts';
import { startApp, type RunningApp } from './harness.ts';

export const projectRoot = join(import.meta.dirname, '..', '..');

/** The project's content/ files as text, keyed by path. */
export async function projectContent(): Promise<FileChanges> {
  const files = await readContentFiles(projectRoot);
  return Object.fromEntries(files.map((f) => [f.path, Buffer.from(f.content)]));
}

export interface Scenario {
  fake: FakeGitHub;
  bot: RunningApp;
  repo: Repository;
  installationId: number;
  /** Opens a pull request from a new branch with these changes (by `user`, a returning contributor unless said otherwise). */
  openPullRequest(changes: FileChanges, options?: { user?: string; branch?: string; draft?: boolean; firstTime?: boolean; headRepo?: Repository }): Issue;
  /** Delivers a `pull_request.<action>` event for a pull request, as GitHub would now. */
  send(issue: Issue, action: string, extra?: { before?: string; sender?: string; changes?: Record<string, unknown> }): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
}

/** Starts the fake with the project's content on `main`, and the bot (its real app function). */
export async function startScenario(options: { latencyMs?: number; extraFiles?: FileChanges; now?: () => Date; routes?: Routes } = {}): Promise<Scenario> {
  const fake = await startFakeGitHub({ latencyMs: options.latencyMs, routes: options.routes });
  const repo = fake.state.createRepo('ler-map/ler-ecosystem-map', {
    ...(await projectContent()),
    'README.md': '# LER Ecosystem Map\n',
    'package.json': '{ "name": "ler-ecosystem-map" }\n',
    ...options.extraFiles,
  });
  const installationId = fake.install('ler-map');
  const bot = await startApp(fake, createApp({ now: options.now ?? (() => new Date('2025-06-01T12:00:00Z')) }));
  let branches = 0;
  return {
    fake,
    bot,
    repo,
    installationId,
    openPullRequest(changes, o = {}) {
      const headRepo = o.headRepo ?? repo;
      const branch = o.branch ?? `change-${++branches}`;
      fake.state.push(headRepo, branch, changes, 'Edit content');
      return fake.state.openPullRequest(repo, {
        head: branch,
        headRepo,
        user: o.user ?? 'casey',
        draft: o.draft,
        authorAssociation: o.firstTime ? 'FIRST_TIME_CONTRIBUTOR' : 'CONTRIBUTOR',
      });
    },
    send(issue, action, extra = {}) {
      const payload = pullRequestPayload(fake, repo, issue, action, {
        installationId,
        ...(extra.sender ? { sender: fake.state.account(extra.sender) } : {}),
        before: extra.before,
        changes: extra.changes,
      });
      return bot.deliver('pull_request', payload);
    },
    async stop() {
      await bot.stop();
      await fake.stop();
    },
  };
}

/** The API calls the bot made, leaving out the one-time ones (installation token, label creation) and downloads. */
export function eventCalls(fake: FakeGitHub): string[] {
  return fake.apiRequests
    .map((r) => r.line)
    .filter((line) => !/^POST \/app\/installations\/\d+\/access_tokens$/.test(line) && !/^POST \/repos\/[^/]+\/[^/]+\/labels$/.test(line));
}

/** The budget of calls per pull request event: 6 + ⌈changed content files / 50⌉. */
export function callBudget(contentFiles: number): number {
  return 6 + Math.ceil(contentFiles / 50);
}
