// GitHub failing in the ways it does, injected into the fake while the production bot works:
// transient failures are retried with back-off and the final state is right; rate limits are
// waited out as GitHub says; permanent failures end cleanly with a neutral "could not finish"
// check where a contributor waits, and the process keeps serving the next events.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { faults, type Fault, type Issue } from '../fake-github/index.ts';
import { form, formBody, localContent } from '../bot/issues/local-content.ts';
import { buildBot } from './bot-process.ts';
import { startRig, term, type Rig } from './rig.ts';

const { templates } = await localContent();
let rig: Rig;
let repoPath: string;
beforeAll(async () => {
  rig = await startRig(await buildBot(), { GITHUB_REQUEST_TIMEOUT_MS: '3000' });
  repoPath = `/repos/${rig.repo.fullName}`;
}, 120_000);
afterAll(async () => {
  await rig?.stop();
});
afterEach(() => {
  // Every rule was used up (the fault really happened), the bot's requests were valid, it lives.
  expect(rig.fake.faults.pending).toEqual([]);
  rig.fake.faults.clear();
  expect(rig.fake.violations).toEqual([]);
  expect(rig.bot.alive()).toBe(true);
});

let count = 0;
/** Opens a pull request with one new term (valid, or with an HTML tag and a double space). */
function newPull(kind: 'valid' | 'broken' = 'valid'): Issue {
  const name = `Fault Term ${++count}`;
  const body = kind === 'valid' ? undefined : 'A definition  with <b>bold</b> words.';
  return rig.openPull({ [`content/glossary/fault-term-${count}.md`]: term(name, body) });
}

