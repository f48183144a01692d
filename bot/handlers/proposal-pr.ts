// Proposals become pull requests: an accepted term or resource proposal is built into a content
// file (bot/decide/proposal.ts), committed on its own branch crediting the issue's author, and
// opened as a pull request that closes the issue. Running it again never makes a second branch or PR.
import type { IssuesConfig } from '../config-issues.ts';
import { buildProposal } from '../decide/proposal.ts';
import type { RepoRef } from '../decide/issue-triage.ts';
import type { BotEnv } from '../feature.ts';
import { gatherRepository, listComments } from '../github/issue-gather.ts';
import type { Octokit } from '../github/octokit.ts';
import { readIssueForm } from '../issue-forms/read-issue-form.ts';
import {
  commandReply,
  hasMarker,
  markerLine,
  markers,
  proposalBody,
  proposalCommitMessage,
  proposalTitle,
  type CommandNote,
} from '../messages/issues.ts';

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

export interface AcceptOptions {
  /** The maintainer who ran /accept, or undefined when auto-accepted. */
  accepter: string | undefined;
  env: BotEnv;
  log: Log;
  /**
   * How the outcome is told: returned to the caller (a command reply), or as a status comment
   * on the issue, edited in place (auto-accept, which runs on every edit).
   */
  announce: 'return' | 'status';
}

function status(error: unknown): number | undefined {
  return (error as { status?: number }).status;
}

/** The branch of an issue's proposal. */
export function proposalBranch(config: IssuesConfig, issue: number): string {
  return `${config.proposals.branch_prefix}${issue}`;
}

/** Turns the proposal in an issue into a pull request (or updates the one it already has). */
export async function acceptProposal(octokit: Octokit, repo: RepoRef, number: number, options: AcceptOptions): Promise<CommandNote> {
  const { owner, name } = repo;
  const { data: issue } = await octokit.rest.issues.get({ owner, repo: name, issue_number: number });
  const { sha, config, index, templates, matcher } = await gatherRepository(octokit, repo, options.env, options.log);
  const form = issue.pull_request || !issue.user ? undefined : readIssueForm(issue.body ?? '', templates);
  let note: CommandNote;
  if (!form || (form.template.kind !== 'term' && form.template.kind !== 'resource')) note = { kind: 'accept-not-proposal' };
  else {
    const proposal = buildProposal(form, index, matcher);
    if (!proposal.ok) note = { kind: 'accept-problems', problems: proposal.problems };
    else {
      const author = { login: issue.user!.login, id: issue.user!.id };
      const branch = proposalBranch(config, number);
      const existingPull = (await octokit.rest.pulls.list({ owner, repo: name, head: `${owner}:${branch}`, state: 'all', per_page: 10 })).data[0];
      if (existingPull && existingPull.state !== 'open') note = { kind: 'accept-existing', pull: existingPull.number };
      else {
        await ensureBranch(octokit, owner, name, branch, sha);
        const message = proposalCommitMessage(proposal.kind, proposal.name, number, author);
        const changed = await writeFile(octokit, owner, name, branch, proposal.path, proposal.text, message);
        if (existingPull) note = changed ? { kind: 'accept-opened', pull: existingPull.number, updated: true } : { kind: 'accept-existing', pull: existingPull.number };
        else {
          const { data: pull } = await octokit.rest.pulls.create({
            owner,
            repo: name,
            head: branch,
            base: repo.defaultBranch,
            title: proposalTitle(proposal.kind, proposal.name),
            body: proposalBody(number, proposal.path, options.accepter ?? 'auto-accept', author.login),
          });
          note = { kind: 'accept-opened', pull: pull.number, updated: false };
        }
      }
    }
  }
  options.log.info({ issue: number, outcome: note.kind, ...('pull' in note ? { pull: note.pull } : {}) }, 'Proposal accepted');
  if (options.announce === 'status') await announceStatus(octokit, owner, name, number, issue.user?.login ?? 'there', note);
  return note;
}

/** Creates the branch at the default branch's commit unless it exists. */
async function ensureBranch(octokit: Octokit, owner: string, repo: string, branch: string, sha: string): Promise<void> {
  try {
    await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
    return;
  } catch (error) {
    if (status(error) !== 404) throw error;
  }
  try {
    await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha });
  } catch (error) {
    // Created by a concurrent run a moment ago: the branch is there, which is what matters.
    if (status(error) !== 422) throw error;
  }
}

/** Commits the file on the branch unless it already reads so; true when a commit was made. */
async function writeFile(octokit: Octokit, owner: string, repo: string, branch: string, path: string, text: string, message: string): Promise<boolean> {
  let current: { sha: string; text: string } | undefined;
  try {
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path, ref: branch });
    if (!Array.isArray(data) && data.type === 'file' && 'content' in data) current = { sha: data.sha, text: Buffer.from(data.content, 'base64').toString('utf8') };
  } catch (error) {
    if (status(error) !== 404) throw error;
  }
  if (current?.text === text) return false;
  await octokit.rest.repos.createOrUpdateFileContents({
    owner,
    repo,
    path,
    branch,
    message,
    content: Buffer.from(text, 'utf8').toString('base64'),
    ...(current ? { sha: current.sha } : {}),
  });
  return true;
}

/** The auto-accept outcome as one status comment on the issue, edited in place. */
async function announceStatus(octokit: Octokit, owner: string, repo: string, number: number, author: string, note: CommandNote): Promise<void> {
  const reply = commandReply(author, [note]);
  if (!reply) return;
  const body = `${markerLine(markers.proposal)}\n${reply.split('\n').slice(1).join('\n')}`;
  const existing = (await listComments(octokit, owner, repo, number)).find((c) => c.isBot && hasMarker(c.body, markers.proposal));
  if (!existing) await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
  else if (existing.body !== body) await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
}
