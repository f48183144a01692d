// Maintainers' slash commands in issue and pull request comments: finding them (never inside
// code, quotes or HTML comments; on edits only the new ones) and deciding what they do. Pure.
import type { Nodes, Parent, Root } from 'mdast';
import { parseMarkdown } from '#core';
import type { IssuesConfig } from '../config-issues.ts';
import type { FormKind } from '../issue-forms/form-template.ts';
import { commandNotAllowed, commandReply, type CommandNote } from '../messages/issues.ts';
import { nameKey } from '../triage/understand-issue.ts';

/** The commands the bot obeys. */
export const commandNames = ['label', 'unlabel', 'page', 'duplicate', 'needs-info', 'accept', 'help'] as const;
export type CommandName = (typeof commandNames)[number];

export interface ParsedCommand {
  /** Lowercase command name without the slash ("label", or an unknown one). */
  name: string;
  /** Everything after the name on its line, trimmed. */
  args: string;
}

/** Repository roles allowed to run commands (GitHub's role_name, or the legacy permission). */
const allowedRoles = new Set(['triage', 'write', 'maintain', 'admin']);

const commandLine = /^\/([a-z][a-z-]*)(?:[ \t]+(.*?))?[ \t]*$/i;

/** Text of a paragraph without inline code and HTML (comments included). */
function visibleText(node: Nodes): string {
  if (node.type === 'inlineCode' || node.type === 'html') return '';
  if (node.type === 'break') return '\n';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(visibleText).join('');
  return '';
}

/** The commands of a comment, in order: one per line starting with `/name`, outside code, quotes and HTML. */
export function parseCommands(body: string): ParsedCommand[] {
  const tree: Root = parseMarkdown(body.replace(/\r\n?/g, '\n'));
  const out: ParsedCommand[] = [];
  const walk = (node: Nodes) => {
    // Quoted text is someone else's words; code and HTML blocks are not instructions.
    if (node.type === 'blockquote' || node.type === 'code' || node.type === 'html' || node.type === 'yaml') return;
    if (node.type === 'paragraph' || node.type === 'heading') {
      for (const line of visibleText(node).split('\n')) {
        const m = commandLine.exec(line.trim());
        if (m) out.push({ name: m[1]!.toLowerCase(), args: (m[2] ?? '').trim() });
      }
      return;
    }
    if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes);
  };
  walk(tree);
  return out;
}

/** Commands in `body` that were not in `previous` (an edited comment runs only what was added). */
export function newCommands(body: string, previous?: string | null): ParsedCommand[] {
  const commands = parseCommands(body);
  if (previous === undefined || previous === null) return commands;
  const before = new Map<string, number>();
  for (const c of parseCommands(previous)) before.set(key(c), (before.get(key(c)) ?? 0) + 1);
  return commands.filter((c) => {
    const n = before.get(key(c)) ?? 0;
    if (n > 0) {
      before.set(key(c), n - 1);
      return false;
    }
    return true;
  });
}

function key(c: ParsedCommand): string {
  return `${c.name} ${c.args.toLowerCase().replace(/\s+/g, ' ')}`;
}

/** Whether a command is one the bot knows. */
export function isKnownCommand(name: string): name is CommandName {
  return (commandNames as readonly string[]).includes(name);
}

/** Whether a collaborator permission answer allows commands. */
export function mayRunCommands(permission: { permission?: string; role_name?: string } | undefined): boolean {
  if (!permission) return false;
  return allowedRoles.has(permission.role_name ?? '') || permission.permission === 'admin' || permission.permission === 'write';
}

export interface CommandSnapshot {
  commands: ParsedCommand[];
  commenter: string;
  /** The commenter's permission answer from GitHub (undefined when not a collaborator). */
  permission?: { permission?: string; role_name?: string };
  issue: { number: number; isPullRequest: boolean; labels: string[]; kind?: FormKind };
  /** Every label of the repository. */
  repoLabels: string[];
  /** Pages of the map: slug → title. */
  pages: Map<string, string>;
  /** For `/duplicate #n`: what GitHub said about issue n. */
  duplicateTarget?: { number: number; exists: boolean };
}

export interface CommandPlan {
  /** False when the commenter may not run commands (then only `reply` is set). */
  allowed: boolean;
  addLabels: string[];
  removeLabels: string[];
  /** Labels to create before adding them (page labels new to the repository). */
  createLabels: string[];
  close?: { duplicateOf: number };
  /** Ask the author for information (the acknowledgement says so). */
  needsInfo: boolean;
  /** Turn the proposal into a pull request. */
  accept: boolean;
  /** Notes for the reply (the accept outcome is added by the proposal flow). */
  notes: CommandNote[];
  /** The reply to post now, when something needs saying and no proposal step follows. */
  reply?: string;
  /** React to the comment to show the commands ran. */
  react: boolean;
}

