// Check runs: created and updated by the app, annotations appended in batches of at most 50.
import { checkRunJson } from '../json.ts';
import type { CheckRun } from '../state.ts';
import { HttpError, notFound, page, repoOf, type RouteContext, type Routes } from './route.ts';

function applyOutput(ctx: RouteContext, run: CheckRun, output: Record<string, unknown> | undefined): void {
  if (!output) return;
  if (typeof output.title === 'string') run.title = output.title;
  if (typeof output.summary === 'string') run.summary = output.summary;
  if (typeof output.text === 'string') run.text = output.text;
  for (const a of (output.annotations ?? []) as Record<string, unknown>[]) {
    if ((a.start_column !== undefined || a.end_column !== undefined) && a.start_line !== a.end_line) {
      ctx.violation(`annotation with columns spans lines ${String(a.start_line)}-${String(a.end_line)} (GitHub rejects it)`);
      throw new HttpError(422, 'Validation Failed', ['start_column and end_column are only allowed on one line']);
    }
    run.annotations.push(a);
  }
}

function requireApp(ctx: RouteContext): void {
  if (ctx.identity.kind !== 'installation') throw new HttpError(403, 'Only GitHub Apps can create check runs');
}

export const checkRoutes: Routes = {
  'checks/create'(ctx) {
    const repo = repoOf(ctx);
    requireApp(ctx);
    const headSha = String(ctx.body.head_sha);
    if (!ctx.state.git.commits.has(headSha)) throw new HttpError(422, 'No commit found for SHA: ' + headSha);
    const conclusion = (ctx.body.conclusion as string | undefined) ?? null;
    const at = ctx.state.now();
    const run: CheckRun = {
      id: ctx.state.id(),
      name: String(ctx.body.name),
      headSha,
      status: conclusion ? 'completed' : ((ctx.body.status as string | undefined) ?? 'queued'),
      conclusion,
      externalId: (ctx.body.external_id as string | undefined) ?? null,
      title: null,
      summary: null,
      text: null,
      annotations: [],
      app: { id: ctx.app.id, slug: ctx.app.slug },
      startedAt: (ctx.body.started_at as string | undefined) ?? at,
      completedAt: conclusion ? ((ctx.body.completed_at as string | undefined) ?? at) : null,
    };
    applyOutput(ctx, run, ctx.body.output as Record<string, unknown> | undefined);
    repo.checkRuns.push(run);
    return { status: 201, body: checkRunJson(run, repo, ctx.base) };
  },

  'checks/update'(ctx) {
    const repo = repoOf(ctx);
    requireApp(ctx);
    const run = repo.checkRuns.find((r) => r.id === Number(ctx.params.check_run_id));
    if (!run) notFound();
    if (run.app.id !== ctx.app.id) throw new HttpError(403, 'Invalid app_id');
    if (typeof ctx.body.status === 'string') run.status = ctx.body.status;
    if (typeof ctx.body.conclusion === 'string') {
      run.conclusion = ctx.body.conclusion;
      run.status = 'completed';
      run.completedAt ??= ctx.state.now();
    }
    applyOutput(ctx, run, ctx.body.output as Record<string, unknown> | undefined);
    return { status: 200, body: checkRunJson(run, repo, ctx.base) };
  },

  'checks/get'(ctx) {
    const repo = repoOf(ctx);
    const run = repo.checkRuns.find((r) => r.id === Number(ctx.params.check_run_id));
    if (!run) notFound();
    return { status: 200, body: checkRunJson(run, repo, ctx.base) };
  },

  'checks/list-for-ref'(ctx) {
    const repo = repoOf(ctx);
    const sha = ctx.state.git.resolve(ctx.params.ref!) ?? repo.branches.get(ctx.params.ref!);
    const runs = repo.checkRuns.filter(
      (r) => r.headSha === sha && (ctx.query.check_name === undefined || r.name === ctx.query.check_name) && (ctx.query.app_id === undefined || r.app.id === ctx.query.app_id),
    );
    const result = page(ctx, runs.map((r) => checkRunJson(r, repo, ctx.base)), `/repos/${repo.fullName}/commits/${ctx.params.ref}/check-runs`);
    return { ...result, body: { total_count: runs.length, check_runs: result.body } };
  },

  'checks/list-annotations'(ctx) {
    const repo = repoOf(ctx);
    const run = repo.checkRuns.find((r) => r.id === Number(ctx.params.check_run_id));
    if (!run) notFound();
    return page(ctx, run.annotations, `/repos/${repo.fullName}/check-runs/${run.id}/annotations`);
  },
};
