// Issue triage: on issues opened, edited or reopened, and on the author's replies, gather the
// issue's whole state, decide (bot/decide/issue-triage.ts) and make GitHub match: labels, one
// acknowledgement edited in place, reopening, and the proposal pull request when auto-accepted.
import type { Probot } from 'probot';
import { labelColor, type IssuesConfig } from '../config-issues.ts';
import { decideIssueTriage, type RepoRef, type TriagePlan } from '../decide/issue-triage.ts';
import type { BotEnv, Feature } from '../feature.ts';
import { gatherRepository, listComments, listOpenIssues, listRepoLabels, type IssueComment } from '../github/issue-gather.ts';
import type { Octokit } from '../github/octokit.ts';
import { hasMarker, markers } from '../messages/issues.ts';
import { acceptProposal } from './proposal-pr.ts';

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

export interface TriageOptions {
  /** The event is the author editing the issue. */
  editedByAuthor?: boolean;
  /** A maintainer ran /needs-info now. */
  maintainerAskedForInfo?: boolean;
  log: Log;
}

/** The issue triage feature. */
export const issueTriage: Feature = { name: 'issue-triage', register };

function register(app: Probot, env: BotEnv): void {
  app.on(['issues.opened', 'issues.edited', 'issues.reopened'], async (context) => {
    const { issue, repository, sender, action } = context.payload;
    // The bot's own changes (and other apps') are not feedback to triage.
    if (sender.type === 'Bot') return;
    const repo = { owner: repository.owner.login, name: repository.name, defaultBranch: repository.default_branch };
    await triageIssue(context.octokit, repo, issue.number, env, { editedByAuthor: action === 'edited' && sender.id === issue.user?.id, log: context.log });
  });
  app.on('issue_comment.created', async (context) => {
    const { issue, comment, repository, sender } = context.payload;
    if (issue.pull_request || sender.type === 'Bot' || comment.user?.id !== issue.user.id) return;
    // Only an author's reply can change triage: it answers `needs info` or reopens a closed issue.
    const repo = { owner: repository.owner.login, name: repository.name, defaultBranch: repository.default_branch };
    await triageIssue(context.octokit, repo, issue.number, env, { log: context.log });
  });
}

/** The bot's acknowledgement among an issue's comments. */
export function findAcknowledgement(comments: IssueComment[]): IssueComment | undefined {
  return comments.find((c) => c.isBot && hasMarker(c.body, markers.triage));
}

/** Triages one issue from its current state on GitHub; returns the plan it carried out. */
export async function triageIssue(octokit: Octokit, repo: RepoRef, number: number, env: BotEnv, options: TriageOptions): Promise<TriagePlan | undefined> {
  const { owner, name } = repo;
  const { data: issue } = await octokit.rest.issues.get({ owner, repo: name, issue_number: number });
  if (issue.pull_request || !issue.user) return undefined;
  const [{ config, templates, matcher }, comments, openIssues] = await Promise.all([
    gatherRepository(octokit, repo, env, options.log),
    listComments(octokit, owner, name, number),
    listOpenIssues(octokit, owner, name),
  ]);
  const ack = findAcknowledgement(comments);
  const closedNote = comments.filter((c) => c.isBot && hasMarker(c.body, markers.closed)).at(-1);
  const now = env.now();
  const plan = decideIssueTriage(
    {
      repo,
      issue: {
        number,
        title: issue.title,
        body: issue.body ?? '',
        state: issue.state === 'closed' ? 'closed' : 'open',
        author: { login: issue.user.login, id: issue.user.id },
        authorAssociation: issue.author_association ?? 'NONE',
        labels: issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
      },
      ...(ack ? { acknowledgement: { id: ack.id, body: ack.body } } : {}),
      authorCommentTimes: comments.filter((c) => !c.isBot && c.login === issue.user!.login).map((c) => c.createdAt),
      ...(closedNote ? { closedForInfoAt: closedNote.createdAt } : {}),
      editedByAuthor: options.editedByAuthor ?? false,
      ...(options.maintainerAskedForInfo ? { maintainerAskedForInfoAt: now.toISOString() } : {}),
      templates,
      openIssues: openIssues.filter((o) => o.number !== number),
    },
    matcher,
    config,
    now,
  );

  await applyLabels(octokit, owner, name, number, plan.add, plan.remove, config);
  if (!ack) await octokit.rest.issues.createComment({ owner, repo: name, issue_number: number, body: plan.comment });
  else if (plan.commentChanged) await octokit.rest.issues.updateComment({ owner, repo: name, comment_id: ack.id, body: plan.comment });
  if (plan.reopen) await octokit.rest.issues.update({ owner, repo: name, issue_number: number, state: 'open', state_reason: 'reopened' });
  options.log.info(
    { issue: number, add: plan.add, remove: plan.remove, comment: !ack ? 'created' : plan.commentChanged ? 'updated' : 'unchanged', duplicates: plan.duplicates.map((d) => d.number) },
    'Issue triaged',
  );
  if (plan.autoAccept) await acceptProposal(octokit, repo, number, { accepter: undefined, env, log: options.log, announce: 'status' });
  return plan;
}

/** Adds and removes labels, creating missing ones with their configured colours first. */
export async function applyLabels(octokit: Octokit, owner: string, repo: string, issue: number, add: string[], remove: string[], config: IssuesConfig): Promise<void> {
  if (add.length > 0) {
    const existing = new Set((await listRepoLabels(octokit, owner, repo)).map((l) => l.toLowerCase()));
    for (const name of add) {
      if (existing.has(name.toLowerCase())) continue;
      try {
        await octokit.rest.issues.createLabel({ owner, repo, name, color: labelColor(config, name) });
      } catch (error) {
        // Created a moment ago by another event: it exists, which is all that matters.
        if ((error as { status?: number }).status !== 422) throw error;
      }
    }
    await octokit.rest.issues.addLabels({ owner, repo, issue_number: issue, labels: add });
  }
  for (const name of remove) {
    try {
      await octokit.rest.issues.removeLabel({ owner, repo, issue_number: issue, name });
    } catch (error) {
      // Already gone (someone removed it meanwhile): nothing to do.
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }
}
