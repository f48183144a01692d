// The measurements behind `npm run bench:load` (started by scripts/bench-load.ts, which does not
// import bot/ or test/): 500 signed deliveries — a realistic mix of pull request, issue and
// comment events, some redelivered — sent 50 at a time to the production bot process against the
// fake GitHub on loopback. Then the fake's final state is audited: every delivery's effect is
// there (else it is lost) and nothing was done twice. Prints the numbers; the last line is the summary.
import { formBody, form, localContent } from '../bot/issues/local-content.ts';
import { setRole, reactionsOf } from '../fake-github/issue-routes.ts';
import type { Comment, Issue } from '../fake-github/index.ts';
import { buildBot } from './bot-process.ts';
import { startRig, term, type Rig } from './rig.ts';

const totalEvents = 500;
const concurrency = 50;
/** The whole run must finish within this, or it fails. */
const deadlineMs = Number(process.env.BENCH_DEADLINE_MS ?? 300_000);

type Payload = Record<string, unknown>;

/** One delivery: arranges the fake (a push, a comment …) and builds its payload when it is sent. */
interface Step {
  kind: string;
  event: string;
  /** Runs synchronously right before sending, so the fake and the payload agree. */
  prepare(): Payload;
  /** Sends an earlier step's payload again under the same delivery id (GitHub's redelivery). */
  redeliveryOf?: Step;
  payload?: Payload;
  deliveryId?: string;
  /** Checked after the run: true when this delivery's effect is in the final state. */
  done(): boolean;
  status?: number;
  ms?: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** A seeded random generator, so every run sends the same mix. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<number> {
  const started = Date.now();
  const { templates } = await localContent();
  const bundle = await buildBot();
  // Production settings, except the spacing of writes: GitHub asks for 1 s between writes per
  // installation (3 s for comments), which would make this a measure of waiting.
  const rig = await startRig(bundle, { GITHUB_WRITE_INTERVAL_MS: '0', GITHUB_RETRY_BASE_MS: '1000', GITHUB_RATE_LIMIT_FALLBACK_S: '60', GITHUB_REQUEST_TIMEOUT_MS: '20000' });
  const deadline = setTimeout(() => {
    console.error(`bench:load did not finish within ${deadlineMs / 1000} s`);
    process.exit(2);
  }, deadlineMs);
  deadline.unref();
  try {
    return await run(rig, templates, started);
  } finally {
    await rig.stop();
  }
}

async function run(rig: Rig, templates: Awaited<ReturnType<typeof localContent>>['templates'], started: number): Promise<number> {
  const rand = random(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  setRole(rig.repo, 'maintainer', 'maintain');
  const feedback = form(templates, 'feedback.yml');
  const termForm = form(templates, 'propose-term.yml');
  const pages = ['Employers', 'Learners and Earners', 'Credentialing Organizations', 'Glossary', 'Career Navigators'];
  const valid = (n: number, v: number) => term(`Load Term ${n}`, `A definition of load term ${n}, version ${v}.`);
  const broken = (n: number, v: number) => term(`Load Term ${n}`, `A definition of load  term ${n}, version ${v}, <b>bold</b>.`);

  const steps: Step[] = [];
  const pulls: { issue: Issue; broken: boolean }[] = [];
  const issues: Issue[] = [];
  const proposals: Issue[] = [];
  const commandComments: { issue: Issue; comment?: Comment; reply: boolean }[] = [];

  // Pull requests: opened, then pushes (fixing or breaking), sometimes reopened.
  const pullStep = (p: { issue?: Issue; broken: boolean; n: number; v: number }, action: string): Step => ({
    kind: `pull_request.${action}`,
    event: 'pull_request',
    prepare() {
      if (action === 'opened') {
        p.issue = rig.openPull({ [`content/glossary/load-term-${p.n}.md`]: p.broken ? broken(p.n, p.v) : valid(p.n, p.v) }, { user: `contributor-${p.n % 17}` });
        pulls.push(p as { issue: Issue; broken: boolean });
        return rig.pullEvent(p.issue, 'opened');
      }
      if (action === 'synchronize') {
        p.v++;
        p.broken = rand() < 0.4;
        const before = rig.push(p.issue!, { [`content/glossary/load-term-${p.n}.md`]: p.broken ? broken(p.n, p.v) : valid(p.n, p.v) });
        return rig.pullEvent(p.issue!, 'synchronize', { before });
      }
      return rig.pullEvent(p.issue!, action);
    },
    // The pull request's newest head has its check (older heads are rightly skipped).
    done: () => rig.checkRuns(p.issue!.pull!.headSha).length > 0 && (!p.broken || rig.botComments(p.issue!).length > 0),
  });

  const issueStep = (kind: 'feedback' | 'proposal' | 'free'): Step => {
    let issue: Issue;
    return {
      kind: `issues.opened (${kind})`,
      event: 'issues',
      prepare() {
        const user = `reader-${Math.floor(rand() * 40)}`;
        if (kind === 'feedback') {
          const page = pick(pages);
          issue = rig.openIssue(user, `${page}: ${pick(['wrong date', 'missing example', 'unclear wording', 'outdated link'])}`, formBody(feedback, { page, kind: pick(['Correction', 'Missing', 'Unclear', 'Outdated']), details: `The ${page.toLowerCase()} page needs a change, see issue ${steps.length}.` }));
        } else if (kind === 'proposal') {
          const n = proposals.length + 1;
          issue = rig.openIssue(user, `[Term] Load Proposal ${n}`, formBody(termForm, {
            term: `Load Proposal ${n}`,
            definition: `A term proposed while the bot is under load, number ${n}, for the benchmark.`,
            source_url: 'https://www.w3.org/TR/vc-data-model-2.0/',
            source_title: 'Verifiable Credentials Data Model v2.0',
            related_terms: ['Holder'],
          }));
          proposals.push(issue);
        } else issue = rig.openIssue(user, pick(['A question about LERs', 'Where are the resources?', 'Thanks for the map']), 'I read the map and wondered about a thing.');
        issues.push(issue);
        return rig.issueEvent(issue, 'opened');
      },
      done: () => rig.botComments(issue).some((c) => c.body.startsWith('<!-- ler-map:issue-triage')),
    };
  };

  const commentStep = (kind: 'maintainer' | 'stranger' | 'author' | 'plain' | 'accept'): Step => {
    let record: { issue: Issue; comment?: Comment; reply: boolean };
    let wanted: () => boolean = () => true;
    return {
      kind: `issue_comment.created (${kind})`,
      event: 'issue_comment',
      prepare() {
        const issue = kind === 'accept' ? pick(proposals) : pick(issues);
        let user = 'maintainer';
        let body = '';
        if (kind === 'maintainer') {
          const command = pick(['/label needs triage', '/page employers', '/help']);
          body = `Thanks!\n\n${command}`;
          record = { issue, reply: command === '/help' };
          // A label command shows as the label and a 👍 on the comment; /help as an answer.
          if (command === '/help') wanted = () => rig.botComments(issue).some((c) => c.body.includes('These commands work in comments'));
          else {
            const label = command === '/page employers' ? 'page: employers' : 'needs triage';
            wanted = () => issue.labels.includes(label) && reactionsOf(record.comment!).some((r) => r.content === '+1');
          }
        } else if (kind === 'accept') {
          body = '/accept';
          record = { issue, reply: true };
          wanted = () => [...rig.repo.issues.values()].some((i) => i.pull && new RegExp(`Closes #${issue.number}\\b`).test(i.body));
        } else if (kind === 'stranger') {
          user = `stranger-${Math.floor(rand() * 10)}`;
          body = '/label needs triage';
          record = { issue, reply: true };
        } else if (kind === 'author') {
          user = issue.user.login;
          body = 'Here is more about it: the page was updated in 2024.';
          record = { issue, reply: false };
        } else {
          user = `reader-${Math.floor(rand() * 40)}`;
          body = 'Same here, I noticed this too.';
          record = { issue, reply: false };
        }
        const { comment, payload } = rig.comment(issue, user, body);
        record.comment = comment;
        if (kind !== 'author' && kind !== 'plain') commandComments.push(record);
        if (kind === 'stranger') wanted = () => rig.botComments(issue).some((c) => c.body.includes(`@${user}: thanks! Commands like this one`));
        return payload;
      },
      done: () => wanted(),
    };
  };

  // The mix: about a third pull request events, the rest issues and comments; 5% redeliveries.
  let pullCount = 0;
  let issueSteps = 0;
  let proposalSteps = 0;
  const openPulls: { issue?: Issue; broken: boolean; n: number; v: number }[] = [];
  while (steps.length < totalEvents) {
    const r = rand();
    if (steps.length > 20 && rand() < 0.05) {
      const original = pick(steps.filter((s) => !s.redeliveryOf));
      steps.push({ ...original, kind: `${original.kind}, redelivered`, redeliveryOf: original, prepare: () => original.payload!, done: original.done });
    } else if (r < 0.12 || openPulls.length === 0) {
      const p = { broken: rand() < 0.5, n: ++pullCount, v: 0 };
      openPulls.push(p);
      steps.push(pullStep(p, 'opened'));
    } else if (r < 0.3) steps.push(pullStep(pick(openPulls), 'synchronize'));
    else if (r < 0.33) steps.push(pullStep(pick(openPulls), pick(['reopened', 'ready_for_review'])));
    else if (r < 0.45 || issueSteps < 5) {
      issueSteps++;
      steps.push(issueStep(pick(['feedback', 'feedback', 'free'])));
    } else if (r < 0.48 || proposalSteps === 0) {
      proposalSteps++;
      issueSteps++;
      steps.push(issueStep('proposal'));
    }
    else if (r < 0.64) steps.push(commentStep('maintainer'));
    else if (r < 0.67) steps.push(commentStep('accept'));
    else if (r < 0.73) steps.push(commentStep('stranger'));
    else if (r < 0.85) steps.push(commentStep('author'));
    else steps.push(commentStep('plain'));
  }
  // Comment steps pick their issue when they are sent, among those earlier steps opened.

  const rssSamples: number[] = [];
  const sampler = setInterval(() => rssSamples.push(rig.bot.peakRssMb()), 200);
  const sendStarted = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < steps.length) {
      const step = steps[next++]!;
      const payload = step.redeliveryOf ? step.redeliveryOf.payload! : step.prepare();
      step.payload = payload;
      const deliveryId = step.redeliveryOf?.deliveryId ?? crypto.randomUUID();
      step.deliveryId = deliveryId;
      const t0 = performance.now();
      const answer = await rig.bot.deliver(step.event, payload, { deliveryId });
      step.ms = performance.now() - t0;
      step.status = answer.status;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const sendMs = Date.now() - sendStarted;
  // Work answered "still processing" (202) may go on: wait until the fake hears nothing for 2 s.
  for (let quiet = 0, seen = rig.fake.requests.length; quiet < 20; ) {
    await new Promise((r) => setTimeout(r, 100));
    if (rig.fake.requests.length === seen) quiet++;
    else [quiet, seen] = [0, rig.fake.requests.length];
  }
  clearInterval(sampler);
  const peakRss = rig.bot.peakRssMb();

  // Audit the final state.
  const failedAnswers = steps.filter((s) => !s.status || s.status >= 300);
  const lost = steps.filter((s) => !s.status || s.status >= 300 || !s.done());
  let duplicates = 0;
  const duplicateKinds: Record<string, number> = {};
  const extra = (kind: string, n: number) => {
    if (n <= 0) return;
    duplicates += n;
    duplicateKinds[kind] = (duplicateKinds[kind] ?? 0) + n;
  };
  for (const { issue } of pulls) {
    extra('pull request summary comments', rig.botComments(issue).length - 1);
    const byOutcome = new Map<string, number>();
    for (const r of rig.repo.checkRuns.filter((run) => run.app.id === rig.fake.app.id && rig.fake.state.git.ancestors(issue.pull!.headSha).includes(run.headSha))) {
      const key = `${r.headSha} ${r.externalId}`;
      byOutcome.set(key, (byOutcome.get(key) ?? 0) + 1);
    }
    for (const n of byOutcome.values()) extra('check runs with the same outcome on one commit', n - 1);
    const reviews = new Map<string, number>();
    for (const r of issue.pull!.reviews) reviews.set(r.commitId, (reviews.get(r.commitId) ?? 0) + 1);
    for (const n of reviews.values()) extra('reviews of one commit', n - 1);
  }
  for (const issue of rig.repo.issues.values()) {
    if (!issue.pull) extra('acknowledgements', rig.botComments(issue).filter((c) => c.body.startsWith('<!-- ler-map:issue-triage')).length - 1);
    // A label added twice by the bot with no removal in between.
    const on = new Set<string>();
    for (const e of issue.labelEvents) {
      if (e.actor.login !== rig.botAccount.login) continue;
      if (e.action === 'labeled' && on.has(e.label)) extra('labels added twice', 1);
      if (e.action === 'labeled') on.add(e.label);
      else on.delete(e.label);
    }
  }
  for (const issue of issues) {
    const replies = rig.botComments(issue).filter((c) => c.body.startsWith('<!-- ler-map:command-reply')).length;
    const expected = commandComments.filter((c) => c.issue === issue && c.reply).length;
    extra('answers to commands', replies - expected);
  }
  for (const proposal of proposals) {
    extra('proposal pull requests', [...rig.repo.issues.values()].filter((i) => i.pull && new RegExp(`Closes #${proposal.number}\\b`).test(i.body)).length - 1);
  }
  const branches = [...rig.repo.branches.keys()].filter((b) => b.startsWith('ler-map/proposal-'));
  extra('proposal branches', branches.length - new Set(branches).size);

  const ms = steps.map((s) => s.ms!);
  const apiCalls = rig.fake.apiRequests.length;
  const kinds = new Map<string, number>();
  for (const s of steps) kinds.set(s.kind.replace(/, redelivered$/, ''), (kinds.get(s.kind.replace(/, redelivered$/, '')) ?? 0) + 1);
  console.log(`bench:load: ${steps.length} signed deliveries, ${concurrency} at a time, to the production bot (dist bundle, its own process) against the fake GitHub on loopback`);
  console.log(`settings: GITHUB_WRITE_INTERVAL_MS=0 (production: 1000), retries and timeouts as in production; one repository, one installation`);
  console.log(`mix: ${[...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}; redelivered ${steps.filter((s) => s.redeliveryOf).length}`);
  console.log(`answers: ${steps.filter((s) => s.status === 200).length} × 200, ${steps.filter((s) => s.status === 202).length} × 202 (still processing), ${failedAnswers.length} errors`);
  console.log(`final state: ${pulls.length} pull requests, ${rig.repo.checkRuns.length} check runs, ${issues.length} issues, ${proposals.length} proposals, ${branches.length} proposal branches`);
  if (lost.length) console.log(`lost: ${lost.slice(0, 10).map((s) => `${s.kind} (${s.status})`).join('; ')}`);
  for (const v of rig.fake.violations.slice(0, 5)) console.log(`violation: ${v.slice(0, 300)}`);
  if (duplicates) console.log(`duplicates: ${Object.entries(duplicateKinds).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`time: sending ${(sendMs / 1000).toFixed(1)} s, total ${((Date.now() - started) / 1000).toFixed(1)} s; violations of GitHub's API description: ${rig.fake.violations.length}`);
  console.log(
    `events ${steps.length}, lost ${lost.length}, duplicate side effects ${duplicates}, p50 ${Math.round(percentile(ms, 50))} ms, p95 ${Math.round(percentile(ms, 95))} ms, p99 ${Math.round(percentile(ms, 99))} ms, peak RSS ${Math.round(peakRss)} MB, API calls per event ${(apiCalls / steps.length).toFixed(1)}`,
  );
  return lost.length || duplicates || rig.fake.violations.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:load failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
