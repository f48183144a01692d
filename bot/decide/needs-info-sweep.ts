// The daily `needs info` sweep for one issue: one reminder after N days without an answer from
// the author, then a kind close after M more days. Pure: (facts, config, now) → step.

export interface NeedsInfoFacts {
  /** When `needs info` was last put on the issue (ISO). */
  labeledAt: string;
  /** Times (ISO) of the author's comments. */
  authorCommentTimes: string[];
  /** Times (ISO) of the bot's reminders on this issue. */
  reminderTimes: string[];
  /** Times (ISO) of the bot's closing notes: an issue reopened since starts a fresh wait. */
  closedTimes?: string[];
}

export type SweepStep = { action: 'none'; reason: string } | { action: 'remind' } | { action: 'close' };

const day = 24 * 60 * 60 * 1000;

/** What the sweep does with one open `needs info` issue today. */
export function decideNeedsInfoSweep(facts: NeedsInfoFacts, days: { remind_after_days: number; close_after_days: number }, now: Date): SweepStep {
  const since = [facts.labeledAt, ...(facts.closedTimes ?? [])].sort().at(-1)!;
  if (facts.authorCommentTimes.some((t) => t > since)) return { action: 'none', reason: 'the author replied' };
  const reminder = facts.reminderTimes.filter((t) => t > since).sort().at(-1);
  if (!reminder) {
    return now.getTime() - Date.parse(since) >= days.remind_after_days * day ? { action: 'remind' } : { action: 'none', reason: 'not yet time to remind' };
  }
  if (facts.authorCommentTimes.some((t) => t > reminder)) return { action: 'none', reason: 'the author replied' };
  return now.getTime() - Date.parse(reminder) >= days.close_after_days * day ? { action: 'close' } : { action: 'none', reason: 'reminded; not yet time to close' };
}
