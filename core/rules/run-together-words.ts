// run-together-words: two words typed without the space between them ("LERsImplement"): a
// lowercase-to-uppercase join inside a word whose parts are both words. Names written that
// way on purpose (LinkedIn) belong in content/.words.txt.
import { glossaryFacts } from '../known-names.ts';
import { defineRule } from '../rule.ts';
import { inToken, spanWordsOf, textSpans } from '../text-spans.ts';
import { camelParts, knownWords } from '../words.ts';

const lowerUpper = /\p{Ll}\p{Lu}/u;

export default defineRule({
  id: 'run-together-words',
  severity: 'warning',
  description: 'No words run together without a space ("LERsImplement"); names written that way belong in content/.words.txt.',
  help: 'Add the missing space; if it is a real name (such as LinkedIn), add it to content/.words.txt.',
  check({ file, index, speller, report }) {
    if (!speller) return;
    const known = knownWords(speller, glossaryFacts(index));
    for (const span of textSpans(file)) {
      if (!lowerUpper.test(span.text)) continue;
      for (const { word, index: at } of spanWordsOf(span)) {
        if (!lowerUpper.test(word) || /\p{N}/u.test(word)) continue;
        if (inToken(span.text, at, word.length) || known(word)) continue;
        const parts = camelParts(word);
        if (!parts.every((p) => p.length > 1 && known(p))) continue;
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
