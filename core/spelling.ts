// Spell checking against an English dictionary plus the project's word list.
import nspell from 'nspell';

/** The project word list file: words the English dictionary lacks, one per line. */
export const projectWordsFile = 'content/.words.txt';

export interface Speller {
  /** True when the word is spelt correctly (or is on the project word list). */
  correct(word: string): boolean;
  /** Up to three suggestions for a misspelt word. */
  suggest(word: string): string[];
}

let dictionary: Promise<{ aff: Uint8Array; dic: Uint8Array }> | undefined;

/** Creates a speller; the dictionary is loaded once per process. */
export async function createSpeller(projectWords: Iterable<string> = []): Promise<Speller> {
  dictionary ??= import('dictionary-en').then((m) => m.default);
  const { aff, dic } = await dictionary;
  const spell = nspell(Buffer.from(aff), Buffer.from(dic));
  const extra = new Set<string>();
  for (const w of projectWords) {
    const word = w.trim();
    if (word && !word.startsWith('#')) {
      extra.add(word.toLowerCase());
      spell.add(word);
    }
  }
  const cache = new Map<string, boolean>();
  // Suggestions are slow (milliseconds each); a misspelling repeated across files is looked up once.
  const suggestions = new Map<string, string[]>();
  return {
    correct(word) {
      let ok = cache.get(word);
      if (ok === undefined) {
        ok = extra.has(word.toLowerCase()) || spell.correct(word);
        cache.set(word, ok);
      }
      return ok;
    },
    suggest(word) {
      let found = suggestions.get(word);
      if (!found) {
        found = spell.suggest(word).slice(0, 3);
        suggestions.set(word, found);
      }
      return found;
    },
  };
}
