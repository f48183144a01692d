// Every word the bot says on issues: the acknowledgement, answers to commands, needs-info
// reminders, proposal pull requests. User text is always escaped before it is shown.

/** Hidden markers that tag the bot's own comments, so it edits them instead of posting again. */
export const markers = {
  triage: 'ler-map:issue-triage',
  reminder: 'ler-map:needs-info-reminder',
  closed: 'ler-map:needs-info-closed',
  command: 'ler-map:command-reply',
  proposal: 'ler-map:proposal',
} as const;

/** What the bot remembers about an issue, kept in its acknowledgement's hidden marker. */
export interface TriageState {
  /** Labels the bot added (the only ones it may remove). */
  labels: string[];
  /** Labels a person removed after the bot added them: never added again. */
  suppressed: string[];
  /** Why `needs info` is asked for, and since when (ISO time). */
  needsInfo?: { reason: 'missing' | 'maintainer'; since: string };
}

export const emptyState: TriageState = { labels: [], suppressed: [] };

/** The hidden first line of a comment: marker plus JSON state, with `--` and `>` made harmless. */
export function markerLine(marker: string, data?: unknown): string {
  const json = data === undefined ? '' : ` ${JSON.stringify(data).replace(/-(?=-)/g, '\\u002d').replace(/>/g, '\\u003e')}`;
  return `<!-- ${marker}${json} -->`;
}

/** Whether a comment body starts with one of the bot's markers. */
export function hasMarker(body: string | null | undefined, marker: string): boolean {
  return (body ?? '').startsWith(`<!-- ${marker}`);
}

/** The state stored in an acknowledgement, or the empty state when there is none or it is unreadable. */
export function readTriageState(body: string | null | undefined): TriageState {
  const m = new RegExp(`^<!-- ${markers.triage} (\\{.*?\\}) -->`).exec(body ?? '');
  if (!m) return { ...emptyState };
  try {
    const data = JSON.parse(m[1]!) as Partial<TriageState>;
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    const needsInfo = data.needsInfo;
    return {
      labels: strings(data.labels),
      suppressed: strings(data.suppressed),
      ...(needsInfo && (needsInfo.reason === 'missing' || needsInfo.reason === 'maintainer') && typeof needsInfo.since === 'string'
        ? { needsInfo: { reason: needsInfo.reason, since: needsInfo.since } }
        : {}),
    };
  } catch {
    return { ...emptyState };
  }
}

/**
 * User text made safe to show inline: one line, markdown and HTML escaped, no @mentions,
 * no autolinks, no issue references, at most `max` characters.
 */
