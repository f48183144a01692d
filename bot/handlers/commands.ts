// Maintainers' slash commands in issue and pull request comments: read the comment (only new
// commands on an edit), check the commenter's permission on GitHub, decide (bot/decide/commands.ts)
// and act — labels, closing duplicates, asking for information, accepting proposals — then answer once.
import type { Probot } from 'probot';
import { decideCommands, duplicateNumber, isKnownCommand, mayRunCommands, newCommands, parseCommands } from '../decide/commands.ts';
import type { RepoRef } from '../decide/issue-triage.ts';
import type { BotEnv, Feature } from '../feature.ts';
import { gatherRepository, listRepoLabels, readIssuesConfig } from '../github/issue-gather.ts';
import type { Octokit } from '../github/octokit.ts';
import { readIssueForm } from '../issue-forms/read-issue-form.ts';
import { commandNotAllowed, commandReply } from '../messages/issues.ts';
import { applyLabels, triageIssue } from './issue-triage.ts';
import { acceptProposal } from './proposal-pr.ts';

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

/** The commands feature. */
export const commands: Feature = { name: 'commands', register };

function register(app: Probot, env: BotEnv): void {
  app.on(['issue_comment.created', 'issue_comment.edited'], async (context) => {
    const { comment, issue, repository, sender } = context.payload;
    if (sender.type === 'Bot' || comment.user?.type === 'Bot') return;
    // On an edit only what was added runs: editing a comment must not repeat its commands.
    const previous = context.payload.action === 'edited' ? (context.payload.changes.body?.from ?? comment.body) : undefined;
    const found = previous === undefined ? parseCommands(comment.body) : newCommands(comment.body, previous);
    if (found.length === 0) return;
    const repo = { owner: repository.owner.login, name: repository.name, defaultBranch: repository.default_branch };
    await runCommands(context.octokit, repo, { issue: issue.number, commentId: comment.id, commenter: sender.login, commands: found }, env, context.log);
  });
}

/** The commenter's permission on the repository, or undefined when GitHub does not know them. */
async function permissionOf(octokit: Octokit, owner: string, repo: string, username: string) {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username });
    return { permission: data.permission, role_name: data.role_name };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}

/** Runs the commands of one comment. */
export async function runCommands(
  octokit: Octokit,
  repo: RepoRef,
  input: { issue: number; commentId: number; commenter: string; commands: ReturnType<typeof parseCommands> },
  env: BotEnv,
  log: Log,
): Promise<void> {
  const { owner, name } = repo;
  const say = (body: string) => octokit.rest.issues.createComment({ owner, repo: name, issue_number: input.issue, body });
  const permission = await permissionOf(octokit, owner, name, input.commenter);
  if (!mayRunCommands(permission)) {
    // Readers who write something slash-like get no answer; known commands get a polite one.
    if (input.commands.some((c) => isKnownCommand(c.name))) await say(commandNotAllowed(input.commenter));
    log.info({ issue: input.issue, commenter: input.commenter, commands: input.commands.map((c) => c.name) }, 'Commands ignored: no triage or write access');
    return;
  }
  const names = new Set(input.commands.map((c) => c.name));
  const { data: issue } = await octokit.rest.issues.get({ owner, repo: name, issue_number: input.issue });
  const needsRepo = names.has('page') || names.has('accept');
  const context = needsRepo ? await gatherRepository(octokit, repo, env, log) : undefined;
  const needsLabels = names.has('label') || names.has('unlabel') || names.has('page') || names.has('duplicate');
  const repoLabels = needsLabels ? await listRepoLabels(octokit, owner, name) : [];
  const duplicateArg = input.commands.find((c) => c.name === 'duplicate');
  const n = duplicateArg ? duplicateNumber(duplicateArg.args) : undefined;
  let duplicateTarget: { number: number; exists: boolean } | undefined;
  if (n !== undefined && n !== input.issue) {
    try {
      await octokit.rest.issues.get({ owner, repo: name, issue_number: n });
      duplicateTarget = { number: n, exists: true };
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
      duplicateTarget = { number: n, exists: false };
    }
  }
  // Commands that need no content read only the configuration (one request, not the content).
  const config = context?.config ?? (await readIssuesConfig(octokit, owner, name, repo.defaultBranch, log));
  const form = context && !issue.pull_request ? readIssueForm(issue.body ?? '', context.templates) : undefined;
  const plan = decideCommands(
    {
      commands: input.commands,
      commenter: input.commenter,
      permission,
      issue: {
        number: input.issue,
        isPullRequest: Boolean(issue.pull_request),
        labels: issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
        ...(form ? { kind: form.template.kind } : {}),
      },
      repoLabels,
      pages: context?.matcher.pages ?? new Map(),
      ...(duplicateTarget ? { duplicateTarget } : {}),
    },
    config,
  );

  await applyLabels(octokit, owner, name, input.issue, plan.addLabels, [], config);
  for (const label of plan.removeLabels) {
    try {
      await octokit.rest.issues.removeLabel({ owner, repo: name, issue_number: input.issue, name: label });
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }
  if (plan.needsInfo) {
    // On an issue the acknowledgement says what is asked; a pull request just gets the label.
    if (issue.pull_request) await applyLabels(octokit, owner, name, input.issue, [config.labels.needs_info], [], config);
    else await triageIssue(octokit, repo, input.issue, env, { maintainerAskedForInfo: true, log });
  }
  let reply = plan.reply;
  if (plan.accept) {
    const outcome = await acceptProposal(octokit, repo, input.issue, { accepter: input.commenter, env, log, announce: 'return' });
    reply = commandReply(input.commenter, [...plan.notes, outcome]);
  }
  if (reply) await say(reply);
  if (plan.close) {
    await octokit.rest.issues.update({ owner, repo: name, issue_number: input.issue, state: 'closed', state_reason: 'duplicate' });
  }
  if (plan.react) await octokit.rest.reactions.createForIssueComment({ owner, repo: name, comment_id: input.commentId, content: '+1' });
  log.info({ issue: input.issue, commenter: input.commenter, add: plan.addLabels, remove: plan.removeLabels, close: plan.close, accept: plan.accept }, 'Commands run');
}

