// Word-level helpers shared by the spelling, run-together-words and a-an rules.
import type { GlossaryFacts } from './known-names.ts';
import type { Speller } from './spelling.ts';

/** Capitals (and digits) pronounced or read as an acronym: "LER", "LERs", "W3C", "HR". */
export function isAcronym(word: string): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}]+s?$/u.test(word) || /^\p{Lu}$/u.test(word);
}

/** The parts of a camel-case token at each lowercase-to-uppercase join ("LERsImplement" → LERs, Implement). */
export function camelParts(word: string): string[] {
  return word.split(/(?<=\p{Ll})(?=\p{Lu})/u);
}

/** True when a word needs no spelling check or is known: acronyms, digits, field names, dictionary words. */
export function isKnownWord(word: string, speller: Speller, facts: GlossaryFacts): boolean {
  if (word.length < 2 || /\p{N}/u.test(word) || isAcronym(word)) return true;
  const plain = word.replace(/’/g, "'");
  if (facts.words.has(plain.toLowerCase())) return true;
  return speller.correct(plain);
}