export function escapeInline(text: string, max = 120): string {
  let t = text.replace(/\s+/g, ' ').trim();
  if ([...t].length > max) t = `${[...t].slice(0, max - 1).join('')}…`;
  return t
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+!|~"-]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u2060')
    .replace(/:\/\//g, ':\u2060//')
    // Every "www." (also after a letter or "_", where GitHub still starts a bare link).
    .replace(/www\./gi, (w) => `${w.slice(0, 3)}\u2060.`);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A page the bot understood the issue to be about, with its links. */
export interface PageLink {
  title: string;
  liveUrl: string;
  /** Link to the source file or folder in the repository, when the page has one. */
  sourceUrl?: string;
  /** "page" for a whole page, or the record's kind ("glossary term") on a shared page. */
  what: string;
}

export interface MissingItem {
  label: string;
  reason: 'empty' | 'unknown-page' | 'not-https' | 'unknown-stakeholder' | 'quote-needs-source';
}

export interface AcknowledgementData {
  state: TriageState;
  author: string;
  firstTime: boolean;
  /** Likely spam: a short neutral note only. */
  quiet: boolean;
  /** The first line of what was understood ("Feedback: Correction"), already safe to show. */
  summary?: string;
  pages: PageLink[];
  /** When the issue names no page and could (free-form feedback). */
  noPage: boolean;
  missing: MissingItem[];
  /** `needs info` is on and why; `answered` when the author has replied since. */
  needsInfo?: 'missing' | 'maintainer';
  answered: boolean;
  duplicates: Array<{ number: number; title: string }>;
  needsInfoLabel: string;
  /** Term or resource proposals can become pull requests. */
  proposal: boolean;
}

const missingText: Record<MissingItem['reason'], string> = {
  empty: 'this field is empty',
  'unknown-page': 'we could not find this page on the site; paste the address from your browser',
  'not-https': 'this should be a link starting with `https://`',
  'unknown-stakeholder': 'this is not one of the stakeholders on the map; pick one from the list',
  'quote-needs-source': 'a quote needs a public source we can link to',
};

/** The one acknowledgement comment on an issue (edited in place as the issue changes). */
export function acknowledgement(d: AcknowledgementData): string {
  const lines: string[] = [markerLine(markers.triage, d.state)];
  if (d.quiet) {
    lines.push('Thank you for opening this issue. A maintainer will take a look.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    d.firstTime
      ? `Welcome, @${d.author}, and thank you for your first issue here! Feedback from readers is how the map stays accurate and useful.`
      : `Thank you, @${d.author}!`,
  );
  lines.push('', '**What we understood**');
  if (d.summary) lines.push(`- ${d.summary}`);
  for (const p of d.pages) {
    const source = p.sourceUrl ? ` ([source file](${p.sourceUrl}))` : '';
    lines.push(`- ${p.what === 'page' ? 'Page' : capitalise(p.what)}: [${escapeInline(p.title, 80)}](${p.liveUrl})${source}`);
  }
  if (d.noPage) lines.push('- We could not tell which page this is about. If it is about one page, add its address; a maintainer can also set it.');

  if (d.needsInfo && d.answered) {
    lines.push('', 'Thanks for the extra information. A maintainer will take it from here.');
  } else if (d.needsInfo === 'maintainer' && d.missing.length === 0) {
    lines.push('', `**A maintainer asked for more information.** Please reply below with the details. Until then this issue has the \`${d.needsInfoLabel}\` label.`);
  } else if (d.missing.length > 0) {
    lines.push('', '**What we still need** (edit this issue with the ⋯ menu → Edit, or reply below):');
    for (const m of d.missing) lines.push(`- **${escapeInline(m.label, 60)}**: ${missingText[m.reason]}.`);
    if (d.needsInfo) lines.push(`Until then this issue has the \`${d.needsInfoLabel}\` label.`);
  }

  if (d.duplicates.length > 0) {
    lines.push(
      '',
      `<details><summary>Possibly related open issues (${d.duplicates.length})</summary>`,
      '',
      ...d.duplicates.map((x) => `- #${x.number} ${escapeInline(x.title, 100)}`),
      '',
      'If one of these is the same, say so in a comment. Nothing is closed automatically.',
      '</details>',
    );
  }
  lines.push(
    '',
    d.proposal
      ? 'A maintainer will review it next. When it is accepted, a pull request with the new file is opened for you and you are credited as co-author.'
      : 'A maintainer will look at it next.',
  );
  return `${lines.join('\n')}\n`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The line that says what an issue is, from its form answers (all user text escaped). */
export function summaryLine(kind: string | undefined, answers: Record<string, string>): string | undefined {
  switch (kind) {
    case 'feedback':
      return answers.kind ? `Feedback: ${escapeInline(answers.kind, 40)}` : 'Feedback';
    case 'term':
      return `Proposed glossary term: ${answers.term ? `“${escapeInline(answers.term, 80)}”` : '(no term yet)'}`;
    case 'resource':
      return `Suggested resource: ${answers.title ? `“${escapeInline(answers.title, 100)}”` : '(no title yet)'}`;
    case 'stakeholder':
      return `Change to a stakeholder${answers.section ? `, section “${escapeInline(answers.section, 60)}”` : ''}`;
    case 'site':
      return `Site problem${answers.browser ? ` (${escapeInline(answers.browser, 60)})` : ''}`;
    default:
      return undefined;
  }
}

/** The commands maintainers can use, for /help and for answers to unknown commands. */
export const commandHelp: Array<[string, string]> = [
  ['/label <name>', 'add an existing label'],
  ['/unlabel <name>', 'remove a label'],
  ['/page <slug>', 'add the `page: <slug>` label for a page of the map'],
  ['/duplicate #<n>', 'close this issue as a duplicate of issue #n'],
  ['/needs-info', 'ask the author for more information (adds the needs-info label)'],
  ['/accept', 'turn a term or resource proposal into a pull request'],
  ['/help', 'show this list'],
];

function helpList(): string[] {
  return commandHelp.map(([c, what]) => `- \`${c}\`: ${what}`);
}

/** One outcome of a command that needs to be said. */
export type CommandNote =
  | { kind: 'help' }
  | { kind: 'unknown-command'; name: string }
  | { kind: 'unknown-label'; name: string; existing: string[] }
  | { kind: 'unknown-page'; name: string; pages: string[] }
  | { kind: 'missing-argument'; command: string }
  | { kind: 'bad-duplicate'; reason: 'self' | 'not-found' | 'missing' }
  | { kind: 'accept-not-proposal' }
  | { kind: 'accept-problems'; problems: Array<{ field?: string; message: string }> }
  | { kind: 'accept-opened'; pull: number; updated: boolean }
  | { kind: 'accept-existing'; pull: number }
  | { kind: 'duplicate-closed'; of: number };

/** The answer to a comment with commands; undefined when nothing needs saying. */
export function commandReply(login: string, notes: readonly CommandNote[]): string | undefined {
  if (notes.length === 0) return undefined;
  const parts: string[] = [];
  for (const n of notes) {
    switch (n.kind) {
      case 'help':
        parts.push(['These commands work in comments on issues and pull requests (for people with triage or write access):', ...helpList()].join('\n'));
        break;
      case 'unknown-command':
        parts.push([`\`/${escapeCode(n.name)}\` is not a command I know. These are:`, ...helpList()].join('\n'));
        break;
      case 'unknown-label':
        parts.push(
          `There is no label \`${escapeCode(n.name)}\` in this repository. Labels that exist: ${n.existing.map((l) => `\`${escapeCode(l)}\``).join(', ') || '(none)'}.`,
        );
        break;
      case 'unknown-page':
        parts.push(`There is no page \`${escapeCode(n.name)}\` on the map. Pages: ${n.pages.map((p) => `\`${escapeCode(p)}\``).join(', ')}.`);
        break;
      case 'missing-argument':
        parts.push(`\`${n.command}\` needs an argument, for example ${commandHelp.find(([c]) => c.startsWith(n.command))?.[0].replace(/^/, '`').concat('`') ?? ''}.`);
        break;
      case 'bad-duplicate':
        parts.push(
          n.reason === 'self'
            ? 'An issue cannot be a duplicate of itself.'
            : n.reason === 'not-found'
              ? 'I could not find that issue in this repository.'
              : 'Write the issue number, for example `/duplicate #12`.',
        );
        break;
      case 'accept-not-proposal':
        parts.push('`/accept` works on glossary term and resource proposals made with the issue forms; this issue is not one.');
        break;
      case 'accept-problems':
        parts.push(
          ['The proposal cannot become a pull request yet. Please fix these in the issue (⋯ → Edit), then run `/accept` again:', ...n.problems.map((p) => `- ${p.field ? `**${escapeInline(p.field, 60)}**: ` : ''}${escapeInline(p.message, 300)}`)].join(
            '\n',
          ),
        );
        break;
      case 'accept-opened':
        parts.push(n.updated ? `Updated pull request #${n.pull} with the current proposal.` : `Opened pull request #${n.pull} with the proposal.`);
        break;
      case 'accept-existing':
        parts.push(`Pull request #${n.pull} already holds this proposal.`);
        break;
      case 'duplicate-closed':
        parts.push(`Duplicate of #${n.of}. Closing this one so the discussion stays in one place.`);
        break;
    }
  }
  return `${markerLine(markers.command)}\n@${login}: ${parts.join('\n\n')}\n`;
}

