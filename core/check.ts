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

/** Runs one rule over one parsed file, adding its messages to `messages`. */
function runRule(rule: Rule, file: ParsedFile, index: ContentIndex, options: CheckOptions, messages: Message[]): void {
  const setting = options.severity?.[rule.id] ?? rule.severity;
  if (setting === 'off') return;
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

/** Checks one parsed file and returns its messages, sorted by place. */
export function checkParsed(file: ParsedFile, index: ContentIndex, options: CheckOptions = {}): Message[] {
  const messages: Message[] = [];
  for (const rule of options.rules ?? allRules) runRule(rule, file, index, options, messages);
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

/** The scope a file is checked in; markdown outside content/ (named on the command line) fully. */
function scopeOf(path: string): 'full' | 'name' | undefined {
  return checkScope(path) ?? (path.endsWith('.md') ? 'full' : undefined);
}

/** Parses and checks one file in its scope (see checkScope); files out of scope get no messages. */
export function checkSource(source: SourceFile, index: ContentIndex, options: CheckOptions = {}): Message[] {
  return checkSources([source], index, options)[0]!;
}

/**
 * How many files checkSources parses in a row before checking them. Each file's parse and
 * checks alternating with the next file's evict each other's code and data from the processor's
 * caches; a batch parsed in a row, then checked rule by rule, takes some 10–15% less CPU
 * (`npm run bench:validate` prints both), holding only a batch of parsed files in memory.
 */
export const checkBatchSize = 32;

/**
 * Parses and checks many files (each as checkSource would), in batches; returns each file's
 * messages in the order of `sources`. `onChecked` sees every parsed file once it is checked.
 */
export function checkSources(
  sources: readonly SourceFile[],
  index: ContentIndex,
  options: CheckOptions = {},
  onChecked?: (file: ParsedFile, messages: Message[]) => void,
): Message[][] {
  const out: Message[][] = [];
  for (let from = 0; from < sources.length; from += checkBatchSize) {
    const batch = sources.slice(from, from + checkBatchSize).map((source) => {
      const scope = scopeOf(source.path);
      return scope ? { scope, file: parseFile(source), messages: [] as Message[] } : undefined;
    });
    // Rule by rule across the batch; files in the 'name' scope get the name rules only.
    for (const rule of options.rules ?? allRules) {
      for (const parsed of batch) {
        if (parsed && (parsed.scope === 'full' || nameRules.has(rule.id))) runRule(rule, parsed.file, index, options, parsed.messages);
      }
    }
    for (const parsed of batch) {
      if (!parsed) {
        out.push([]);
        continue;
      }
      sortMessages(parsed.messages);
      onChecked?.(parsed.file, parsed.messages);
      out.push(parsed.messages);
    }
  }
  return out;
}

/** Parses and checks files against an index (which should already include them), messages sorted. */
export function checkFiles(files: Iterable<SourceFile>, index: ContentIndex, options: CheckOptions = {}): Message[] {
  return sortMessages(checkSources([...files], index, options).flat());
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
