// The content check end to end: signed webhooks into Probot's server, the bot against the fake
// GitHub, and the fake's final state and request log asserted for each scenario of issue 4.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../bot/index.ts';
import { pullRequestCheck } from '../../bot/handlers/pull-request-check.ts';
import { checkRunPayload, checkSuitePayload, pullRequestPayload, type FileChanges, type Issue } from '../fake-github/index.ts';
import { startApp } from './harness.ts';
import { callBudget, eventCalls, startScenario, type Scenario } from './content-repo.ts';

let s: Scenario;

beforeEach(async () => {
  s = await startScenario();
});

afterEach(async () => {
  // Every request the bot made was a valid GitHub API request that GitHub would have accepted.
  expect(s.fake.violations).toEqual([]);
  await s.stop();
});

const relatedToIssuer = 'related:\n  - holder\n  - verifier\n  - credential\n';
const issuer = (body: string, front = `term: Issuer\n${relatedToIssuer}`) => `---\n${front}---\n${body}\n`;
const validIssuer = issuer('The organization or person that creates a credential and signs it.');
/** Line 2 has an unknown key (fixable), line 8 two spaces (fixable warning) and HTML (not fixable). */
const brokenIssuer = issuer('The organization or person that  creates a credential. <b>Bold</b> claim.', `Term: Issuer\n${relatedToIssuer}`);

/** The calls that change something on GitHub. */
function writes(): string[] {
  return s.fake.log.filter((l) => /^(POST|PATCH|PUT|DELETE) /.test(l) && l !== 'POST /graphql' && !l.includes('/access_tokens'));
}

function labelsOf(pr: Issue): string[] {
  return [...pr.labels].sort();
}