/** The polite answer to someone without triage or write access who used a command. */
export function commandNotAllowed(login: string): string {
  return `${markerLine(markers.command)}\n@${login}: thanks! Commands like this one are for maintainers (people with triage or write access), so I have left the issue as it is. A maintainer will see your comment.\n`;
}

/** Text inside a code span: backticks removed so the span cannot be closed early. */
function escapeCode(text: string): string {
  return text.replace(/`/g, "'").replace(/\s+/g, ' ').slice(0, 60);
}

/** The one reminder on a `needs info` issue with no answer from its author. */
export function needsInfoReminder(author: string, closeAfterDays: number): string {
  return `${markerLine(markers.reminder)}\n@${author}, a gentle reminder: this issue is waiting for a little more information (see the first comment from the bot). If nothing is added in the next ${plural(closeAfterDays, 'day')}, it will be closed for now. Replying later reopens it.\n`;
}

/** The kind note when a `needs info` issue is closed. */
export function needsInfoClosed(author: string): string {
  return `${markerLine(markers.closed)}\n@${author}, we are closing this issue for now because we could not get the information we need. Thank you for taking the time to report it. Reply here at any time and it will be reopened.\n`;
}

/** The note when an author's reply reopens an issue closed for lack of information. */
export const reopenedNote = 'Thanks for coming back to this! The issue is open again and a maintainer will look at it.';

/** Title of a proposal pull request. */
export function proposalTitle(kind: 'term' | 'resource', name: string): string {
  return kind === 'term' ? `Add glossary term: ${name.replace(/\s+/g, ' ').slice(0, 100)}` : `Add resource: ${name.replace(/\s+/g, ' ').slice(0, 100)}`;
}

/** Body of a proposal pull request. */
export function proposalBody(issue: number, path: string, accepter: string, author: string): string {
  return [
    markerLine(markers.proposal, { issue }),
    `This pull request adds \`${path}\`, built from the proposal in #${issue} by @${author} and accepted by @${accepter}.`,
    '',
    `Closes #${issue}`,
    '',
    'The content check runs on it like on any other pull request. Edits can be pushed to this branch before merging.',
  ].join('\n');
}

/** Commit message of a proposal, crediting the issue's author as co-author. */
export function proposalCommitMessage(kind: 'term' | 'resource', name: string, issue: number, author: { login: string; id: number }): string {
  return `${proposalTitle(kind, name)}\n\nFrom the proposal in #${issue}.\n\nCo-authored-by: ${author.login} <${author.id}+${author.login}@users.noreply.github.com>\n`;
}
