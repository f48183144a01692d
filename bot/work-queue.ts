// Serialises the bot's work per pull request or issue: events about one of them run one after
// another (each gathers fresh state, so the last leaves the newest state and two never race to
// post the same comment), events about different ones run in parallel. A delivery handled or
// being handled is not handled again, and an identical event waiting its turn is joined, not
// queued twice. Per process: replicas rely on each handler re-deriving state (idempotence).
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';

/** One piece of work, as a handler receives an event. */
export interface Work {
  /** What the work is about (`owner/repo#12`): work with the same key runs one at a time. None: runs at once. */
  key?: string;
  /** Same handler and same payload: identical work, which joins a waiting twin instead of queueing again. */
  twin?: string;
  /** The delivery and the handler (`<delivery id> <handler>`): each is handled once. */
  delivery?: string;
}

/** Whether the work ran, or why it did not need to. */
export type Outcome = { ran: true } | { ran: false; reason: 'duplicate delivery' | 'an identical event waiting its turn was joined' };

type Payload = {
  repository?: { full_name?: string };
  installation?: { id?: number };
  pull_request?: { number?: number };
  issue?: { number?: number };
  check_run?: { pull_requests?: { number: number }[] };
  check_suite?: { pull_requests?: { number: number }[] };
};

/** The key of an event's work: its pull request or issue, else its repository or installation. */
export function workKey(payload: Payload): string | undefined {
  const repo = payload.repository?.full_name?.toLowerCase();
  const listed = payload.check_run?.pull_requests ?? payload.check_suite?.pull_requests;
  // Check events list same-repository pull requests; with exactly one, the work is about it.
  const number = payload.pull_request?.number ?? payload.issue?.number ?? (listed?.length === 1 ? listed[0]!.number : undefined);
  if (repo && number !== undefined) return `${repo}#${number}`;
  if (repo) return repo;
  return payload.installation?.id !== undefined ? `installation ${payload.installation.id}` : undefined;
}

/** The work of one handler for one delivery. */
export function workOf(handler: string, event: string, deliveryId: string, payload: unknown): Work {
  const key = workKey(payload as Payload);
  const twin = createHash('sha256').update(`${handler}\0${event}\0${JSON.stringify(payload)}`).digest('base64url');
  return { ...(key ? { key } : {}), twin, delivery: `${deliveryId} ${handler}` };
}

/** Runs work serialised per key, once per delivery. */
export class WorkQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly waiting = new Map<string, Promise<Outcome>>();
  private readonly deliveries = new Map<string, Promise<Outcome>>();
  // The keys the current async call chain holds, so that work nested in work for the same key runs at once.
  private readonly held = new AsyncLocalStorage<ReadonlySet<string>>();

  /** @param remember how many recent deliveries are remembered to recognise a repeat. */
  constructor(private readonly remember = 10_000) {}

  /** Keys with work running or waiting. */
  get busyKeys(): number {
    return this.tails.size;
  }

  /** Runs `fn` for the work: after earlier work with the same key, unless its delivery was handled already. */
  async run(work: Work, fn: () => Promise<void>): Promise<Outcome> {
    const { delivery } = work;
    if (delivery) {
      const earlier = this.deliveries.get(delivery);
      if (earlier) {
        // A repeat: done when the first one succeeds; if that one fails, this one tries again.
        const succeeded = await earlier.then(
          () => true,
          () => false,
        );
        if (succeeded) return { ran: false, reason: 'duplicate delivery' };
      }
    }
    const outcome = this.schedule(work, fn);
    if (delivery) {
      this.deliveries.set(delivery, outcome);
      // Forget a failed delivery, so that GitHub's redelivery of it runs again.
      outcome.catch(() => {
        if (this.deliveries.get(delivery) === outcome) this.deliveries.delete(delivery);
      });
      for (const old of this.deliveries.keys()) {
        if (this.deliveries.size <= this.remember) break;
        this.deliveries.delete(old);
      }
    }
    return outcome;
  }

  private schedule(work: Work, fn: () => Promise<void>): Promise<Outcome> {
    const { key } = work;
    if (!key || this.held.getStore()?.has(key)) return fn().then(() => ({ ran: true }));
    const twinKey = work.twin ? `${key}\0${work.twin}` : undefined;
    const twin = twinKey ? this.waiting.get(twinKey) : undefined;
    if (twin) return twin.then(() => ({ ran: false, reason: 'an identical event waiting its turn was joined' }));

    const previous = this.tails.get(key) ?? Promise.resolve();
    const job = previous.then(() => {
      // Running now: an identical event from here on must run after it (the state may change meanwhile).
      if (twinKey) this.waiting.delete(twinKey);
      const held = new Set(this.held.getStore() ?? []);
      held.add(key);
      return this.held.run(held, fn);
    });
    const outcome = job.then((): Outcome => ({ ran: true }));
    if (twinKey) this.waiting.set(twinKey, outcome);
    const tail = job.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return outcome;
  }
}
