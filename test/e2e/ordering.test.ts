// Events out of order or at once: the final check and comment describe the pull request's newest
// head, whatever order the events arrive in. Work for one pull request runs one event at a time;
// different pull requests are handled in parallel.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { faults, type Issue } from '../fake-github/index.ts';
import { buildBot } from './bot-process.ts';
import { startRig, term, type Rig } from './rig.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig(await buildBot());
}, 120_000);
afterAll(async () => {
  await rig?.stop();
});
afterEach(() => {
  rig.fake.faults.clear();
  expect(rig.fake.violations).toEqual([]);
});

const path = (name: string) => `content/glossary/${name}.md`;
/** A term whose only problem is one HTML tag, so the check and comment name the version they saw. */
const withTag = (name: string, tag: string) => term(name, `A definition with <${tag}>a tag</${tag}> in it.`);

/** The summary comment's body, asserting there is exactly one. */
function summary(pull: Issue): string {
  const comments = rig.botComments(pull);
  expect(comments).toHaveLength(1);
  return comments[0]!.body;
}

describe('events of one pull request out of order', () => {
  it("an older head's event arriving after the newer one's changes nothing: check and comment describe the newest head", async () => {
    const pull = rig.openPull({ [path('ordered-term')]: withTag('Ordered Term', 'b') });
    const headA = pull.pull!.headSha;
    const openedAtA = rig.pullEvent(pull, 'opened');
    const before = rig.push(pull, { [path('ordered-term')]: withTag('Ordered Term', 'i') });
    const headB = pull.pull!.headSha;
    await rig.send('pull_request', rig.pullEvent(pull, 'synchronize', { before }));
    await rig.send('pull_request', openedAtA);

    expect(rig.checkRuns(headA)).toEqual([]);
    expect(rig.checkRuns(headB).map((r) => [r.conclusion, r.annotations.map((a) => a.message).join(' ')])).toEqual([
      ['failure', expect.stringMatching(/Unexpected HTML "<i>".*Unexpected HTML "<\/i>"/s)],
    ]);
    expect(summary(pull)).toContain('&lt;i&gt;');
    expect(summary(pull)).not.toContain('&lt;b&gt;');
  });

  it('three heads pushed quickly, their events arriving at once newest first or oldest first: only the newest is reported', async () => {
    for (const order of ['newest first', 'oldest first'] as const) {
      const name = `raced-term-${order.split(' ')[0]}`;
      const pull = rig.openPull({ [path(name)]: withTag('Raced Term', 'b') });
      const events = [{ head: pull.pull!.headSha, payload: rig.pullEvent(pull, 'opened') }];
      for (const tag of ['i', 'em']) {
        const before = rig.push(pull, { [path(name)]: withTag('Raced Term', tag) });
        events.push({ head: pull.pull!.headSha, payload: rig.pullEvent(pull, 'synchronize', { before }) });
      }
      const arriving = order === 'newest first' ? [...events].reverse() : events;
      await Promise.all(arriving.map((e) => rig.send('pull_request', e.payload)));

      const [a, b, c] = events.map((e) => e.head);
      expect([rig.checkRuns(a!).length, rig.checkRuns(b!).length], order).toEqual([0, 0]);
      expect(rig.checkRuns(c!).map((r) => r.annotations.map((x) => x.message).join(' ')), order).toEqual([expect.stringContaining('Unexpected HTML "<em>"')]);
      expect(summary(pull), order).toContain('&lt;em&gt;');
      expect(summary(pull), order).not.toMatch(/&lt;(b|i)&gt;/);
    }
  });
});

describe('serialised per pull request, parallel across pull requests', () => {
  it('handles another pull request while one is waiting on a slow GitHub answer', async () => {
    const slow = rig.openPull({ [path('slow-term')]: term('Slow Term') });
    const quick = rig.openPull({ [path('quick-term')]: term('Quick Term') });
    rig.fake.faults.add({ method: 'GET', path: `/repos/${rig.repo.fullName}/pulls/${slow.number}/files`, fault: faults.delay(2000) });
    const slowDone = rig.send('pull_request', rig.pullEvent(slow, 'opened'));
    await new Promise((r) => setTimeout(r, 100));
    await rig.send('pull_request', rig.pullEvent(quick, 'opened'));
    // The quick one is finished while the slow one still waits.
    expect(rig.checkRuns(quick.pull!.headSha)).toMatchObject([{ conclusion: 'success' }]);
    expect(rig.checkRuns(slow.pull!.headSha)).toEqual([]);
    await slowDone;
    expect(rig.checkRuns(slow.pull!.headSha)).toMatchObject([{ conclusion: 'success' }]);
    expect(rig.fake.faults.hits).toHaveLength(1);
  });

  it("runs a second event for the same pull request only after the first one's last request", async () => {
    const pull = rig.openPull({ [path('serial-term')]: withTag('Serial Term', 'b') });
    const files = `/repos/${rig.repo.fullName}/pulls/${pull.number}/files`;
    rig.fake.faults.add({ method: 'GET', path: files, fault: faults.delay(1500) });
    rig.fake.faults.seen.length = 0;
    await Promise.all([rig.send('pull_request', rig.pullEvent(pull, 'opened')), rig.send('pull_request', rig.pullEvent(pull, 'reopened'))]);

    // In arrival order: the second handling's first request comes after the first one's writes.
    const seen = rig.fake.faults.seen.map((s) => `${s.method} ${s.path}`);
    const listings = seen.flatMap((line, i) => (line === `GET ${files}` ? [i] : []));
    expect(listings).toHaveLength(2);
    const firstWrites = seen.slice(0, listings[1]).filter((line) => line.startsWith(`POST /repos/${rig.repo.fullName}/`));
    expect(firstWrites).toEqual(
      expect.arrayContaining([`POST /repos/${rig.repo.fullName}/check-runs`, `POST /repos/${rig.repo.fullName}/issues/${pull.number}/comments`]),
    );
    // And the second found everything done: nothing new.
    expect(rig.checkRuns(pull.pull!.headSha)).toHaveLength(1);
    expect(rig.botComments(pull)).toHaveLength(1);
  });
});
