// The daily `needs info` sweep of a repository (run from the scheduled workflow, see
// bot/actions-entry.ts): one reminder when the author has not answered for N days, then a kind
// close after M more days. An author's reply reopens the issue (bot/handlers/issue-triage.ts).
import { decideNeedsInfoSweep } from '../decide/needs-info-sweep.ts';
import { listComments, readIssuesConfig } from '../github/issue-gather.ts';
import type { Octokit } from '../github/octokit.ts';
import { hasMarker, markers, needsInfoClosed, needsInfoReminder } from '../messages/issues.ts';

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

export interface SweepResult {
  repository: string;
  reminded: number[];
  closed: number[];
  /** Issues left alone, with why. */
  waiting: Array<{ issue: number; reason: string }>;
}

/** Sweeps one repository's open `needs info` issues at time `now`. */
export async function sweepNeedsInfo(octokit: Octokit, fullName: string, now: Date, log: Log): Promise<SweepResult> {
  const [owner, repo] = fullName.split('/') as [string, string];
  const { data: repository } = await octokit.rest.repos.get({ owner, repo });
  const config = await readIssuesConfig(octokit, owner, repo, repository.default_branch, log);
  const label = config.labels.needs_info;
  const result: SweepResult = { repository: fullName, reminded: [], closed: [], waiting: [] };
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, state: 'open', labels: label, per_page: 100 });
  for (const issue of issues) {
    if (issue.pull_request || !issue.user) continue;
    const author = issue.user.login;
    const events = await octokit.paginate(octokit.rest.issues.listEvents, { owner, repo, issue_number: issue.number, per_page: 100 });
    // The clock starts when the label was last put on, by the bot or by a person.
    const labeledAt = events
      .filter((e) => e.event === 'labeled' && 'label' in e && e.label?.name?.toLowerCase() === label.toLowerCase())
      .map((e) => e.created_at)
      .sort()
      .at(-1);
    if (!labeledAt) {
      result.waiting.push({ issue: issue.number, reason: 'no labeling event found' });
      continue;
    }
    const comments = await listComments(octokit, owner, repo, issue.number);
    const step = decideNeedsInfoSweep(
      {
        labeledAt,
        authorCommentTimes: comments.filter((c) => !c.isBot && c.login === author).map((c) => c.createdAt),
        reminderTimes: comments.filter((c) => c.isBot && hasMarker(c.body, markers.reminder)).map((c) => c.createdAt),
        closedTimes: comments.filter((c) => c.isBot && hasMarker(c.body, markers.closed)).map((c) => c.createdAt),
      },
      config.needs_info,
      now,
    );
    if (step.action === 'remind') {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: needsInfoReminder(author, config.needs_info.close_after_days) });
      result.reminded.push(issue.number);
    } else if (step.action === 'close') {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: needsInfoClosed(author) });
      await octokit.rest.issues.update({ owner, repo, issue_number: issue.number, state: 'closed', state_reason: 'not_planned' });
      result.closed.push(issue.number);
    } else result.waiting.push({ issue: issue.number, reason: step.reason });
  }
  log.info({ repository: fullName, reminded: result.reminded, closed: result.closed }, 'Needs-info sweep done');
  return result;
}
