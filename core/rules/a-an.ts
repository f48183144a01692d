// a-an: "a" before a consonant sound, "an" before a vowel sound. Acronyms are read letter by
// letter ("an LER", "a VC", "an HR system") unless they are said as words (a short list).
// When the sound cannot be known from the spelling, nothing is reported.
import { defineRule } from '../rule.ts';
import { spanWordsOf, textSpans } from '../text-spans.ts';

/** Letters whose names start with a vowel sound: A, E, F (ef), H (aitch), I, L (el), M, N, O, R, S, X. */
const vowelSoundLetters = new Set('AEFHILMNORSX');
/** Acronyms said as words, with the article they take. */
const spokenAcronyms: Record<string, 'a' | 'an'> = {
  NASA: 'a',
  NATO: 'a',
  FEMA: 'a',
  OSHA: 'an',
  SHRM: 'a',
  MOOC: 'a',
  UNESCO: 'a',
  JSON: 'a',
  GIF: 'a',
};
/** Words starting with a vowel letter but a consonant sound ("a university", "a one-time fee"). */
const consonantSoundPrefixes = [
  'unique', 'unit', 'union', 'univers', 'uniform', 'unifi', 'unify', 'unicorn', 'unilateral', 'unison',
  'usa', 'use', 'usual', 'usur', 'utensil', 'utili', 'utopia', 'uranium', 'urin', 'ubiquit', 'ukulele', 'uterus',
  'eu', 'ewe', 'once', 'one',
];
/** Words starting with a silent h ("an hour"). */
const silentH = ['hour', 'honest', 'honor', 'honour', 'heir'];
/** Words whose article varies by speaker; left alone. */
const either = ['herb', 'historic', 'onerous', 'oneness'];

/** The article a word takes, or undefined when its spelling does not tell. */
export function articleFor(word: string): 'a' | 'an' | undefined {
  if (/^\p{N}/u.test(word)) {
    if (/^8/.test(word) || /^1[18](?!\d)/.test(word)) return 'an';
    return /^\d+$/.test(word) ? 'a' : undefined;
  }
  // Acronyms: capitals (and digits) only, with an optional plural s; "As" and "Is" are words.
  if (/^\p{Lu}(?:[\p{Lu}\p{N}]+s?)?$/u.test(word)) {
    const bare = word.replace(/s$/, '');
    if (Object.hasOwn(spokenAcronyms, bare)) return spokenAcronyms[bare];
    return vowelSoundLetters.has(word[0]!) ? 'an' : 'a';
  }
  const lower = word.toLowerCase();
  if (either.some((p) => lower.startsWith(p))) return undefined;
  if (silentH.some((p) => lower.startsWith(p))) return 'an';
  if (consonantSoundPrefixes.some((p) => lower.startsWith(p))) return 'a';
  const first = lower[0]!;
  if ('aeio'.includes(first)) return 'an';
  if (first === 'u') {
    // "an under-", "an ugly", "an upper": u + two consonants or "un" is a vowel sound; otherwise unsure.
    return /^(?:un|u[bcdfghjklmnpqrstvwxz]{2})/.test(lower) ? 'an' : undefined;
  }
  if (first === 'x') return undefined;
  return /\p{L}/u.test(first) ? 'a' : undefined;
}

function withCase(article: string, like: string): string {
  if (like === like.toUpperCase() && like.length > 1) return article.toUpperCase();
  return like[0] === like[0]!.toUpperCase() ? article[0]!.toUpperCase() + article.slice(1) : article;
}

export default defineRule({
  id: 'a-an',
  severity: 'warning',
  description: 'Use "a" before a consonant sound and "an" before a vowel sound; acronyms go by their letters ("an LER", "a VC").',
  help: 'Swap the article as the message says (`npm run check -- --fix` does it).',
  fixable: true,
  check({ file, report }) {
    for (const span of textSpans(file)) {
      const words = spanWordsOf(span);
      for (let i = 0; i + 1 < words.length; i++) {
        const { word, index } = words[i]!;
        if (word.length > 2) continue;
        const lower = word.toLowerCase();
        if (lower !== 'a' && lower !== 'an') continue;
        // "Plan A", "Type A": a capital A after a word is a label, not an article.
        if (word === 'A') {
          const before = span.text.slice(0, index).trimEnd();
          if (before && !/[.!?:;"“(\u0001-]$/.test(before)) continue;
        }
        const next = words[i + 1]!;
        const gap = span.text.slice(index + word.length, next.index);
        if (!/^[ \t\u0001*_]+$/.test(gap) || !/[ \t]/.test(gap)) continue;
        const wanted = articleFor(next.word);
        if (!wanted || wanted === lower) continue;
        const start = span.start + index;
        const replacement = withCase(wanted, word);
        report({
          start,
          end: start + word.length,
          reason: `Unexpected "${word}" before "${next.word}", expected "${replacement}"`,
          expected: [replacement],
          fix: [{ start, end: start + word.length, text: replacement }],
        });
      }
    }
  },
});
