// run-together-words: two words typed without the space between them ("LERsImplement"): a
// lowercase-to-uppercase join inside a word whose parts are both words. Names written that
// way on purpose (LinkedIn) belong in content/.words.txt.
import { glossaryFacts } from '../known-names.ts';
import { defineRule } from '../rule.ts';
import { textSpans, wordsOf, inToken } from '../text-spans.ts';
import { camelParts, isKnownWord } from '../words.ts';

export default defineRule({
  id: 'run-together-words',
  severity: 'warning',
  description: 'No words run together without a space ("LERsImplement"); names written that way belong in content/.words.txt.',
  help: 'Add the missing space; if it is a real name (such as LinkedIn), add it to content/.words.txt.',
  check({ file, index, speller, report }) {
    if (!speller) return;
    const facts = glossaryFacts(index);
    for (const span of textSpans(file)) {
      for (const { word, index: at } of wordsOf(span.text)) {
        if (!/\p{Ll}\p{Lu}/u.test(word) || /\p{N}/u.test(word)) continue;
        if (inToken(span.text, at, word.length) || isKnownWord(word, speller, facts)) continue;
        const parts = camelParts(word);
        if (parts[0]!.length < 2 || !parts.every((p) => isKnownWord(p, speller, facts) && p.length > 1)) continue;
        const start = span.start + at;
        report({
          start,
          end: start + word.length,
          reason: `Unexpected "${word}", expected a space between the words: "${parts.join(' ')}"`,
          expected: [parts.join(' ')],
        });
      }
    }
  },
});
