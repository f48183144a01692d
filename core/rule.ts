// The shape of a rule and the context it reports through. Rules never throw on content.
import type { ContentIndex } from './content-index.ts';
import type { Message, ParsedFile, Severity, TextEdit } from './types.ts';
import type { Speller } from './spelling.ts';

/** What a rule reports: a span of the file and a reason ("Unexpected X, expected Y"). */
export interface Report {
  start: number;
  end: number;
  reason: string;
  expected?: string[];
  fix?: TextEdit[];
  cause?: Message['cause'];
}

export interface RuleContext {
  file: ParsedFile;
  index: ContentIndex;
  /** Spell checker (dictionary + project word list); absent when spelling is off. */
  speller?: Speller;
  report(report: Report): void;
}

export interface Rule {
  /** Stable id, printed in brackets after every message. */
  id: string;
  severity: Severity;
  /** One line for the docs: what the rule wants. */
  description: string;
  /** One line for the docs: how a contributor fixes what the rule reports. */
  help: string;
  /** True when the rule offers safe fixes. */
  fixable?: boolean;
  check(context: RuleContext): void;
}

/** Declares a rule (identity helper that keeps the type). */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** A rule for problems found while parsing (core/parse.ts): it gives them an id, severity and doc. */
export function parseProblemRule(id: string, severity: Severity, description: string, help: string, fixable = false): Rule {
  return defineRule({
    id,
    severity,
    description,
    help,
    fixable,
    check({ file, report }) {
      for (const p of file.problems) {
        if (p.ruleId !== id) continue;
        const start = file.lines.offset(p.line, p.column);
        const end = Math.max(start, file.lines.offset(p.endLine, p.endColumn));
        report({ start, end, reason: p.reason, fix: p.fix, expected: p.expected });
      }
    },
  });
}
