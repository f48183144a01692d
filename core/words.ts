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
  const plain = word.includes('’') ? word.replace(/’/g, "'") : word;
  if (facts.words.has(plain.toLowerCase())) return true;
  return speller.correct(plain);
}

const decisions = new WeakMap<Speller, WeakMap<GlossaryFacts, Map<string, boolean>>>();

/** isKnownWord for one speller and glossary, remembering each word's answer (words repeat a lot). */
export function knownWords(speller: Speller, facts: GlossaryFacts): (word: string) => boolean {
  let byFacts = decisions.get(speller);
  if (!byFacts) decisions.set(speller, (byFacts = new WeakMap()));
  let cache = byFacts.get(facts);
  if (!cache) byFacts.set(facts, (cache = new Map()));
  const memo = cache;
  return (word) => {
    if (word.length < 2) return true;
    let known = memo.get(word);
    if (known === undefined) memo.set(word, (known = isKnownWord(word, speller, facts)));
    return known;
  };
}
