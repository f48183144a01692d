// Prints what the content check would post, instead of posting it (the dry run): as text for
// people, or as one JSON object for tools.
import type { PullRequestCheckOutcome } from '../decide/pull-request-check.ts';

/** The dry run's JSON: the check, the labels, the comment and the one-click suggestions. */
export interface DryRunReport {
  check: {
    conclusion: PullRequestCheckOutcome['conclusion'];
    summary: string;
    annotations: { path: string; line: number; level: 'error' | 'warning'; message: string }[];
  };
  labels: string[];
  /** The summary comment, or null when the bot would not comment. */
  comment: string | null;
  /** `startLine` only when a suggestion replaces more than one line. */
  suggestions: { path: string; line: number; startLine?: number; replacement: string }[];
}

/** The report of an outcome, in the dry run's JSON shape. */
export function dryRunReport(outcome: PullRequestCheckOutcome): DryRunReport {
  // Content problems come with messages; configuration problems only as annotations.
  const annotations = outcome.messages.length
    ? outcome.messages.map((m) => ({ path: m.file, line: m.line, level: m.severity, message: m.reason }))
    : outcome.annotations.map((a) => ({ path: a.path, line: a.start_line, level: a.annotation_level === 'warning' ? ('warning' as const) : ('error' as const), message: a.message }));
  return {
    check: { conclusion: outcome.conclusion, summary: outcome.summary, annotations },
    labels: [...outcome.labels].sort(),
    comment: outcome.comment ?? null,
    suggestions: outcome.suggestions.map((s) => ({ path: s.path, line: s.line, ...(s.startLine !== undefined ? { startLine: s.startLine } : {}), replacement: s.replacement })),
  };
}

/** The report as text: the check with its title and summary, each annotation, labels, comment, suggestions. */
export function formatDryRun(outcome: PullRequestCheckOutcome): string {
  const report = dryRunReport(outcome);
  const out = [`Check "Content check": ${report.check.conclusion} — ${outcome.title}`, '', report.check.summary, ''];
  out.push(`Annotations (${report.check.annotations.length}):`);
  for (const a of report.check.annotations) out.push(`  ${a.path}:${a.line}: ${a.level} ${a.message}`);
  out.push('', `Labels: ${report.labels.join(', ') || '(none)'}`, '');
  out.push(report.comment === null ? 'Comment: (none)' : `Comment:\n${report.comment}`, '');
  out.push(`Suggestions (${report.suggestions.length}):`);
  for (const s of report.suggestions) {
    out.push(`  ${s.path}:${s.startLine !== undefined ? `${s.startLine}-` : ''}${s.line}`);
    for (const line of s.replacement.split('\n')) out.push(`    | ${line}`);
  }
  return out.join('\n');
}
