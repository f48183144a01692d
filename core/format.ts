// Prints messages the same way everywhere: human lines, JSON, and GitHub workflow commands.
import type { Message } from './types.ts';

/** `content/x.md:12:3: error Unexpected key "a", expected "b" [unknown-key]` */
export function formatMessage(m: Message): string {
  return `${m.file}:${m.line}:${m.column}: ${m.severity} ${m.reason} [${m.ruleId}]`;
}

/** Counts of errors and warnings. */
export function countMessages(messages: readonly Message[]): { errors: number; warnings: number; files: number } {
  let errors = 0;
  let warnings = 0;
  for (const m of messages) {
    if (m.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings, files: new Set(messages.map((m) => m.file)).size };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The closing line of a check: what was checked and what was found. */
export function formatSummary(messages: readonly Message[], filesChecked: number): string {
  const { errors, warnings, files } = countMessages(messages);
  if (errors === 0 && warnings === 0) return `✔ ${plural(filesChecked, 'file')} checked, no problems`;
  const found = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(' and ');
  const fixable = messages.filter((m) => m.fix).length;
  const fixHint = fixable ? ` (${fixable} fixable with --fix)` : '';
  return `${errors ? '✖' : '⚠'} ${found} in ${plural(files, 'file')} of ${filesChecked} checked${fixHint}`;
}

/** Human output: one line per message, then the summary. */
export function formatHuman(messages: readonly Message[], filesChecked: number): string {
  return [...messages.map(formatMessage), formatSummary(messages, filesChecked)].join('\n');
}

/** Machine output: `{ summary, messages }` as JSON. */
export function formatJson(messages: readonly Message[], filesChecked: number): string {
  const { errors, warnings } = countMessages(messages);
  return JSON.stringify({ files: filesChecked, errors, warnings, messages }, null, 2);
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands (`::error file=…,line=…::reason`), then the summary. */
export function formatGithub(messages: readonly Message[], filesChecked: number): string {
  const lines = messages.map(
    (m) =>
      `::${m.severity} file=${escapeProperty(m.file)},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${escapeProperty(m.ruleId)}::${escapeData(m.reason)}`,
  );
  return [...lines, formatSummary(messages, filesChecked)].join('\n');
}
