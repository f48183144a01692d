// What the bot says on content pull requests: the check run, the summary comment, the review
// with suggestions. Written for contributors who edit in GitHub's web editor; user text is escaped.
import { escapeMarkdown, type Message } from '#core';

/** The check run's name, as it appears in the pull request's checks. */
export const checkName = 'Content check';

/** The hidden tag of the bot's summary comment on a pull request. */
export const summaryCommentTag = 'pull-request-check';

/** How a message is shown: its rule's advice on fixing it, and whether a one-click fix is offered. */
export interface ShownMessage {
  message: Message;
  help?: string;
  suggested: boolean;
}

/** Most messages listed in a comment or summary; the rest are in the check's annotations. */
const listLimit = 100;

function count(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function tagOf(text: string): string {
  return `<!-- ler-map:${text} -->`;
}

/** True when a comment body is the bot's pull request summary (its hidden tag). */
export function isSummaryComment(body: string): boolean {
  return body.includes(tagOf(summaryCommentTag));
}

/** The check run's title: one line that says whether anything blocks the merge. */
export function checkTitle(errors: number, warnings: number): string {
  if (errors) return `${count(errors, 'problem')} to fix${warnings ? `, ${count(warnings, 'suggestion')} to consider` : ''}`;
  if (warnings) return `No errors; ${count(warnings, 'suggestion')} to consider`;
  return 'All content follows the rules';
}

/** A file path (chosen by the contributor) as inline code: no markdown, mention or link inside. */
function codePath(path: string): string {
  return `\`${path.replace(/[`\r\n]/g, '?')}\``;
}

function place(m: Message): string {
  return m.endLine > m.line ? `Lines ${m.line}–${m.endLine}` : `Line ${m.line}`;
}

/** A list of problems grouped by file, each with its line, the reason (escaped) and how to fix it. */
function problemList(shown: readonly ShownMessage[]): string {
  const lines: string[] = [];
  let file = '';
  for (const { message: m, help, suggested } of shown.slice(0, listLimit)) {
    if (m.file !== file) {
      file = m.file;
      lines.push('', `**${codePath(m.file)}**`, '');
    }
    const icon = m.severity === 'error' ? '❌' : '⚠️';
    const fix = help ? ` *How to fix:* ${help.replace(/\n/g, ' ')}` : '';
    lines.push(`- ${icon} **${place(m)}:** ${escapeMarkdown(m.reason)}.${fix}${suggested ? ' 💡 *A one-click fix is in the review below.*' : ''} <sub>(${m.ruleId})</sub>`);
  }
  if (shown.length > listLimit) lines.push('', `…and ${count(shown.length - listLimit, 'more problem')}: see the annotations in the "Files changed" tab.`);
  return lines.join('\n').trim();
}

const howToFix = [
  '**How to fix these in your browser:** open the **Files changed** tab, find the file, and choose **⋯ → Edit file**.',
  'Make the change, then **Commit changes** to this same branch. The bot checks again on every commit.',
].join(' ');

function counts(shown: readonly ShownMessage[]): { errors: number; warnings: number; files: number } {
  const errors = shown.filter((s) => s.message.severity === 'error').length;
  return { errors, warnings: shown.length - errors, files: new Set(shown.map((s) => s.message.file)).size };
}

function overview(shown: readonly ShownMessage[], draft: boolean): string {
  const { errors, warnings, files } = counts(shown);
  const parts: string[] = [];
  if (errors) parts.push(`**${count(errors, 'problem')} must be fixed** before this can be merged`);
  if (warnings) parts.push(`**${count(warnings, 'suggestion')}** ${warnings === 1 ? 'is' : 'are'} worth a look (${warnings === 1 ? 'it does' : 'they do'} not block merging)`);
  const where = ` in ${count(files, 'file')}`;
  const draftNote = draft && errors ? ' This pull request is a draft, so take your time: it is checked on every commit.' : '';
  return `${parts.join(', and ')}${where}. Each one is also marked at its line in the **Files changed** tab.${draftNote}`;
}