/** Arrival times (ms) of the requests matching a method and path (or GraphQL operation). */
function arrivals(method: string, pathOrOperation: string): number[] {
  return rig.fake.faults.seen.filter((s) => s.method === method && (s.path === pathOrOperation || s.operation === pathOrOperation)).map((s) => s.at);
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

/** The final state of a pull request's check: its check runs' conclusions and titles, oldest first. */
const runs = (pull: Issue) => rig.checkRuns(pull.pull!.headSha).map((r) => [r.conclusion, r.title]);

describe('transient failures are retried with back-off', () => {
  it('server errors (500 twice) on listing the files: retried after growing waits, then checked', async () => {
    const pull = newPull();
    const files = `${repoPath}/pulls/${pull.number}/files`;
    rig.fake.faults.add({ method: 'GET', path: files, times: 2, fault: faults.serverError(500) });
    await rig.send('pull_request', rig.pullEvent(pull, 'opened'));
    expect(runs(pull)).toEqual([['success', 'All content follows the rules']]);
    const times = arrivals('GET', files);
    expect(times).toHaveLength(3);
    // Back-off base 50 ms (GITHUB_RETRY_BASE_MS): waits of 50 ms, then 200 ms.
    const [first, second] = gaps(times);
    expect(first).toBeGreaterThanOrEqual(45);
    expect(second).toBeGreaterThanOrEqual(190);
  });

  it.each([
    ['502 on the GraphQL query', { method: 'POST', path: '/graphql', operation: 'PullRequestCheck', fault: faults.serverError(502) }],
    ['503 on creating the check run', { method: 'POST', path: '/repos/ler-map/ler-ecosystem-map/check-runs', fault: faults.serverError(503) }],
    ['504 on the base tarball', { method: 'GET', path: /\/tarball\//, fault: faults.serverError(504) }],
    ['a bare 429 on listing the files', { method: 'GET', path: /\/pulls\/\d+\/files$/, fault: faults.tooManyRequests() }],
    ['a connection reset on the GraphQL query', { method: 'POST', path: '/graphql', operation: 'PullRequestCheck', fault: faults.reset() }],
    ['a timeout (no answer within 3 s) on listing the files', { method: 'GET', path: /\/pulls\/\d+\/files$/, fault: faults.delay(4500) }],
  ] satisfies [string, { method: string; path: string | RegExp; operation?: string; fault: Fault }][])('%s: retried, one check run, right result', async (_name, rule) => {
    // A fresh base commit each time, so the tarball is downloaded (not cached) and its fault happens.
    rig.fake.state.push(rig.repo, 'main', { 'README.md': `# LER Ecosystem Map (${count})\n` });
    const pull = newPull('broken');
    rig.fake.faults.add(rule);
    await rig.send('pull_request', rig.pullEvent(pull, 'opened'));
    expect(runs(pull)).toEqual([['failure', '2 problems to fix, 1 suggestion to consider']]);
    expect(rig.botComments(pull)).toHaveLength(1);
    expect(pull.pull!.reviews).toHaveLength(1);
    expect(rig.fake.faults.hits).toHaveLength(1);
  });

  it('a slow answer within the timeout is simply waited for (not sent twice)', async () => {
    const pull = newPull();
    rig.fake.faults.add({ method: 'POST', path: `${repoPath}/check-runs`, fault: faults.delay(800) });
    await rig.send('pull_request', rig.pullEvent(pull, 'opened'));
    expect(runs(pull)).toEqual([['success', 'All content follows the rules']]);
    expect(arrivals('POST', `${repoPath}/check-runs`)).toHaveLength(1);
  });
});

describe('rate limits are waited out as GitHub says', () => {
  it('a secondary rate limit (403) with retry-after: retried after that many seconds, one comment', async () => {
    const pull = newPull('broken');
    const comments = `${repoPath}/issues/${pull.number}/comments`;
    rig.fake.faults.add({ method: 'POST', path: comments, fault: faults.secondaryRateLimit(1) });
    await rig.send('pull_request', rig.pullEvent(pull, 'opened'));
    expect(rig.botComments(pull)).toHaveLength(1);
    const times = arrivals('POST', comments);
    expect(times).toHaveLength(2);
    expect(gaps(times)[0]).toBeGreaterThanOrEqual(990);
  });

  it('a secondary rate limit without retry-after: waits the fallback (GITHUB_RATE_LIMIT_FALLBACK_S, 1 s here)', async () => {
    const pull = newPull();
    const labels = `${repoPath}/issues/${pull.number}/labels`;
    rig.fake.faults.add({ method: 'POST', path: labels, fault: faults.secondaryRateLimit() });
    await rig.send('pull_request', rig.pullEvent(pull, 'opened'));
    expect([...pull.labels].sort()).toEqual(['check: passing', 'content: glossary', 'size/XS']);
    expect(gaps(arrivals('POST', labels))[0]).toBeGreaterThanOrEqual(990);
  });

  it('a 429 secondary rate limit with retry-after on the tarball', async () => {
    rig.fake.state.push(rig.repo, 'main', { 'README.md': '# LER Ecosystem Map (429)\n' });
    const pull = newPull();
    rig.fake.faults.add({ method: 'GET', path: /\/tarball\//, fault: faults.secondaryRateLimit(1, 429) });
    await rig.send('pull_request', rig.pullEvent(pull, 'opened'));
    expect(runs(pull)).toEqual([['success', 'All content follows the rules']]);
    expect(gaps(arrivals('GET', `${repoPath}/tarball/${pull.pull!.baseSha}`))[0]).toBeGreaterThanOrEqual(990);
  });

  it('the primary rate limit (remaining 0): waits until the reset time, then goes on', async () => {
    const pull = newPull();
    rig.fake.faults.add({ method: 'POST', path: '/graphql', operation: 'PullRequestCheck', fault: faults.rateLimit(1) });
    await rig.send('pull_request', rig.pullEvent(pull, 'opened'));
    expect(runs(pull)).toEqual([['success', 'All content follows the rules']]);
    expect(gaps(arrivals('POST', 'PullRequestCheck'))[0]).toBeGreaterThanOrEqual(990);
  });
});

describe('permanent failures end cleanly', () => {
  it('GitHub failing every time: a neutral "could not finish" check, and the next event for the pull request is handled', async () => {
    const pull = newPull();
    rig.fake.faults.add({ method: 'POST', path: '/graphql', operation: 'PullRequestCheck', times: 4, fault: faults.serverError(500) });
    const answer = await rig.bot.deliver('pull_request', rig.pullEvent(pull, 'opened'));
    expect(answer.status).toBeGreaterThanOrEqual(500);
    // Three retries, each after a wait, then it gave up.
    expect(arrivals('POST', 'PullRequestCheck')).toHaveLength(4);
    expect(Math.min(...gaps(arrivals('POST', 'PullRequestCheck')))).toBeGreaterThanOrEqual(45);
    expect(rig.checkRuns(pull.pull!.headSha)).toMatchObject([
      { conclusion: 'neutral', title: 'The content check could not finish', summary: expect.stringContaining('not in your changes') },
    ]);
    expect(rig.bot.logs().some((l) => l.msg === 'Content check failed' && l.pull === pull.number)).toBe(true);

    // GitHub is back: a re-run (or the next push) gives the real result.
    await rig.send('pull_request', rig.pullEvent(pull, 'reopened'));
    expect(runs(pull).at(-1)).toEqual(['success', 'All content follows the rules']);
  });

  it('a deleted branch (404 on its tarball): neutral check, and other pull requests are still served', async () => {
    rig.fake.state.push(rig.repo, 'main', { 'README.md': '# LER Ecosystem Map (404)\n' });
    const pull = newPull();
    rig.fake.faults.add({ method: 'GET', path: /\/tarball\//, fault: faults.notFound('Branch not found') });
    expect((await rig.bot.deliver('pull_request', rig.pullEvent(pull, 'opened'))).status).toBeGreaterThanOrEqual(400);
    expect(runs(pull)).toEqual([['neutral', 'The content check could not finish']]);
    const next = newPull();
    await rig.send('pull_request', rig.pullEvent(next, 'opened'));
    expect(runs(next)).toEqual([['success', 'All content follows the rules']]);
  });

  it('a fork deleted before the check: says plainly the changes cannot be read (neutral)', async () => {
    const fork = rig.fake.state.fork(rig.repo, 'riley');
    count++;
    const pull = rig.openPull({ [`content/glossary/fork-term-${count}.md`]: term('Fork Term') }, { user: 'riley', headRepo: fork });
    const opened = rig.pullEvent(pull, 'opened');
    rig.fake.state.repos.delete('riley/ler-ecosystem-map');
    await rig.send('pull_request', opened);
    expect(runs(pull)).toEqual([['neutral', 'The changes cannot be read']]);
  });

  it('a review rejected with 422 (a line off the diff): the check run and comment stand, no review, no second check', async () => {
    const pull = newPull('broken');
    rig.fake.faults.add({ method: 'POST', path: `${repoPath}/pulls/${pull.number}/reviews`, fault: faults.unprocessable() });
    const answer = await rig.bot.deliver('pull_request', rig.pullEvent(pull, 'opened'));
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(runs(pull)).toEqual([['failure', '2 problems to fix, 1 suggestion to consider']]);
    expect(rig.botComments(pull)).toHaveLength(1);
    expect(pull.pull!.reviews).toEqual([]);
    // 422 is not retried: the same review would be rejected again.
    expect(arrivals('POST', `${repoPath}/pulls/${pull.number}/reviews`)).toHaveLength(1);
  });

  it('a write that got no answer (connection reset) is not repeated blindly; the next event completes the work once', async () => {
    const pull = newPull('broken');
    const comments = `${repoPath}/issues/${pull.number}/comments`;
    rig.fake.faults.add({ method: 'POST', path: comments, fault: faults.reset() });
    expect((await rig.bot.deliver('pull_request', rig.pullEvent(pull, 'opened'))).status).toBeGreaterThanOrEqual(500);
    expect(arrivals('POST', comments)).toHaveLength(1);
    expect(rig.botComments(pull)).toEqual([]);
    // The check run was posted, so it stands; no "could not finish" over it.
    expect(runs(pull)).toEqual([['failure', '2 problems to fix, 1 suggestion to consider']]);
    await rig.send('pull_request', rig.pullEvent(pull, 'reopened'));
    expect(rig.botComments(pull)).toHaveLength(1);
    expect(runs(pull)).toHaveLength(1);
    expect(pull.pull!.reviews).toHaveLength(1);
  });
});

describe('issues under faults', () => {
  it('a 502 on the acknowledgement and a reset on reading the issue: retried, one acknowledgement, labels right', async () => {
    const feedback = form(templates, 'feedback.yml');
    const issue = rig.openIssue('reader', 'Employers page: out of date', formBody(feedback, { page: 'Employers', kind: 'Outdated', details: 'The numbers are from 2019.' }));
    rig.fake.faults.add({ method: 'GET', path: `${repoPath}/issues/${issue.number}`, fault: faults.reset() });
    rig.fake.faults.add({ method: 'POST', path: `${repoPath}/issues/${issue.number}/comments`, fault: faults.serverError(502) });
    await rig.send('issues', rig.issueEvent(issue, 'opened'));
    expect(rig.botComments(issue)).toHaveLength(1);
    expect(issue.labels).toEqual(expect.arrayContaining(['feedback', 'page: employers']));
    expect(rig.fake.faults.hits.map((h) => h.fault)).toEqual(['reset', 'status']);
  });
});