/** The `#n` of `/duplicate #n`, or undefined. */
export function duplicateNumber(args: string): number | undefined {
  const m = /^#?(\d+)\b/.exec(args.trim());
  return m ? Number(m[1]) : undefined;
}

function unquote(s: string): string {
  return s.trim().replace(/^(["'`])(.*)\1$/, '$2').trim();
}

/** Decides what a comment's commands do. */
export function decideCommands(s: CommandSnapshot, config: IssuesConfig): CommandPlan {
  const plan: CommandPlan = { allowed: true, addLabels: [], removeLabels: [], createLabels: [], needsInfo: false, accept: false, notes: [], react: false };
  const known = s.commands.filter((c) => isKnownCommand(c.name));
  if (known.length === 0 && s.commands.length === 0) return plan;
  if (!mayRunCommands(s.permission)) {
    plan.allowed = false;
    // Someone without access who only wrote something slash-like is not answered at all.
    if (known.length > 0) plan.reply = commandNotAllowed(s.commenter);
    return plan;
  }
  const has = (labels: string[], name: string) => labels.some((l) => l.toLowerCase() === name.toLowerCase());
  const labels = [...s.issue.labels];
  let acted = false;
  for (const c of s.commands) {
    const arg = unquote(c.args);
    switch (c.name) {
      case 'help':
        plan.notes.push({ kind: 'help' });
        break;
      case 'label':
      case 'unlabel': {
        if (!arg) {
          plan.notes.push({ kind: 'missing-argument', command: `/${c.name}` });
          break;
        }
        const existing = s.repoLabels.find((l) => l.toLowerCase() === arg.toLowerCase());
        if (!existing) {
          plan.notes.push({ kind: 'unknown-label', name: arg, existing: [...s.repoLabels].sort() });
          break;
        }
        acted = true;
        if (c.name === 'label' && !has(labels, existing)) {
          labels.push(existing);
          plan.addLabels.push(existing);
          plan.removeLabels = plan.removeLabels.filter((l) => l !== existing);
        } else if (c.name === 'unlabel' && has(labels, existing)) {
          labels.splice(labels.findIndex((l) => l.toLowerCase() === existing.toLowerCase()), 1);
          if (plan.addLabels.includes(existing)) plan.addLabels = plan.addLabels.filter((l) => l !== existing);
          else plan.removeLabels.push(existing);
        }
        break;
      }
      case 'page': {
        if (!arg) {
          plan.notes.push({ kind: 'missing-argument', command: '/page' });
          break;
        }
        const wanted = nameKey(arg.replace(/^page:\s*/i, ''));
        const slug = [...s.pages].find(([slug, title]) => nameKey(slug) === wanted || nameKey(title) === wanted)?.[0];
        if (!slug) {
          plan.notes.push({ kind: 'unknown-page', name: arg, pages: [...s.pages.keys()].sort() });
          break;
        }
        acted = true;
        const label = `${config.labels.page_prefix}${slug}`;
        if (!has(labels, label)) {
          labels.push(label);
          plan.addLabels.push(label);
          if (!has(s.repoLabels, label) && !plan.createLabels.includes(label)) plan.createLabels.push(label);
        }
        break;
      }
      case 'duplicate': {
        const n = duplicateNumber(c.args);
        if (n === undefined) plan.notes.push({ kind: 'bad-duplicate', reason: 'missing' });
        else if (n === s.issue.number) plan.notes.push({ kind: 'bad-duplicate', reason: 'self' });
        else if (!s.duplicateTarget || s.duplicateTarget.number !== n || !s.duplicateTarget.exists) plan.notes.push({ kind: 'bad-duplicate', reason: 'not-found' });
        else {
          acted = true;
          plan.close = { duplicateOf: n };
          plan.notes.push({ kind: 'duplicate-closed', of: n });
          const label = config.labels.duplicate;
          if (!has(labels, label)) {
            labels.push(label);
            plan.addLabels.push(label);
            if (!has(s.repoLabels, label)) plan.createLabels.push(label);
          }
        }
        break;
      }
      case 'needs-info':
        acted = true;
        plan.needsInfo = true;
        break;
      case 'accept':
        if (s.issue.isPullRequest || (s.issue.kind !== 'term' && s.issue.kind !== 'resource')) plan.notes.push({ kind: 'accept-not-proposal' });
        else {
          acted = true;
          plan.accept = true;
        }
        break;
      default:
        plan.notes.push({ kind: 'unknown-command', name: c.name });
    }
  }
  plan.react = acted;
  // With /accept the reply waits for the proposal's outcome, so that there is one answer.
  if (!plan.accept) plan.reply = commandReply(s.commenter, plan.notes);
  return plan;
}
