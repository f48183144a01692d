// Labels as code: applies .github/labels.yml on installation and when it changes on the default branch.
import type { Context, Probot } from 'probot';
import type { Feature } from '../feature.ts';
import { planLabelsSync, type LabelsSyncPlan } from '../decide/labels-sync.ts';
import { labelsFilePath, readLabelsFile, type LabelSpec, type LabelsFileProblem } from '../labels-file.ts';
import { labelsCheckName, labelsFileCheck } from '../messages/labels.ts';

type Octokit = Context['octokit'];
type Log = Context['log'];

/** What one sync did, for logs and tests. */
export interface LabelsSyncResult {
  repository: string;
  /** `no-file` when the repository has no labels file; `invalid` when it has problems. */
  outcome: 'synced' | 'no-file' | 'invalid';
  created: string[];
  updated: string[];
  /** Problems in the labels file, each at its line and column. */
  problems: LabelsFileProblem[];
}

/** The labels sync feature: `installation.created`, `installation_repositories.added`, `push`. */
export const labelsSync: Feature = { name: 'labels-sync', register: registerLabelsSync };

function registerLabelsSync(app: Probot): void {
  app.on('installation.created', async (context) => {
    for (const repository of context.payload.repositories ?? []) {
      await syncRepository(context.octokit, repository.full_name, undefined, context.log);
    }
  });
  app.on('installation_repositories.added', async (context) => {
    for (const repository of context.payload.repositories_added) {
      await syncRepository(context.octokit, repository.full_name, undefined, context.log);
    }
  });
  app.on('push', async (context) => {
    const { payload } = context;
    if (payload.ref !== `refs/heads/${payload.repository.default_branch}` || payload.deleted) return;
    // GitHub lists at most 2048 commits in a push; beyond that, sync rather than guess.
    const touched = payload.commits.length >= 2048 || payload.commits.some((c) => [...(c.added ?? []), ...(c.modified ?? [])].includes(labelsFilePath));
    if (!touched) return;
    const result = await syncRepository(context.octokit, payload.repository.full_name, payload.after, context.log);
    if (result.outcome === 'invalid') await reportInvalidFile(context.octokit, payload.repository.full_name, payload.after, result.problems, context.log);
  });
}

/**
 * Makes the repository's labels match its labels file (read from `ref`, or the default
 * branch): creates missing labels and updates colour and description; never deletes one.
 */
export async function syncRepository(octokit: Octokit, fullName: string, ref: string | undefined, log: Log): Promise<LabelsSyncResult> {
  const [owner, repo] = fullName.split('/');
  const result: LabelsSyncResult = { repository: fullName, outcome: 'synced', created: [], updated: [], problems: [] };
  const text = await readFile(octokit, owner, repo, ref);
  if (text === undefined) {
    log.info({ repository: fullName }, `No ${labelsFilePath}; labels left as they are`);
    return { ...result, outcome: 'no-file' };
  }
  const { labels, problems } = readLabelsFile(text);
  if (problems.length) {
    // Apply nothing from a file with mistakes: a half-applied file is harder to reason about.
    result.problems = problems;
    const printed = problems.map((p) => `${labelsFilePath}:${p.line}:${p.column}: ${p.message}`);
    log.warn({ repository: fullName, problems: printed }, `${labelsFilePath} has problems; no labels changed`);
    return { ...result, outcome: 'invalid' };
  }
  const existing = (await octokit.paginate(octokit.rest.issues.listLabelsForRepo, { owner, repo, per_page: 100 })).map(
    (l): LabelSpec => ({ name: l.name, color: l.color, description: l.description ?? '' }),
  );
  const plan: LabelsSyncPlan = planLabelsSync(labels, existing);
  for (const label of plan.create) {
    try {
      await octokit.rest.issues.createLabel({ owner, repo, ...label });
      result.created.push(label.name);
    } catch (error) {
      // Another replica (or a person) created it a moment ago: update it instead.
      if ((error as { status?: number }).status !== 422) throw error;
      await octokit.rest.issues.updateLabel({ owner, repo, name: label.name, color: label.color, description: label.description });
      result.updated.push(label.name);
    }
  }
  for (const label of plan.update) {
    await octokit.rest.issues.updateLabel({ owner, repo, name: label.current, new_name: label.name, color: label.color, description: label.description });
    result.updated.push(label.name);
  }
  log.info({ repository: fullName, created: result.created.length, updated: result.updated.length }, 'Labels synced');
  return result;
}

async function readFile(octokit: Octokit, owner: string, repo: string, ref: string | undefined): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path: labelsFilePath, ...(ref ? { ref } : {}) });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}

/** A failing "Labels" check on the pushed commit says what is wrong in the file, at its lines. */
async function reportInvalidFile(octokit: Octokit, fullName: string, sha: string, problems: LabelsFileProblem[], log: Log): Promise<void> {
  const [owner, repo] = fullName.split('/');
  // GitHub takes at most 50 annotations per request; a labels file never has that many problems.
  const annotations = problems.slice(0, 50).map((p) => ({
    path: labelsFilePath,
    start_line: p.line,
    end_line: p.line,
    annotation_level: 'failure' as const,
    message: p.message,
  }));
  try {
    await octokit.rest.checks.create({
      owner,
      repo,
      name: labelsCheckName,
      head_sha: sha,
      status: 'completed',
      conclusion: 'failure',
      output: { ...labelsFileCheck(labelsFilePath, problems), annotations },
    });
  } catch (error) {
    // Without checks: write (e.g. a narrower Actions token) the log line is the report.
    log.warn({ err: error }, 'Could not report the labels file problems as a check run');
  }
}
