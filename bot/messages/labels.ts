// What the bot says about .github/labels.yml: the failing "Labels" check when the file has mistakes.
import { escapeMarkdown } from '#core';

/** The name of the check run that reports a broken labels file. */
export const labelsCheckName = 'Labels';

/** Title and summary of the failing check; problems are escaped (the file is repository text). */
export function labelsFileCheck(path: string, problems: { line: number; column: number; message: string }[]): { title: string; summary: string } {
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  return {
    title: `${count} in ${path}`,
    summary: [
      `No labels were changed: the file has ${count}. Fix ${problems.length === 1 ? 'it' : 'them'} and push again; the bot applies the file when it changes on the default branch.`,
      '',
      ...problems.map((p) => `- line ${p.line}, column ${p.column}: ${escapeMarkdown(p.message)}`),
    ].join('\n'),
  };
}
