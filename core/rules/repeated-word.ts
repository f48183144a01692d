// repeated-word: a word typed twice in a row ("the the") is a slip; "that that" and "had had"
// can be right and are left alone.
import { defineRule } from '../rule.ts';
import { spanWordsOf, textSpans } from '../text-spans.ts';

const allowedRepeats = new Set(['that', 'had', 'is', 'do', 'bye', 'no', 'very', 'so']);

export default defineRule({
  id: 'repeated-word',
  severity: 'error',
  description: 'No word typed twice in a row ("the the"); "that that" and "had had" are allowed.',
  help: 'Delete one of the two words.',
  check({ file, report }) {
    for (const span of textSpans(file)) {
      const words = spanWordsOf(span);
      for (let i = 1; i < words.length; i++) {
        const a = words[i - 1]!;
        const b = words[i]!;
        // Cheap test first: most neighbours differ in length.
        if (a.word.length !== b.word.length) continue;
        const lower = a.word.toLowerCase();
        if (lower !== b.word.toLowerCase() || /\d/.test(lower) || allowedRepeats.has(lower)) continue;
        const gap = span.text.slice(a.index + a.word.length, b.index);
        if (!/^[ \t]+$/.test(gap)) continue;
        const start = span.start + a.index;
        report({
          start,
          end: span.start + b.index + b.word.length,
          reason: `Unexpected repeated word "${b.word}", expected it once`,
          expected: [a.word],
        });
      }
    }
  },
});
