// Runs the rules over parsed files against an index. The single entry point for validation.
import type { ContentIndex } from './content-index.ts';
import { messageAt, parseFile } from './parse.ts';
import type { Rule } from './rule.ts';
import { rules as allRules } from './rules/index.ts';
import { contentRoot, contentTypes, iconFolder } from './schema/index.ts';
import type { Speller } from './spelling.ts';
import type { Message, ParsedFile, Severity, SourceFile } from './types.ts';

export interface CheckOptions {
  /** Severity overrides by rule id; 'off' disables a rule. */
  severity?: Record<string, Severity | 'off'>;
  /** Spell checker; the spelling rule is skipped without one. */
  speller?: Speller;
  /** The rules to run (all by default). */
  rules?: readonly Rule[];
}

/** Checks one parsed file and returns its messages, sorted by place. */
export function checkParsed(file: ParsedFile, index: ContentIndex, options: CheckOptions = {}): Message[] {
  const messages: Message[] = [];
  for (const rule of options.rules ?? allRules) {
    const setting = options.severity?.[rule.id] ?? rule.severity;
    if (setting === 'off') continue;
    try {
      rule.check({
        file,
        index,
        speller: options.speller,
        report(r) {
          messages.push(
            messageAt(file, rule.id, setting, r.start, r.end, r.reason, {
              ...(r.expected ? { expected: r.expected } : {}),
              ...(r.fix ? { fix: r.fix } : {}),
              ...(r.cause ? { cause: r.cause } : {}),
            }),
          );
        },
      });
    } catch (error) {
      // A rule bug must not hide other problems or crash a contributor's check.
      messages.push(
        messageAt(file, rule.id, 'error', 0, 0, `Internal error in rule "${rule.id}": ${error instanceof Error ? error.message : String(error)}; please report it`),
      );
    }
  }
  return sortMessages(messages);
}

/** Rules that apply to any file in a record or icon folder, by its name alone. */
const nameRules = new Set(['file-name']);
const recordFolders = new Set(Object.values(contentTypes).map((t) => `${contentRoot}/${t.folder}`));

/**
 * How much of a file the check reads: markdown under content/ fully; other files in record or
 * icon folders only by name (a stray `.markdown` or `Logo.SVG`); anything else not at all.
 */
export function checkScope(path: string): 'full' | 'name' | undefined {
  if (!path.startsWith(`${contentRoot}/`)) return undefined;
  if (path.endsWith('.md')) return 'full';
  const folder = path.slice(0, path.lastIndexOf('/'));
  return recordFolders.has(folder) || folder === iconFolder ? 'name' : undefined;
}

/** Parses and checks one file in its scope (see checkScope); files out of scope get no messages. */
export function checkSource(source: SourceFile, index: ContentIndex, options: CheckOptions = {}): Message[] {
  const scope = checkScope(source.path) ?? (source.path.endsWith('.md') ? 'full' : undefined);
  if (!scope) return [];
  const file = parseFile(source);
  if (scope === 'full') return checkParsed(file, index, options);
  return checkParsed(file, index, { ...options, rules: (options.rules ?? allRules).filter((r) => nameRules.has(r.id)) });
}

/** Parses and checks files against an index (which should already include them). */
export function checkFiles(files: Iterable<SourceFile>, index: ContentIndex, options: CheckOptions = {}): Message[] {
  const out: Message[] = [];
  for (const source of files) out.push(...checkSource(source, index, options));
  return sortMessages(out);
}

/** Messages ordered by file, line, column, then rule id (stable output for people and tests). */
export function sortMessages(messages: Message[]): Message[] {
  return messages.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
