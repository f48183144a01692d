// The actions a decision plans: plain data, applied by execute-actions.ts or printed in a dry run.
// A feature that needs a new kind of action adds it here and in execute-actions.ts.

/** An annotation of a check run at a place in a file (GitHub's shape). */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title?: string;
  message: string;
}

/** A comment of a review on lines of the new version of a file. */
export interface ReviewLineComment {
  path: string;
  line: number;
  /** First line when the comment covers several lines. */
  startLine?: number;
  body: string;
}

export type PlannedAction =
  | {
      type: 'create-check-run';
      name: string;
      headSha: string;
      conclusion: 'success' | 'failure' | 'neutral';
      title: string;
      summary: string;
      annotations: CheckAnnotation[];
      /** Identifies the outcome, so a repeated delivery can see it was already reported. */
      externalId: string;
      /** When the check finished (the decision's `now`). */
      completedAt: string;
    }
  | { type: 'create-label'; name: string; color: string; description: string }
  | { type: 'add-labels'; issue: number; labels: string[] }
  | { type: 'remove-label'; issue: number; label: string }
  | { type: 'create-comment'; issue: number; body: string }
  | { type: 'update-comment'; commentId: number; body: string }
  | { type: 'create-review'; pull: number; commitId: string; body: string; comments: ReviewLineComment[] };