describe('pull request content check', () => {
  it('passes a valid pull request: green check, labels created in their colours, no comment', async () => {
    const pr = s.openPullRequest({ 'content/glossary/issuer.md': validIssuer });
    const res = await s.send(pr, 'opened');
    expect(res.status).toBe(200);
    expect(s.repo.checkRuns).toHaveLength(1);
    expect(s.repo.checkRuns[0]).toMatchObject({
      name: 'Content check',
      headSha: pr.pull!.headSha,
      status: 'completed',
      conclusion: 'success',
      title: 'All content follows the rules',
      annotations: [],
    });
    expect(s.repo.checkRuns[0]!.summary).toBe('✅ 1 changed content file checked: everything follows the content rules.');
    expect(labelsOf(pr)).toEqual(['check: passing', 'content: glossary', 'size/XS']);
    expect(s.repo.labels.get('check: passing')).toMatchObject({ color: '2da44e', description: 'The content check found no errors' });
    expect(s.repo.labels.get('content: glossary')).toMatchObject({ color: '0e8a16' });
    expect(s.repo.labels.get('size/xs')).toMatchObject({ color: 'ededed' });
    expect(pr.comments).toEqual([]);
    expect(pr.pull!.reviews).toEqual([]);
    expect(eventCalls(s.fake).sort()).toEqual(
      [
        'GET /repos/ler-map/ler-ecosystem-map/pulls/1/files',
        'POST /graphql',
        `GET /repos/ler-map/ler-ecosystem-map/tarball/${pr.pull!.baseSha}`,
        'POST /repos/ler-map/ler-ecosystem-map/check-runs',
        'POST /repos/ler-map/ler-ecosystem-map/issues/1/labels',
      ].sort(),
    );
    expect(eventCalls(s.fake).length).toBeLessThanOrEqual(callBudget(1));
  });

  it('reports errors in front matter and body at their lines, with one comment, one review of suggestions and labels', async () => {
    const pr = s.openPullRequest({ 'content/glossary/issuer.md': brokenIssuer });
    await s.send(pr, 'opened');
    const run = s.repo.checkRuns[0]!;
    expect(run.conclusion).toBe('failure');
    expect(run.title).toBe('4 problems to fix, 1 suggestion to consider');
    expect(run.annotations.map((a) => [a.path, a.start_line, a.annotation_level, a.title])).toEqual([
      ['content/glossary/issuer.md', 1, 'failure', 'required-key'],
      ['content/glossary/issuer.md', 2, 'failure', 'unknown-key'],
      ['content/glossary/issuer.md', 8, 'warning', 'double-space'],
      ['content/glossary/issuer.md', 8, 'failure', 'no-html'],
      ['content/glossary/issuer.md', 8, 'failure', 'no-html'],
    ]);
    expect(run.annotations[1]).toMatchObject({ start_column: 1, end_column: 5, message: expect.stringMatching(/^Unexpected key "Term", expected "term"\.\nHow to fix: /) });
    // One summary comment, marked and written by the bot, in plain words with the lines.
    expect(pr.comments).toHaveLength(1);
    const comment = pr.comments[0]!;
    expect(comment.user.login).toBe('ler-map-bot[bot]');
    expect(comment.body).toContain('<!-- ler-map:pull-request-check -->');
    expect(comment.body).toContain('**4 problems must be fixed** before this can be merged');
    expect(comment.body).toContain('**Line 2:** Unexpected key "Term", expected "term".');
    expect(comment.body).toContain('Unexpected HTML "&lt;b&gt;", expected markdown');
    expect(comment.body).not.toContain('<b>');
    // One review on the head commit, with suggestions on the two fixable lines (both in the diff).
    expect(pr.pull!.reviews).toHaveLength(1);
    const review = pr.pull!.reviews[0]!;
    expect(review).toMatchObject({ commitId: pr.pull!.headSha, event: 'COMMENT', state: 'COMMENTED' });
    expect(review.comments.map((c) => [c.path, c.line, c.side])).toEqual([
      ['content/glossary/issuer.md', 2, 'RIGHT'],
      ['content/glossary/issuer.md', 8, 'RIGHT'],
    ]);
    expect(review.comments[0]!.body).toMatch(/```suggestion\nterm: Issuer\n```$/);
    expect(review.comments[1]!.body).toMatch(/```suggestion\nThe organization or person that creates a credential\. <b>Bold<\/b> claim\.\n```$/);
    expect(labelsOf(pr)).toEqual(['check: needs changes', 'content: glossary', 'size/XS']);
    expect(s.repo.labels.get('check: needs changes')).toMatchObject({ color: 'd93f0b' });
    expect(eventCalls(s.fake).length).toBeLessThanOrEqual(callBudget(1));
  });

  it('after a fix is pushed: the comment is edited to "all fixed", the label swapped, the check green', async () => {
    const pr = s.openPullRequest({ 'content/glossary/issuer.md': brokenIssuer });
    await s.send(pr, 'opened');
    const before = pr.pull!.headSha;
    s.fake.state.push(s.repo, 'change-1', { 'content/glossary/issuer.md': validIssuer });
    s.fake.clearLog();
    await s.send(pr, 'synchronize', { before });
    expect(s.repo.checkRuns.map((r) => [r.headSha, r.conclusion])).toEqual([
      [before, 'failure'],
      [pr.pull!.headSha, 'success'],
    ]);
    expect(pr.comments).toHaveLength(1);
    expect(pr.comments[0]!.history).toHaveLength(2);
    expect(pr.comments[0]!.body).toBe('<!-- ler-map:pull-request-check -->\n✅ All fixed: the content check passes now. Thank you!');
    expect(labelsOf(pr)).toEqual(['check: passing', 'content: glossary', 'size/XS']);
    // No second review: nothing left to suggest.
    expect(pr.pull!.reviews).toHaveLength(1);
    expect(writes().sort()).toEqual([
      'DELETE /repos/ler-map/ler-ecosystem-map/issues/1/labels/check%3A%20needs%20changes',
      'PATCH /repos/ler-map/ler-ecosystem-map/issues/comments/' + pr.comments[0]!.id,
      'POST /repos/ler-map/ler-ecosystem-map/check-runs',
      'POST /repos/ler-map/ler-ecosystem-map/issues/1/labels',
      // "check: passing" is used for the first time in this repository: created in its colour.
      'POST /repos/ler-map/ler-ecosystem-map/labels',
    ]);
    // The base tarball is cached per base commit: not downloaded again.
    expect(s.fake.log.some((l) => l.includes('/tarball/'))).toBe(false);
    expect(eventCalls(s.fake).length).toBeLessThanOrEqual(callBudget(1));
  });

  it('checks a pull request from a fork, reading its files from the fork', async () => {
    const fork = s.fake.state.fork(s.repo, 'riley');
    const pr = s.openPullRequest({ 'content/glossary/issuer.md': brokenIssuer }, { user: 'riley', headRepo: fork, firstTime: true });
    await s.send(pr, 'opened');
    const graphql = s.fake.requests.find((r) => r.line === 'POST /graphql')!.body as { variables: Record<string, unknown> };
    expect(graphql.variables).toMatchObject({ headOwner: 'riley', headName: 'ler-ecosystem-map' });
    expect(s.repo.checkRuns[0]).toMatchObject({ conclusion: 'failure', headSha: pr.pull!.headSha });
    expect(labelsOf(pr)).toEqual(['check: needs changes', 'content: glossary', 'first-time contributor', 'size/XS']);
    // A first-time contributor is welcomed in the same comment.
    expect(pr.comments[0]!.body).toContain('Welcome, and thank you for your first contribution');
    expect(pr.pull!.reviews[0]!.comments).toHaveLength(2);
  });

  it('flags every place that still refers to a deleted record', async () => {
    const pr = s.openPullRequest({ 'content/glossary/holder.md': null });
    await s.send(pr, 'opened');
    const run = s.repo.checkRuns[0]!;
    expect(run.conclusion).toBe('failure');
    const places = run.annotations.map((a) => `${a.path}:${a.start_line} ${a.title}`);
    // Every record whose `related` names "holder" is flagged at that line, and nothing unrelated.
    expect(places.length).toBeGreaterThanOrEqual(3);
    expect(places).toContain('content/glossary/issuer.md:4 unresolved-reference');
    expect(places).toContain('content/glossary/verifier.md:' + lineOf(s, 'content/glossary/verifier.md', '- holder') + ' unresolved-reference');
    // Links to the deleted term in other records' text are broken too, and flagged where they are.
    for (const a of run.annotations) {
      if (a.title === 'unresolved-reference') expect(a.message).toMatch(/^Unexpected "holder", expected the slug of an existing glossary term/);
      else expect(a).toMatchObject({ title: 'broken-link', message: expect.stringMatching(/^Unexpected link "[^"]*holder"/) });
    }
    expect(run.annotations.some((a) => a.title === 'broken-link')).toBe(true);
    const deleted = s.fake.state.pullFiles(pr.pull!)[0]!.deletions;
    expect(labelsOf(pr)).toEqual(['check: needs changes', 'content: glossary', deleted < 10 ? 'size/XS' : 'size/S']);
    // Nothing to suggest on files outside the diff.
    expect(pr.pull!.reviews).toEqual([]);
  });

  it('labels a pull request that touches code as well as content', async () => {
    const pr = s.openPullRequest({ 'content/glossary/issuer.md': validIssuer, 'README.md': '# LER Ecosystem Map\n\nMore.\n' });
    await s.send(pr, 'opened');
    expect(labelsOf(pr)).toEqual(['check: passing', 'content: glossary', 'size/XS', 'touches code']);
    expect(s.repo.labels.get('touches code')).toMatchObject({ color: 'b60205' });
    expect(s.repo.checkRuns[0]!.summary).toContain('also changes files outside `content/`');
  });

  it('checks a 250-file pull request within the call budget', async () => {
    const changes: FileChanges = {};
    for (let i = 1; i <= 250; i++) {
      changes[`content/glossary/example-term-${i}.md`] = `---\nterm: Example term ${i}\nrelated:\n  - issuer\n---\nA term made for a large pull request, number ${i}.\n`;
    }
    const pr = s.openPullRequest(changes);
    await s.send(pr, 'opened');
    const run = s.repo.checkRuns[0]!;
    expect(run.conclusion).toBe('success');
    expect(run.summary).toContain('250 changed content files checked');
    // 250 files of 6 lines: 1,500 lines added.
    expect(labelsOf(pr)).toEqual(['check: passing', 'content: glossary', 'size/XL']);
    const calls = eventCalls(s.fake);
    expect(calls.filter((c) => c.endsWith('/pulls/1/files'))).toHaveLength(3);
    expect(calls.length).toBeLessThanOrEqual(callBudget(250));
  });

  it('puts suggestions only on lines of the diff; other fixable problems are annotated only', async () => {
    // The base already has a fixable problem far from the line the pull request changes.
    const base = issuer('The organization or person that creates a credential.\n\nIt signs it.\n\nA\n\nB\n\nC\n\nD\n\nE  with two spaces.');
    s.fake.state.push(s.repo, 'main', { 'content/glossary/issuer.md': base });
    const pr = s.openPullRequest({ 'content/glossary/issuer.md': base.replace('creates a credential.', 'creates  a credential.') });
    await s.send(pr, 'opened');
    const run = s.repo.checkRuns[0]!;
    expect(run.annotations.map((a) => [a.start_line, a.title])).toEqual([
      [8, 'double-space'],
      [20, 'double-space'],
    ]);
    // Line 20 is outside the diff's hunk (lines 5–11): annotated, not suggested.
    expect(pr.pull!.reviews).toHaveLength(1);
    expect(pr.pull!.reviews[0]!.comments.map((c) => c.line)).toEqual([8]);
    const lines = pr.comments[0]!.body.split('\n');
    expect(lines.find((l) => l.includes('**Line 8:**'))).toContain('💡');
    expect(lines.find((l) => l.includes('**Line 20:**'))).not.toContain('💡');
  });

  it('never removes labels a person added, even ones the bot manages', async () => {
    const pr = s.openPullRequest({ 'content/glossary/issuer.md': brokenIssuer });
    await s.send(pr, 'opened');
    const maintainer = s.fake.state.account('morgan');
    s.fake.state.addLabel(s.repo, pr, 'needs review', maintainer);
    s.fake.state.addLabel(s.repo, pr, 'touches code', maintainer);
    const before = pr.pull!.headSha;
    s.fake.state.push(s.repo, 'change-1', { 'content/glossary/issuer.md': validIssuer });
    await s.send(pr, 'synchronize', { before });
    expect(labelsOf(pr)).toEqual(['check: passing', 'content: glossary', 'needs review', 'size/XS', 'touches code']);
    expect(pr.labelEvents.filter((e) => e.action === 'unlabeled').map((e) => [e.label, e.actor.login])).toEqual([['check: needs changes', 'ler-map-bot[bot]']]);
  });

  it('changes nothing when the same event is delivered again', async () => {
    const pr = s.openPullRequest({ 'content/glossary/issuer.md': brokenIssuer });
    const payload = pullRequestPayload(s.fake, s.repo, pr, 'opened', { installationId: s.installationId });
    await s.bot.deliver('pull_request', payload);
    const state = JSON.stringify({ labels: pr.labels, comments: pr.comments, reviews: pr.pull!.reviews, runs: s.repo.checkRuns });
    s.fake.clearLog();
    const again = await s.bot.deliver('pull_request', payload);
    expect(again.status).toBe(200);
    expect(writes()).toEqual([]);
    expect(JSON.stringify({ labels: pr.labels, comments: pr.comments, reviews: pr.pull!.reviews, runs: s.repo.checkRuns })).toBe(state);
    expect(eventCalls(s.fake)).toEqual(['GET /repos/ler-map/ler-ecosystem-map/pulls/1/files', 'POST /graphql']);
  });

  it('checks drafts without labelling them "needs changes"', async () => {
    const pr = s.openPullRequest({ 'content/glossary/issuer.md': brokenIssuer }, { draft: true });
    await s.send(pr, 'opened');
    expect(s.repo.checkRuns[0]!.conclusion).toBe('failure');
    expect(labelsOf(pr)).toEqual(['content: glossary', 'size/XS']);
    expect(pr.comments[0]!.body).toContain('This pull request is a draft');
  });

  it('labels drafts "needs changes" when the configuration says so', async () => {
    s.fake.state.push(s.repo, 'main', { '.github/ler-map.yml': 'pull_requests:\n  label_drafts_needing_changes: true\nlabels:\n  needs_changes:\n    name: "status: fix me"\n    color: "123456"\n' });
    const pr = s.openPullRequest({ 'content/glossary/issuer.md': brokenIssuer }, { draft: true });
    await s.send(pr, 'opened');
    expect(labelsOf(pr)).toEqual(['content: glossary', 'size/XS', 'status: fix me']);
    expect(s.repo.labels.get('status: fix me')).toMatchObject({ color: '123456' });
  });

  it('reads the configuration from the default branch, never from the pull request', async () => {
    const pr = s.openPullRequest({
      'content/glossary/issuer.md': brokenIssuer,
      '.github/ler-map.yml': 'checks:\n  severity:\n    unknown-key: off\n    required-key: off\n    no-html: off\n',
    });
    await s.send(pr, 'opened');
    expect(s.repo.checkRuns[0]!.conclusion).toBe('failure');
    expect(s.repo.checkRuns[0]!.annotations.map((a) => a.title)).toContain('unknown-key');
  });

  it('fails the check and says what is wrong when the configuration is invalid', async () => {
    s.fake.state.push(s.repo, 'main', { '.github/ler-map.yml': 'labels:\n  passing:\n    colour: green\n' });
    const pr = s.openPullRequest({ 'content/glossary/issuer.md': validIssuer });
    await s.send(pr, 'opened');
    const run = s.repo.checkRuns[0]!;
    expect(run.conclusion).toBe('failure');
    expect(run.title).toBe("The bot's configuration (.github/ler-map.yml) has 1 problem");
    expect(run.annotations).toEqual([
      { path: '.github/ler-map.yml', start_line: 3, end_line: 3, annotation_level: 'failure', title: 'configuration', message: 'Unexpected key "colour" in labels.passing, expected "color"' },
    ]);
    expect(run.summary).toContain('line 3, column 5');
    expect(pr.labels).toEqual([]);
    expect(pr.comments).toEqual([]);
  });

  it('skips closed pull requests and events the bot caused itself', async () => {
    const pr = s.openPullRequest({ 'content/glossary/issuer.md': brokenIssuer });
    const byBot = pullRequestPayload(s.fake, s.repo, pr, 'synchronize', { installationId: s.installationId, sender: s.fake.app.bot });
    expect((await s.bot.deliver('pull_request', byBot)).status).toBe(200);
    expect(s.repo.checkRuns).toEqual([]);
    expect(eventCalls(s.fake)).toEqual(['POST /graphql']);
    pr.state = 'closed';
    s.fake.clearLog();
    await s.send(pr, 'reopened');
    expect(s.repo.checkRuns).toEqual([]);
    expect(writes()).toEqual([]);
  });

  it('re-runs the check when asked, from the check run or the check suite', async () => {
    const pr = s.openPullRequest({ 'content/glossary/issuer.md': validIssuer });
    await s.send(pr, 'opened');
    const maintainer = s.fake.state.account('morgan');
    await s.bot.deliver('check_run', checkRunPayload(s.fake, s.repo, s.repo.checkRuns[0]!, 'rerequested', { installationId: s.installationId, sender: maintainer, pulls: [pr] }));
    expect(s.repo.checkRuns).toHaveLength(2);
    await s.bot.deliver('check_suite', checkSuitePayload(s.fake, s.repo, pr.pull!.headSha, 'rerequested', { installationId: s.installationId, sender: maintainer }));
    // A suite event without pull requests (as for forks): found by its head commit.
    expect(s.repo.checkRuns).toHaveLength(3);
    expect(s.repo.checkRuns.every((r) => r.conclusion === 'success' && r.headSha === pr.pull!.headSha)).toBe(true);
    expect(s.fake.log).toContain(`GET /repos/ler-map/ler-ecosystem-map/commits/${pr.pull!.headSha}/pulls`);
  });

  it('escapes what contributors write before quoting it', async () => {
    const pr = s.openPullRequest({
      'content/glossary/issuer.md': issuer('Fine text.', `term: Issuer\n'@admins [x](https://evil.example) <img src=x>': 1\n${relatedToIssuer}`),
    });
    await s.send(pr, 'opened');
    const body = pr.comments[0]!.body;
    expect(body).toContain('Unexpected key');
    expect(body).not.toMatch(/@admins|\[x\]\(|<img|https:\/\/evil/);
    expect(s.repo.checkRuns[0]!.summary).not.toMatch(/@admins|\[x\]\(|<img|https:\/\/evil/);
  });

  it('reports a pull request of more than 3,000 files plainly', async () => {
    const changes: FileChanges = {};
    for (let i = 0; i < 3001; i++) changes[`data/file-${i}.txt`] = `${i}\n`;
    const pr = s.openPullRequest(changes);
    await s.send(pr, 'opened');
    expect(s.repo.checkRuns[0]).toMatchObject({ conclusion: 'neutral', title: 'Too many files to check (3001)' });
    expect(pr.labels).toEqual([]);
  });
});

describe('pull request content check, more cases', () => {
  it('sends annotations in batches of 50', async () => {
    const changes: FileChanges = {};
    // 30 files with a few problems each (a missing key, raw HTML …): over 50 annotations, nothing fixable.
    for (let i = 1; i <= 30; i++) changes[`content/glossary/broken-${i}.md`] = `---\nrelated:\n  - issuer\n---\nA <i>term</i> number ${i}.\n`;
    const pr = s.openPullRequest(changes);
    await s.send(pr, 'opened');
    const run = s.repo.checkRuns[0]!;
    const total = run.annotations.length;
    expect(total).toBeGreaterThan(50);
    expect(total).toBeLessThanOrEqual(100);
    const batches = s.fake.requests.filter((r) => r.line.includes('/check-runs')).map((r) => [r.method, (r.body as { output: { annotations: unknown[] } }).output.annotations.length]);
    expect(batches).toEqual([
      ['POST', 50],
      ['PATCH', total - 50],
    ]);
    expect(eventCalls(s.fake).length).toBeLessThanOrEqual(callBudget(30));
  });

  it('welcomes a first-time contributor even when nothing needs fixing', async () => {
    const pr = s.openPullRequest({ 'content/glossary/issuer.md': validIssuer }, { firstTime: true });
    await s.send(pr, 'opened');
    expect(pr.comments).toHaveLength(1);
    expect(pr.comments[0]!.body).toMatch(/^<!-- ler-map:pull-request-check -->\nWelcome, and thank you for your first contribution/);
    expect(pr.comments[0]!.body).toContain('✅ The content check found nothing to fix. Thank you!');
    expect(labelsOf(pr)).toEqual(['check: passing', 'content: glossary', 'first-time contributor', 'size/XS']);
  });

  it('checks again when the base branch changes, and ignores other edits', async () => {
    const pr = s.openPullRequest({ 'content/glossary/issuer.md': validIssuer });
    await s.send(pr, 'edited', { changes: { title: { from: 'Old title' } } });
    expect(s.fake.log).toEqual([]);
    await s.send(pr, 'edited', { changes: { base: { ref: { from: 'develop' }, sha: { from: 'f'.repeat(40) } } } });
    expect(s.repo.checkRuns).toHaveLength(1);
  });

  it('says plainly that the changes cannot be read when the fork was deleted', async () => {
    const fork = s.fake.state.fork(s.repo, 'riley');
    const pr = s.openPullRequest({ 'content/glossary/issuer.md': brokenIssuer }, { user: 'riley', headRepo: fork });
    s.fake.state.repos.delete('riley/ler-ecosystem-map');
    pr.pull!.headRepo = null;
    await s.send(pr, 'synchronize');
    expect(s.repo.checkRuns[0]).toMatchObject({ conclusion: 'neutral', title: 'The changes cannot be read' });
    expect(pr.comments).toEqual([]);
  });

  it('copes with a fork deleted between the event and the check', async () => {
    const fork = s.fake.state.fork(s.repo, 'riley');
    const pr = s.openPullRequest({ 'content/glossary/issuer.md': brokenIssuer }, { user: 'riley', headRepo: fork });
    const payload = pullRequestPayload(s.fake, s.repo, pr, 'opened', { installationId: s.installationId });
    s.fake.state.repos.delete('riley/ler-ecosystem-map');
    expect((await s.bot.deliver('pull_request', payload)).status).toBe(200);
    expect(s.repo.checkRuns[0]).toMatchObject({ conclusion: 'neutral', title: 'The changes cannot be read' });
  });

  it('reports its own failure briefly on the check, never as a pass', async () => {
    await s.stop();
    s = await startScenario({
      routes: {
        'repos/download-tarball-archive'() {
          return { status: 502, body: { message: 'Server Error' } };
        },
      },
    });
    const pr = s.openPullRequest({ 'content/glossary/issuer.md': validIssuer });
    const res = await s.send(pr, 'opened');
    // The delivery fails (GitHub shows it as failed), with the status of the failed request.
    expect(res.status).toBe(502);
    expect(s.repo.checkRuns).toHaveLength(1);
    expect(s.repo.checkRuns[0]).toMatchObject({ conclusion: 'neutral', title: 'The content check could not finish' });
    expect(s.repo.checkRuns[0]!.summary).toContain('not in your changes');
    expect(s.bot.logs.some((l) => l.msg === 'Content check failed')).toBe(true);
  });
});

describe('app wiring', () => {
  it('keeps other features running when one handler fails', async () => {
    const failing = { name: 'always-fails', register: (app: Parameters<typeof pullRequestCheck.register>[0]) => app.on('pull_request.opened', async () => Promise.reject(new Error('boom'))) };
    const bot = await startApp(s.fake, createApp({ features: [failing, pullRequestCheck] }));
    try {
      const pr = s.openPullRequest({ 'content/glossary/issuer.md': validIssuer });
      const res = await bot.deliver('pull_request', pullRequestPayload(s.fake, s.repo, pr, 'opened', { installationId: s.installationId }));
      expect(res.status).toBe(500);
      expect(s.repo.checkRuns).toHaveLength(1);
      expect(bot.logs.some((l) => l.feature === 'always-fails' && String(l.msg).includes('failed on pull_request'))).toBe(true);
    } finally {
      await bot.stop();
    }
  });
});

function lineOf(scenario: Scenario, path: string, text: string): number {
  const content = scenario.fake.state.git.read(scenario.repo.branches.get('main')!, path)!.toString('utf8');
  return content.split('\n').findIndex((l) => l.trim() === text) + 1;
}
