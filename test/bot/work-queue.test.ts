// The work queue: one pull request or issue at a time, different ones in parallel, each delivery
// once, identical waiting events joined, failures isolated to their own work.
import { describe, expect, it } from 'vitest';
import { WorkQueue, workKey, workOf } from '../../bot/work-queue.ts';

/** A job that records when it starts and ends, and finishes when released. */
function gate() {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { done, release };
}
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('WorkQueue', () => {
  it('runs work for one key in arrival order, one at a time, and other keys alongside', async () => {
    const queue = new WorkQueue();
    const log: string[] = [];
    const a1 = gate();
    const job = (name: string, wait?: Promise<void>) => async () => {
      log.push(`start ${name}`);
      await wait;
      log.push(`end ${name}`);
    };
    const runs = [
      queue.run({ key: 'o/r#1', delivery: 'd1' }, job('1a', a1.done)),
      queue.run({ key: 'o/r#1', delivery: 'd2' }, job('1b')),
      queue.run({ key: 'o/r#2', delivery: 'd3' }, job('2a')),
    ];
    await tick();
    // #2 finished while #1's first job still runs; #1's second job has not started.
    expect(log).toEqual(['start 1a', 'start 2a', 'end 2a']);
    expect(queue.busyKeys).toBe(1);
    a1.release();
    await Promise.all(runs);
    expect(log).toEqual(['start 1a', 'start 2a', 'end 2a', 'end 1a', 'start 1b', 'end 1b']);
    expect(queue.busyKeys).toBe(0);
  });

  it('handles a delivery once; a repeat of a failed delivery runs again', async () => {
    const queue = new WorkQueue();
    let runs = 0;
    const ok = async () => void runs++;
    expect(await queue.run({ key: 'k', delivery: 'same' }, ok)).toEqual({ ran: true });
    expect(await queue.run({ key: 'k', delivery: 'same' }, ok)).toEqual({ ran: false, reason: 'duplicate delivery' });
    // Concurrent repeats: the second waits for the first and then skips.
    const both = await Promise.all([queue.run({ key: 'k', delivery: 'twice' }, ok), queue.run({ key: 'k', delivery: 'twice' }, ok)]);
    expect(both.map((o) => o.ran)).toEqual([true, false]);
    expect(runs).toBe(2);
    await expect(queue.run({ key: 'k', delivery: 'flaky' }, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run({ key: 'k', delivery: 'flaky' }, ok)).toEqual({ ran: true });
    expect(runs).toBe(3);
  });

  it('joins an identical event that is still waiting, but queues one behind an identical event already running', async () => {
    const queue = new WorkQueue();
    const first = gate();
    let runs = 0;
    const job = async () => {
      runs++;
      await first.done;
    };
    const running = queue.run({ key: 'k', twin: 't', delivery: 'a' }, job);
    await tick();
    const waiting = queue.run({ key: 'k', twin: 't', delivery: 'b' }, async () => void runs++);
    const joined = queue.run({ key: 'k', twin: 't', delivery: 'c' }, async () => void runs++);
    first.release();
    expect(await Promise.all([running, waiting, joined])).toEqual([{ ran: true }, { ran: true }, { ran: false, reason: 'an identical event waiting its turn was joined' }]);
    expect(runs).toBe(2);
  });

  it('keeps serving a key after a failure, and runs nested work for a key it holds at once', async () => {
    const queue = new WorkQueue();
    await expect(queue.run({ key: 'k' }, async () => Promise.reject(new Error('first fails')))).rejects.toThrow('first fails');
    let nested = false;
    await queue.run({ key: 'k' }, async () => {
      await queue.run({ key: 'k' }, async () => void (nested = true));
    });
    expect(nested).toBe(true);
  });

  it('forgets the oldest deliveries past its memory', async () => {
    const queue = new WorkQueue(2);
    const ok = async () => undefined;
    for (const d of ['1', '2', '3']) await queue.run({ delivery: d }, ok);
    expect((await queue.run({ delivery: '1' }, ok)).ran).toBe(true);
    expect((await queue.run({ delivery: '3' }, ok)).ran).toBe(false);
  });
});

describe('workKey and workOf', () => {
  it('keys work by pull request or issue, else by repository or installation', () => {
    const repository = { full_name: 'LER/Map' };
    expect(workKey({ repository, pull_request: { number: 4 } })).toBe('ler/map#4');
    expect(workKey({ repository, issue: { number: 9 } })).toBe('ler/map#9');
    expect(workKey({ repository, check_run: { pull_requests: [{ number: 4 }] } })).toBe('ler/map#4');
    expect(workKey({ repository, check_suite: { pull_requests: [] } })).toBe('ler/map');
    expect(workKey({ installation: { id: 7 } })).toBe('installation 7');
    expect(workKey({})).toBeUndefined();
  });

  it('treats equal payloads of one handler as twins, and anything else as different work', () => {
    const payload = { repository: { full_name: 'o/r' }, issue: { number: 1 }, action: 'opened' };
    const a = workOf('triage/0', 'issues', 'd1', payload);
    expect(a).toMatchObject({ key: 'o/r#1', delivery: 'd1 triage/0' });
    expect(workOf('triage/0', 'issues', 'd2', structuredClone(payload)).twin).toBe(a.twin);
    expect(workOf('commands/0', 'issues', 'd1', payload).twin).not.toBe(a.twin);
    expect(workOf('triage/0', 'issues', 'd1', { ...payload, action: 'edited' }).twin).not.toBe(a.twin);
  });
});
