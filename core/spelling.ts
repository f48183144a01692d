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
  const correct = (word: string): boolean => {
    let ok = cache.get(word);
    if (ok === undefined) {
      ok = extra.has(word.toLowerCase()) || spell.correct(word);
      cache.set(word, ok);
    }
    return ok;
  };
  // A misspelling repeated across files is looked up once.
  const suggestions = new Map<string, string[]>();
  return {
    correct,
    suggest(word) {
      let found = suggestions.get(word);
      if (!found) {
        // Candidates are checked without the cache: most are not words and would only fill it.
        found = oneEditAway(word, (w) => extra.has(w.toLowerCase()) || spell.correct(w)).slice(0, 3);
        suggestions.set(word, found);
      }
      return found;
    },
  };
}

const letters = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Dictionary words one edit away from a misspelling: swapped neighbours first ("recieve"), then
 * a letter missing, extra or wrong. nspell's own suggest also tries two edits, which takes from
 * tens of milliseconds to seconds a word; one edit finds the usual typos in about a millisecond.
 */
export function oneEditAway(word: string, correct: (w: string) => boolean): string[] {
  if (word.length > 30) return [];
  const lower = word.toLowerCase();
  const capital = word[0] !== lower[0];
  const out: string[] = [];
  const seen = new Set<string>([lower]);
  const tryWord = (candidate: string) => {
    if (seen.has(candidate)) return;
    seen.add(candidate);
    const shown = capital ? candidate[0]!.toUpperCase() + candidate.slice(1) : candidate;
    if (correct(shown)) out.push(shown);
  };
  for (let i = 0; i + 1 < lower.length; i++) tryWord(lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2));
  for (let i = 0; i <= lower.length; i++) for (const c of letters) tryWord(lower.slice(0, i) + c + lower.slice(i));
  for (let i = 0; i < lower.length; i++) tryWord(lower.slice(0, i) + lower.slice(i + 1));
  for (let i = 0; i < lower.length; i++) for (const c of letters) tryWord(lower.slice(0, i) + c + lower.slice(i + 1));
  return out;
}
