// Repeats change nothing: the same delivery several times (at once and later), or the same change
// arriving as several events, leaves the repository as one delivery does — one check run, one
// comment, one review, one branch and one pull request, each label added once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setRole } from '../fake-github/issue-routes.ts';
import type { Issue } from '../fake-github/index.ts';
import { form, formBody, localContent } from '../bot/issues/local-content.ts';
import { buildBot } from './bot-process.ts';
import { startRig, term, type Rig } from './rig.ts';

const { templates } = await localContent();
let rig: Rig;
beforeAll(async () => {
  rig = await startRig(await buildBot());
  setRole(rig.repo, 'maintainer', 'maintain');
}, 120_000);
afterAll(async () => {
  await rig?.stop();
});
afterEach(() => {
  expect(rig.fake.violations).toEqual([]);
});

/** How many times each label was added to an issue, and whether any was taken off. */
function labelHistory(issue: Issue): { added: Record<string, number>; removed: string[] } {
  const added: Record<string, number> = {};
  for (const e of issue.labelEvents) if (e.action === 'labeled') added[e.label] = (added[e.label] ?? 0) + 1;
  return { added, removed: issue.labelEvents.filter((e) => e.action === 'unlabeled').map((e) => e.label) };
}

/** Delivers a payload `n` times at once under one delivery id. */
function sameDelivery(event: string, payload: Record<string, unknown>, n: number): Promise<void[]> {
  const deliveryId = crypto.randomUUID();
  return Promise.all(Array.from({ length: n }, () => rig.send(event, payload, { deliveryId })));
}

describe('a pull request', () => {
  it('delivered three times at once, then again, then as several events for the same head: one of everything', async () => {
    // A double space (a one-click fix, so a review) and raw HTML (an error, so a comment).
    const pull = rig.openPull({ 'content/glossary/repeated-term.md': term('Repeated Term', 'A definition  with <b>bold</b> words.') });
    const opened = rig.pullEvent(pull, 'opened');
    await sameDelivery('pull_request', opened, 3);
    const once = {
      runs: rig.checkRuns(pull.pull!.headSha).map((r) => [r.conclusion, r.title]),
      comments: rig.botComments(pull).map((c) => c.body),
      labels: [...pull.labels].sort(),
    };
    expect(once.runs).toEqual([['failure', '2 problems to fix, 1 suggestion to consider']]);
    expect(once.comments).toHaveLength(1);
    expect(pull.pull!.reviews).toHaveLength(1);

    // GitHub's redelivery (same id) later, and the same change as other events (new ids), at once.
    await rig.send('pull_request', opened, { deliveryId: crypto.randomUUID() });
    await Promise.all(['reopened', 'ready_for_review', 'synchronize', 'opened'].map((action) => rig.send('pull_request', rig.pullEvent(pull, action))));

    expect(rig.checkRuns(pull.pull!.headSha).map((r) => [r.conclusion, r.title])).toEqual(once.runs);
    expect(rig.botComments(pull).map((c) => c.body)).toEqual(once.comments);
    // Never edited either: the text was right the first time.
    expect(rig.botComments(pull)[0]!.history).toHaveLength(1);
    expect(pull.pull!.reviews).toHaveLength(1);
    expect([...pull.labels].sort()).toEqual(once.labels);
    const history = labelHistory(pull);
    expect(Object.values(history.added).every((n) => n === 1)).toBe(true);
    expect(history.removed).toEqual([]);
  });
});

describe('an issue', () => {
  it('opened events delivered several times, at once and with different ids: one acknowledgement, labels once', async () => {
    const feedback = form(templates, 'feedback.yml');
    const issue = rig.openIssue('reader', 'Employers page: wrong date', formBody(feedback, { page: 'Employers', kind: 'Correction', details: 'The page says 2019; the pilot started in 2021.' }));
    const opened = rig.issueEvent(issue, 'opened');
    await Promise.all([sameDelivery('issues', opened, 3), rig.send('issues', opened), rig.send('issues', opened)]);
    await rig.send('issues', rig.issueEvent(issue, 'edited', { changes: {} }));
    const acks = rig.botComments(issue);
    expect(acks).toHaveLength(1);
    expect(acks[0]!.body).toContain('<!-- ler-map:issue-triage');
    expect(acks[0]!.history).toHaveLength(1);
    expect(issue.labels).toEqual(expect.arrayContaining(['feedback', 'page: employers']));
    const history = labelHistory(issue);
    expect(Object.values(history.added).every((n) => n === 1)).toBe(true);
    expect(history.removed).toEqual([]);
  });
});

describe('a proposal', () => {
  it('/accept delivered three times at once and redelivered later: one branch, one pull request, one answer', async () => {
    const termForm = form(templates, 'propose-term.yml');
    const issue = rig.openIssue(
      'proposer',
      '[Term] Credential Wallet Backup',
      formBody(termForm, {
        term: 'Credential Wallet Backup',
        definition: 'A copy of the credentials in a wallet, kept so that a holder can restore them on a new device.',
        source_url: 'https://www.w3.org/TR/vc-data-model-2.0/',
        source_title: 'Verifiable Credentials Data Model v2.0',
        related_terms: ['Holder'],
      }),
    );
    await rig.send('issues', rig.issueEvent(issue, 'opened'));
    const branchesBefore = rig.repo.branches.size;
    const pullsBefore = [...rig.repo.issues.values()].filter((i) => i.pull).length;
    const { payload } = rig.comment(issue, 'maintainer', 'Thank you, this is a good one.\n\n/accept');
    const deliveryId = crypto.randomUUID();
    await Promise.all([1, 2, 3].map(() => rig.send('issue_comment', payload, { deliveryId })));
    await rig.send('issue_comment', payload, { deliveryId });

    expect(rig.repo.branches.size).toBe(branchesBefore + 1);
    expect(rig.repo.branches.has(`ler-map/proposal-${issue.number}`)).toBe(true);
    const pulls = [...rig.repo.issues.values()].filter((i) => i.pull);
    expect(pulls).toHaveLength(pullsBefore + 1);
    expect(pulls.at(-1)!.body).toContain(`Closes #${issue.number}`);
    const replies = rig.botComments(issue).filter((c) => c.body.startsWith('<!-- ler-map:command-reply'));
    expect(replies.map((r) => r.body)).toEqual([expect.stringContaining(`Opened pull request #${pulls.at(-1)!.number} with the proposal.`)]);
    // One commit on the branch: the file was written once.
    const head = rig.repo.branches.get(`ler-map/proposal-${issue.number}`)!;
    expect(rig.fake.state.git.get(head).parents).toEqual([rig.repo.branches.get('main')]);
  });
});
