// Applies planned actions to GitHub. Independent actions run in parallel; labels are created
// before they are added; a check run's annotations go 50 per request, as GitHub requires.
import type { Octokit, RepoRef } from '../github/octokit.ts';
import type { CheckAnnotation, PlannedAction } from './actions.ts';

/** GitHub accepts at most this many annotations per check run request. */
export const annotationsPerRequest = 50;

type Of<T extends PlannedAction['type']> = Extract<PlannedAction, { type: T }>;

async function createCheckRun(octokit: Octokit, { owner, repo }: RepoRef, a: Of<'create-check-run'>): Promise<void> {
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < a.annotations.length; i += annotationsPerRequest) batches.push(a.annotations.slice(i, i + annotationsPerRequest));
  const output = (annotations: CheckAnnotation[] | undefined) => ({ title: a.title, summary: a.summary, ...(annotations?.length ? { annotations } : {}) });
  const { data } = await octokit.rest.checks.create({
    owner,
    repo,
    name: a.name,
    head_sha: a.headSha,
    status: 'completed',
    conclusion: a.conclusion,
    completed_at: a.completedAt,
    external_id: a.externalId,
    output: output(batches[0]),
  });
  // Each update appends its annotations to the run's list.
  for (const batch of batches.slice(1)) {
    await octokit.rest.checks.update({ owner, repo, check_run_id: data.id, output: output(batch) });
  }
}

/** Awaits a request, treating one HTTP status as success (the state it reports is the one wanted). */
async function tolerate(status: number, request: Promise<unknown>): Promise<void> {
  try {
    await request;
  } catch (error) {
    if ((error as { status?: number }).status !== status) throw error;
  }
}

async function applyOne(octokit: Octokit, target: RepoRef, action: PlannedAction): Promise<void> {
  const { owner, repo } = target;
  switch (action.type) {
    case 'create-check-run':
      return createCheckRun(octokit, target, action);
    case 'create-label':
      // Another replica or the labels sync may have created it a moment ago: then it exists, as wanted.
      await tolerate(422, octokit.rest.issues.createLabel({ owner, repo, name: action.name, color: action.color, description: action.description }));
      return;
    case 'add-labels':
      await octokit.rest.issues.addLabels({ owner, repo, issue_number: action.issue, labels: action.labels });
      return;
    case 'remove-label':
      // Someone took it off in the meantime: it is gone, as wanted.
      await tolerate(404, octokit.rest.issues.removeLabel({ owner, repo, issue_number: action.issue, name: action.label }));
      return;
    case 'create-comment':
      await octokit.rest.issues.createComment({ owner, repo, issue_number: action.issue, body: action.body });
      return;
    case 'update-comment':
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: action.commentId, body: action.body });
      return;
    case 'create-review':
      await octokit.rest.pulls.createReview({
        owner,
        repo,
        pull_number: action.pull,
        commit_id: action.commitId,
        event: 'COMMENT',
        body: action.body,
        comments: action.comments.map((c) => ({
          path: c.path,
          line: c.line,
          side: 'RIGHT',
          ...(c.startLine !== undefined ? { start_line: c.startLine, start_side: 'RIGHT' } : {}),
          body: c.body,
        })),
      });
      return;
  }
}

/** The failures of some planned actions, with the actions that failed (the others were applied). */
export class ActionsFailed extends AggregateError {
  constructor(
    readonly failed: PlannedAction[],
    errors: unknown[],
  ) {
    super(errors, `${errors.length} of the planned actions failed: ${errors.map((e) => (e as Error).message).join('; ')}`);
    this.name = 'ActionsFailed';
  }
}

/**
 * Applies actions to a repository. Label creation comes before adding labels; everything else
 * runs in parallel. One failed action does not stop the others; the failures are thrown together
 * as ActionsFailed.
 */
export async function executeActions(octokit: Octokit, target: RepoRef, actions: readonly PlannedAction[]): Promise<void> {
  const creates = actions.filter((a) => a.type === 'create-label');
  const labelling = actions.filter((a) => a.type === 'add-labels');
  const rest = actions.filter((a) => a.type !== 'create-label' && a.type !== 'add-labels');
  const labelsChain = async () => {
    const created = await Promise.allSettled(creates.map((a) => applyOne(octokit, target, a)));
    const failed = created.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed.length) throw new AggregateError(failed.map((f) => f.reason), 'creating labels failed');
    for (const a of labelling) await applyOne(octokit, target, a);
  };
  const results = await Promise.allSettled([labelsChain(), ...rest.map((a) => applyOne(octokit, target, a))]);
  const failed: PlannedAction[] = [];
  const errors: unknown[] = [];
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') return;
    errors.push(r.reason);
    failed.push(...(i === 0 ? [...creates, ...labelling] : [rest[i - 1]!]));
  });
  if (errors.length) throw new ActionsFailed(failed, errors);
}
