// acronym-expansion: where text spells out a glossary acronym next to it — "Learning and
// Employment Record (LER)" or "LER (Learning and Employment Record)" — the words agree with the
// glossary's term or one of its aliases ("Learner Employment Records (LER)" does not).
import { glossaryFacts, normaliseName } from '../known-names.ts';
import { defineRule } from '../rule.ts';
import { spanWordsOf, textSpans, type Word } from '../text-spans.ts';

/** Small words that expansions skip when forming initials ("Learning and Employment Record"). */
const connectors = new Set(['and', 'of', 'for', 'the', 'in', 'to', 'a', 'an', 'on', 'with', 'by', 'as']);

/** A name compared without case, punctuation or a plural s on any word. */
function fold(s: string): string {
  return normaliseName(s)
    .split(' ')
    .map((w) => w.replace(/(?<=\p{L}{2})s$/u, ''))
    .join(' ');
}

/**
 * The words whose initials spell the acronym, walking from `words[from]` backwards or forwards,
 * with only spaces, hyphens or masked markup between them; undefined when they do not.
 */
function spell(text: string, words: readonly Word[], letters: string, from: number, step: 1 | -1): [number, number] | undefined {
  let need = step === -1 ? letters.length - 1 : 0;
  const done = () => need < 0 || need >= letters.length;
  let edge = -1;
  for (let i = from; i >= 0 && i < words.length && !done(); i += step) {
    const w = words[i]!;
    if (i !== from) {
      const prev = words[i - step]!;
      const [a, b] = step === -1 ? [w, prev] : [prev, w];
      if (!/^[\s\u0001-]*$/.test(text.slice(a.index + a.word.length, b.index))) return undefined;
    }
    // Connectors count only between the words that carry the letters.
    if (edge >= 0 && connectors.has(w.word.toLowerCase())) continue;
    if (w.word[0]!.toUpperCase() !== letters[need]) return undefined;
    edge = i;
    need += step;
  }
  if (!done()) return undefined;
  return step === -1 ? [edge, from] : [from, edge];
}

export default defineRule({
  id: 'acronym-expansion',
  severity: 'error',
  description: 'An acronym spelt out next to it, e.g. "Learning and Employment Record (LER)", uses the words of its glossary term or an alias.',
  help: 'Write the expansion exactly as the glossary term (or one of its aliases), or add the wording as an alias of the term.',
  check({ file, index, report }) {
    const { acronyms } = glossaryFacts(index);
    if (acronyms.size === 0) return;
    const lookup = (written: string) => acronyms.get(written) ?? (written.endsWith('s') ? acronyms.get(written.slice(0, -1)) : undefined);
    for (const span of textSpans(file)) {
      if (!span.text.includes('(')) continue;
      const words = spanWordsOf(span);
      const check = (acronym: string, first: Word, last: Word) => {
        const known = lookup(acronym)!;
        const written = span.text.slice(first.index, last.index + last.word.length);
        const accepted = known.expansions.map(fold);
        if (accepted.includes(fold(written.replace(/\u0001+/g, ' ')))) return;
        report({
          start: span.start + first.index,
          end: span.start + last.index + last.word.length,
          reason: `Unexpected expansion "${written.replace(/\u0001+/g, '')}" of "${acronym}", expected "${known.term}" (as in the glossary)`,
          expected: known.expansions,
        });
      };
      // "Words (ACR)": the words before the parenthesis spell the acronym.
      for (const m of span.text.matchAll(/\(([\p{Lu}][\p{Lu}\p{N}/]*[\p{Lu}\p{N}]s?)\)/gu)) {
        const acronym = m[1]!;
        const known = lookup(acronym);
        if (!known) continue;
        const letters = acronym.replace(/s$/, '').replace(/[^\p{Lu}\p{N}]/gu, '');
        const before = words.findLastIndex((w) => w.index + w.word.length <= m.index);
        if (before < 0 || !/^[\s\u0001]*$/.test(span.text.slice(words[before]!.index + words[before]!.word.length, m.index))) continue;
        const found = spell(span.text, words, letters, before, -1);
        if (found) check(acronym, words[found[0]]!, words[found[1]]!);
      }
      // "ACR (Words)": the words in the parenthesis spell the acronym.
      for (const m of span.text.matchAll(/(?<![\p{L}\p{N}])([\p{Lu}][\p{Lu}\p{N}/]*[\p{Lu}\p{N}]s?)[ \t]+\(/gu)) {
        const acronym = m[1]!;
        if (!lookup(acronym)) continue;
        const letters = acronym.replace(/s$/, '').replace(/[^\p{Lu}\p{N}]/gu, '');
        const open = m.index + m[0].length;
        const close = span.text.indexOf(')', open);
        if (close < 0) continue;
        const first = words.findIndex((w) => w.index >= open);
        if (first < 0 || words[first]!.index >= close) continue;
        const found = spell(span.text, words, letters, first, 1);
        if (found && words[found[1]]!.index + words[found[1]]!.word.length <= close) check(acronym, words[found[0]]!, words[found[1]]!);
      }
    }
  },
});
