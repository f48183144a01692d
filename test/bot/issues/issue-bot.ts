// A scenario rig for the issue features: the fake GitHub (OpenAPI-checked, with the issue routes)
// holding this checkout's content, issue forms and labels, and the real Probot server running
// the issue features, driven by signed webhooks built from @octokit/webhooks-examples.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ProbotOctokit } from 'probot';
import { createApp } from '../../../bot/index.ts';
import { commands } from '../../../bot/handlers/commands.ts';
import { issueTriage } from '../../../bot/handlers/issue-triage.ts';
import { readLabelsFile } from '../../../bot/labels-file.ts';
import { startFakeGitHub, type Account, type Comment, type FakeGitHub, type Issue, type Repository } from '../../fake-github/index.ts';
import { issueRoutes } from '../../fake-github/issue-routes.ts';
import { issueCommentPayload, issuePayload } from '../../fake-github/issue-webhooks.ts';
import { startApp, type RunningApp } from '../harness.ts';
import { repoRoot } from './local-content.ts';

async function filesUnder(folder: string): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else out[relative(repoRoot, full).split('\\').join('/')] = await readFile(full);
    }
  };
  await walk(join(repoRoot, folder));
  return out;
}

export interface IssueBot {
  fake: FakeGitHub;
  repo: Repository;
  app: RunningApp;
  installationId: number;
  /** An Octokit authenticated as the installation (for calling exported functions directly). */
  octokit(): Promise<InstanceType<typeof ProbotOctokit>>;
  /** Opens an issue as `user` (with the labels its form sets) and delivers `issues.opened`. */
  open(user: string, title: string, body: string, labels?: string[]): Promise<Issue>;
  /** Edits the issue body as `user` and delivers `issues.edited`. */
  edit(issue: Issue, user: string, body: string): Promise<void>;
  /** Comments as `user` and delivers `issue_comment.created`. */
  comment(issue: Issue, user: string, body: string): Promise<Comment>;
  /** Edits a comment and delivers `issue_comment.edited` with the previous body. */
  editComment(issue: Issue, comment: Comment, body: string): Promise<void>;
  /** The bot's comments on an issue. */
  botComments(issue: Issue): Comment[];
  account(login: string): Account;
  stop(): Promise<void>;
}

/** Starts the fake and the bot with this checkout's content (and optional files on top). */
export async function startIssueBot(extraFiles: Record<string, string> = {}): Promise<IssueBot> {
  const fake = await startFakeGitHub({ routes: issueRoutes });
  const files = { ...(await filesUnder('content')), ...(await filesUnder('.github/ISSUE_TEMPLATE')), ...extraFiles };
  const repo = fake.state.createRepo('ler/map', files);
  // The repository's labels as .github/labels.yml makes them (the labels sync has run).
  const { labels } = readLabelsFile(await readFile(join(repoRoot, '.github/labels.yml'), 'utf8'));
  for (const l of labels) fake.state.createLabel(repo, l.name, l.color, l.description);
  const installationId = fake.install('ler');
  const app = await startApp(fake, createApp({ features: [issueTriage, commands], now: () => new Date(fake.state.clock) }));
  const deliver = async (event: string, payload: Record<string, unknown>) => {
    const result = await app.deliver(event, payload);
    if (result.status !== 200) throw new Error(`delivery of ${event} answered ${result.status}: ${result.body}`);
  };
  return {
    fake,
    repo,
    app,
    installationId,
    octokit: () => app.probot.auth(installationId) as Promise<InstanceType<typeof ProbotOctokit>>,
    async open(user, title, body, labels = []) {
      const issue = fake.state.openIssue(repo, { user, title, body });
      // GitHub applies a form's labels on the author's behalf when they exist.
      for (const name of labels) if (repo.labels.has(name.toLowerCase())) fake.state.addLabel(repo, issue, name, issue.user);
      await deliver('issues', issuePayload(fake, repo, issue, 'opened', { installationId }));
      return issue;
    },
    async edit(issue, user, body) {
      const previous = issue.body;
      issue.body = body;
      issue.updatedAt = fake.state.now();
      await deliver('issues', issuePayload(fake, repo, issue, 'edited', { installationId, sender: fake.state.account(user), changes: { body: { from: previous } } }));
    },
    async comment(issue, user, body) {
      const c = fake.state.comment(issue, fake.state.account(user), body);
      await deliver('issue_comment', issueCommentPayload(fake, repo, issue, c, 'created', { installationId }));
      return c;
    },
    async editComment(issue, comment, body) {
      const previous = comment.body;
      comment.body = body;
      comment.history.push(body);
      await deliver('issue_comment', issueCommentPayload(fake, repo, issue, comment, 'edited', { installationId, previousBody: previous }));
    },
    botComments: (issue) => issue.comments.filter((c) => c.user.type === 'Bot'),
    account: (login) => fake.state.account(login),
    async stop() {
      await app.stop();
      await fake.stop();
    },
  };
}
