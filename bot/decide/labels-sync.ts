// Decides how to make a repository's labels match .github/labels.yml: create and update, never delete.
import type { LabelSpec } from '../labels-file.ts';

export interface LabelsSyncPlan {
  create: LabelSpec[];
  /** `current` is the name as it exists on GitHub (names match case-insensitively). */
  update: (LabelSpec & { current: string })[];
}

/**
 * Compares the wanted labels with the repository's. Labels that are not in the file are left
 * alone — they may be people's own or the bot's dynamic `page: …` labels.
 */
export function planLabelsSync(wanted: readonly LabelSpec[], existing: readonly LabelSpec[]): LabelsSyncPlan {
  const byName = new Map(existing.map((l) => [l.name.toLowerCase(), l]));
  const plan: LabelsSyncPlan = { create: [], update: [] };
  for (const label of wanted) {
    const have = byName.get(label.name.toLowerCase());
    if (!have) plan.create.push(label);
    else if (have.color.toLowerCase() !== label.color || (have.description ?? '') !== label.description || have.name !== label.name) {
      plan.update.push({ ...label, current: have.name });
    }
  }
  return plan;
}