/** The check run's summary (markdown): what was checked and, in plain words, what to do. */
export function checkSummary(input: { shown: readonly ShownMessage[]; filesChecked: number; draft: boolean; touchesCode: boolean }): string {
  const { shown, filesChecked } = input;
  const code = input.touchesCode ? '\n\nThis pull request also changes files outside `content/`; a maintainer will review those.' : '';
  if (filesChecked === 0 && shown.length === 0) return `This pull request changes no content files, so there was nothing to check.${code}`;
  if (shown.length === 0) return `✅ ${count(filesChecked, 'changed content file')} checked: everything follows the content rules.${code}`;
  return [overview(shown, input.draft), '', problemList(shown), '', howToFix].join('\n') + code;
}

/** The message of one annotation (plain text, shown at the line). */
export function annotationMessage(m: Message, help: string | undefined): string {
  return help ? `${m.reason}.\nHow to fix: ${help}` : `${m.reason}.`;
}

/** The bot's summary comment while there are problems (or to welcome a first-time contributor). */
export function summaryComment(input: { shown: readonly ShownMessage[]; welcome?: string; suggestions: number; draft: boolean }): string {
  const head = input.welcome ? [input.welcome, ''] : [];
  if (input.shown.length === 0) {
    return [tagOf(summaryCommentTag), ...head, '✅ The content check found nothing to fix. Thank you!'].join('\n');
  }
  const review = input.suggestions ? ` ${count(input.suggestions, 'fix', 'fixes')} marked 💡 can be applied with one click: press **Commit suggestion** in the bot's review.` : '';
  return [
    tagOf(summaryCommentTag),
    ...head,
    '### The content check found something to change',
    '',
    overview(input.shown, input.draft),
    '',
    problemList(input.shown),
    '',
    howToFix + review,
    '',
    'This comment is updated as you make changes.',
  ].join('\n');
}

/** The summary comment once everything is fixed: brief. */
export function allFixedComment(): string {
  return [tagOf(summaryCommentTag), '✅ All fixed: the content check passes now. Thank you!'].join('\n');
}

/** The body of the bot's review that carries suggestions. */
export function reviewBody(suggestions: number): string {
  return `${count(suggestions, 'problem')} can be fixed with one click: press **Commit suggestion** on ${suggestions === 1 ? 'it' : 'each'}, or **Add suggestion to batch** to commit several at once.`;
}

/** One review comment: what is wrong, and the fixed lines as a GitHub suggestion. */
export function suggestionComment(messages: readonly Message[], replacement: string): string {
  const longest = Math.max(2, ...[...replacement.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const why = messages.map((m) => `${escapeMarkdown(m.reason)} <sub>(${m.ruleId})</sub>`).join('<br>');
  return `${why}\n\n${fence}suggestion\n${replacement}\n${fence}`;
}

/** The check when `.github/ler-map.yml` has problems: nothing else is judged until it is fixed. */
export function configProblemsCheck(path: string, problems: readonly { line: number; column: number; message: string }[]): { title: string; summary: string } {
  return {
    title: `The bot's configuration (${path}) has ${count(problems.length, 'problem')}`,
    summary: [
      `The content was not checked, because the bot's configuration file \`${path}\` on the default branch has ${count(problems.length, 'problem')}.`,
      'A maintainer needs to fix it; then re-run this check.',
      '',
      ...problems.map((p) => `- \`${path}\` line ${p.line}, column ${p.column}: ${escapeMarkdown(p.message)}`),
    ].join('\n'),
  };
}

/** The check when the pull request is too large for GitHub to list its files. */
export function tooManyFilesCheck(changed: number, listed: number): { title: string; summary: string } {
  return {
    title: `Too many files to check (${changed})`,
    summary: `This pull request changes ${changed} files; GitHub lists at most ${listed} of them, so the bot cannot check it. Split it into smaller pull requests, or run \`npm run check\` on a checkout.`,
  };
}

/** The check when the fork a pull request came from was deleted. */
export function headRepositoryGoneCheck(): { title: string; summary: string } {
  return {
    title: 'The changes cannot be read',
    summary: 'The repository this pull request comes from no longer exists, so its files cannot be read and checked.',
  };
}

/** The check when the bot itself failed: a short notice; details are in the bot's logs. */
export function internalErrorCheck(): { title: string; summary: string } {
  return {
    title: 'The content check could not finish',
    summary: 'Something went wrong inside the bot, not in your changes. The maintainers can see the details in its logs. Push a new commit or use **Re-run** to try again.',
  };
}
