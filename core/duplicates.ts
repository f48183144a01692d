// Shared by the duplicate-* rules: report each value of this file that another record (or an
// earlier key of the same file) also defines, with `cause` pointing at the first other definition.
// Every copy is reported, so a pull request that adds a duplicate always sees it in its own file.
import { definitionsByValue } from './known-names.ts';
import type { RuleContext } from './rule.ts';
import type { ContentTypeName } from './schema/index.ts';

export interface DuplicateCheck {
  /** Cache key for the first-definition map of this check. */
  kind: string;
  type: ContentTypeName;
  /** Top-level keys whose values (strings or lists of strings) must be unique together. */
  keys: readonly string[];
  normalise: (value: string) => string;
  /** "Unexpected duplicate X" — what the value is called in messages. */
  what: string;
}

/** Reports the duplicates of one kind in the context's file. */
export function reportDuplicates({ file, index, report }: RuleContext, check: DuplicateCheck): void {
  if (file.type !== check.type || !file.data) return;
  const all = definitionsByValue(index, check.kind, check.type, check.keys, check.normalise);
  const seen = new Map<string, { path: string; start: number; value: string }>();
  for (const key of check.keys) {
    const raw = file.data[key];
    const values = typeof raw === 'string' ? [[key, raw]] : Array.isArray(raw) ? raw.map((v, i) => [`${key}.${i}`, v]) : [];
    for (const [path, value] of values as [string, unknown][]) {
      if (typeof value !== 'string') continue;
      const n = check.normalise(value);
      if (!n) continue;
      const range = file.ranges.get(path)?.value ?? [0, 0];
      const own = seen.get(n);
      const other = all.get(n)?.find((d) => d.path !== file.path);
      if (own) {
        const at = file.lines.place(own.start);
        report({
          start: range[0],
          end: range[1],
          reason: `Unexpected duplicate ${check.what} "${value}", expected it once (already at line ${at.line} as "${own.value}")`,
          cause: { file: file.path, line: at.line, column: at.column, reason: 'first defined here' },
        });
      } else if (other) {
        report({
          start: range[0],
          end: range[1],
          reason: `Unexpected duplicate ${check.what} "${value}", expected a ${check.what} used once (also in ${other.path}:${other.line} as "${other.value}")`,
          cause: { file: other.path, line: other.line, column: 1, reason: 'also defined here' },
        });
      }
      if (!own) seen.set(n, { path, start: range[0], value });
    }
  }
}
