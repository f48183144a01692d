// The end-to-end rig: the fake GitHub (OpenAPI-checked, with fault injection) holding this
// project's content, issue forms and labels, and the production bot process pointed at it.
// Helpers arrange pull requests and issues in the fake and build their webhook payloads from
// @octokit/webhooks-examples; tests deliver them to the bot and assert the fake's final state.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { readContentFiles } from '#core';
import { readLabelsFile } from '../../bot/labels-file.ts';
import {
  checkRunPayload,
  checkSuitePayload,
  pullRequestPayload,
  startFakeGitHub,
  type Account,
  type CheckRun,
  type Comment,
  type FakeGitHub,
  type FileChanges,
  type Issue,
  type Repository,
} from '../fake-github/index.ts';
import { issueRoutes } from '../fake-github/issue-routes.ts';
import { issueCommentPayload, issuePayload } from '../fake-github/issue-webhooks.ts';
import { repoRoot, startBotProcess, type BotProcess } from './bot-process.ts';

type Payload = Record<string, any>;

/** Every file under a folder of this checkout, keyed by repository path. */
async function filesUnder(folder: string): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  for (const entry of await readdir(join(repoRoot, folder), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    out[relative(repoRoot, full).split(sep).join('/')] = await readFile(full);
  }
  return out;
}

/** The repository as the bot would find it: content/, issue forms, a README and a package.json. */
export async function projectFiles(): Promise<FileChanges> {
  const content = await readContentFiles(repoRoot);
  return {
    ...Object.fromEntries(content.map((f) => [f.path, Buffer.from(f.content)])),
    ...(await filesUnder('.github/ISSUE_TEMPLATE')),
    'README.md': '# LER Ecosystem Map\n',
    'package.json': '{ "name": "ler-ecosystem-map" }\n',
  };
}

export interface Rig {
  fake: FakeGitHub;
  repo: Repository;
  installationId: number;
  bot: BotProcess;
  /** The bot's own account (`<slug>[bot]`). */
  botAccount: Account;
  /** Pushes `changes` to a new branch (of `headRepo`, a fork, when given) and opens a pull request; no event is sent. */
  openPull(changes: FileChanges, options?: { user?: string; branch?: string; headRepo?: Repository; title?: string }): Issue;
  /** Pushes more changes to a pull request's branch; returns the previous head. */
  push(pull: Issue, changes: FileChanges): string;
  /** A `pull_request.<action>` payload for the pull request as it is now. */
  pullEvent(pull: Issue, action: string, options?: { sender?: Account; before?: string; changes?: Payload }): Payload;
  /** A `check_suite.rerequested` or `check_run.rerequested` payload for the pull request's head. */
  rerunEvent(pull: Issue, kind: 'check_run' | 'check_suite', sender: Account): Payload;
  /** Opens an issue in the fake; no event is sent. */
  openIssue(user: string, title: string, body: string): Issue;
  /** An `issues.<action>` payload. */
  issueEvent(issue: Issue, action: string, options?: { sender?: Account; changes?: Payload }): Payload;
  /** Adds a comment in the fake and returns it with its `issue_comment.created` payload. */
  comment(issue: Issue, user: Account | string, body: string): { comment: Comment; payload: Payload };
  /** Delivers and expects a 2xx answer. */
  send(event: string, payload: Payload, options?: { deliveryId?: string }): Promise<void>;
  /** The bot's comments on an issue or pull request. */
  botComments(issue: Issue): Comment[];
  /** The bot's check runs on a commit, oldest first. */
  checkRuns(headSha: string): CheckRun[];
  stop(): Promise<void>;
}

/** Starts the fake with this project's content and the bot process (from a built bundle, removed on stop) against it. */
export async function startRig(bundle: string, env: Record<string, string> = {}): Promise<Rig> {
  const fake = await startFakeGitHub({ routes: issueRoutes });
  const repo = fake.state.createRepo('ler-map/ler-ecosystem-map', await projectFiles());
  // The repository's labels as the labels sync leaves them.
  const { labels } = readLabelsFile(await readFile(join(repoRoot, '.github/labels.yml'), 'utf8'));
  for (const l of labels) fake.state.createLabel(repo, l.name, l.color, l.description);
  const installationId = fake.install('ler-map');
  const bot = await startBotProcess(bundle, fake, env);
  let branches = 0;
  const rig: Rig = {
    fake,
    repo,
    installationId,
    bot,
    botAccount: fake.app.bot,
    openPull(changes, o = {}) {
      const headRepo = o.headRepo ?? repo;
      const branch = o.branch ?? `change-${++branches}`;
      fake.state.push(headRepo, branch, changes, 'Edit content');
      return fake.state.openPullRequest(repo, { head: branch, headRepo, user: o.user ?? 'casey', title: o.title, authorAssociation: 'CONTRIBUTOR' });
    },
    push(pull, changes) {
      const before = pull.pull!.headSha;
      fake.state.push(pull.pull!.headRepo!, pull.pull!.headRef, changes, 'Edit content');
      return before;
    },
    pullEvent: (pull, action, o = {}) => pullRequestPayload(fake, repo, pull, action, { installationId, ...o }),
    rerunEvent(pull, kind, sender) {
      if (kind === 'check_suite') return checkSuitePayload(fake, repo, pull.pull!.headSha, 'rerequested', { installationId, sender, pulls: [pull] });
      const run = rig.checkRuns(pull.pull!.headSha).at(-1)!;
      return checkRunPayload(fake, repo, run, 'rerequested', { installationId, sender, pulls: [pull] });
    },
    openIssue: (user, title, body) => fake.state.openIssue(repo, { user, title, body }),
    issueEvent: (issue, action, o = {}) => issuePayload(fake, repo, issue, action, { installationId, ...o }),
    comment(issue, user, body) {
      const comment = fake.state.comment(issue, typeof user === 'string' ? fake.state.account(user) : user, body);
      return { comment, payload: issueCommentPayload(fake, repo, issue, comment, 'created', { installationId }) };
    },
    async send(event, payload, options) {
      const answer = await bot.deliver(event, payload, options);
      if (answer.status >= 300) throw new Error(`the bot answered ${event} with ${answer.status}: ${answer.body}`);
    },
    botComments: (issue) => issue.comments.filter((c) => c.user.login === fake.app.bot.login),
    checkRuns: (headSha) => repo.checkRuns.filter((r) => r.headSha === headSha && r.app.id === fake.app.id),
    async stop() {
      await bot.stop();
      await fake.stop();
      // Each test file builds its own bundle for its rig.
      await rm(bundle, { recursive: true, force: true });
    },
  };
  return rig;
}

/** A glossary term file: valid unless the front matter or body says otherwise. */
export function term(name: string, body = `A short definition of ${name.toLowerCase()} for the test.`, front = ''): string {
  return `---\nterm: ${name}\n${front}related:\n  - holder\n  - verifier\n---\n${body}\n`;
}
