// spelling: words are in the English dictionary (US), the project word list content/.words.txt,
// or the names of glossary terms, frameworks and organisations. Code, URLs, slugs, acronyms in
// capitals and words with digits are not checked.
import { projectWordsFile } from '../spelling.ts';
import { glossaryFacts } from '../known-names.ts';
import { defineRule } from '../rule.ts';
import { inToken, spanWordsOf, textSpans } from '../text-spans.ts';
import { listValues } from '../text.ts';
import { camelParts, knownWords } from '../words.ts';

export default defineRule({
  id: 'spelling',
  severity: 'warning',
  description: `Words are spelt as in the English dictionary, the project word list (${projectWordsFile}) or the glossary.`,
  help: `Correct the spelling; if the word is right (a name or a term of the field), add it to ${projectWordsFile}.`,
  check({ file, index, speller, report }) {
    if (!speller) return;
    const known = knownWords(speller, glossaryFacts(index));
    for (const span of textSpans(file)) {
      for (const { word, index: at } of spanWordsOf(span)) {
        if (known(word) || inToken(span.text, at, word.length)) continue;
        // Words run together are run-together-words' to report, not misspellings.
        const parts = camelParts(word);
        if (parts.length > 1 && parts.every(known)) continue;
        const suggestions = speller.suggest(word.replace(/’/g, "'"));
        const start = span.start + at;
        report({
          start,
          end: start + word.length,
          reason: `Unexpected unknown word "${word}", expected ${suggestions.length ? listValues(suggestions) : 'a dictionary word'} (or add it to ${projectWordsFile})`,
          expected: suggestions,
        });
      }
    }
  },
});
