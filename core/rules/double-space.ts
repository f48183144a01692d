// double-space: one space between words and after full stops; runs of spaces are collapsed.
import { defineRule } from '../rule.ts';
import { textSpans } from '../text-spans.ts';

// Spaces between two visible characters (masked markup counts as visible): not indentation.
const runOfSpaces = /(?<=\S) {2,}(?=\S)/g;

export default defineRule({
  id: 'double-space',
  severity: 'warning',
  description: 'One space between words and sentences, in fields and in text.',
  help: 'Delete the extra spaces (`npm run check -- --fix` does it).',
  fixable: true,
  check({ file, report }) {
    for (const span of textSpans(file)) {
      if (!span.text.includes('  ')) continue;
      for (const m of span.text.matchAll(runOfSpaces)) {
        const start = span.start + m.index;
        report({
          start,
          end: start + m[0].length,
          reason: `Unexpected ${m[0].length} spaces, expected 1`,
          fix: [{ start, end: start + m[0].length, text: ' ' }],
        });
      }
    }
  },
});
