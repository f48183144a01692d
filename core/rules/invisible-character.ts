// invisible-character: no characters that cannot be seen but change meaning, search or layout:
// zero-width spaces and joiners, soft hyphens, direction controls, and no-break spaces between
// words. Joiners inside emoji sequences and in scripts that need them are left alone.
import { defineRule } from '../rule.ts';

const names: Record<string, string> = {
  '\u00a0': 'no-break space',
  '\u00ad': 'soft hyphen',
  '\u180e': 'Mongolian vowel separator',
  '\u200b': 'zero-width space',
  '\u200c': 'zero-width non-joiner',
  '\u200d': 'zero-width joiner',
  '\u200e': 'left-to-right mark',
  '\u200f': 'right-to-left mark',
  '\u2028': 'line separator',
  '\u2029': 'paragraph separator',
  '\u202a': 'left-to-right embedding',
  '\u202b': 'right-to-left embedding',
  '\u202c': 'pop directional formatting',
  '\u202d': 'left-to-right override',
  '\u202e': 'right-to-left override',
  '\u202f': 'narrow no-break space',
  '\u2060': 'word joiner',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\ufeff': 'zero-width no-break space (byte-order mark)',
};
const pattern = new RegExp(`[${Object.keys(names).join('')}]`, 'g');

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export default defineRule({
  id: 'invisible-character',
  severity: 'error',
  description: 'No invisible characters: zero-width spaces and joiners, soft hyphens, direction controls, or no-break spaces between words.',
  help: 'Delete the character, or type a normal space (`npm run check -- --fix` does it); they often come from copying text out of a web page or a PDF.',
  fixable: true,
  check({ file, report }) {
    const text = file.text;
    for (const m of text.matchAll(pattern)) {
      const ch = m[0];
      const at = m.index;
      const before = text.slice(Math.max(0, at - 2), at);
      const after = text.slice(at + 1, at + 3);
      if (ch === '\u00a0' || ch === '\u202f') {
        // Between a number and a unit, or before punctuation, a no-break space is deliberate.
        if (!/\p{L}$/u.test(before) || !/^\p{L}/u.test(after)) continue;
        report({
          start: at,
          end: at + 1,
          reason: `Unexpected ${names[ch]} (${codePoint(ch)}) between words, expected a normal space`,
          fix: [{ start: at, end: at + 1, text: ' ' }],
        });
        continue;
      }
      if (ch === '\u200d' || ch === '\u200c') {
        // Emoji sequences and scripts such as Arabic or Devanagari use joiners on purpose.
        if (/\p{Extended_Pictographic}\uFE0F?$/u.test(before) && /^\p{Extended_Pictographic}/u.test(after)) continue;
        if (/[^\p{Script=Latin}\P{L}]$/u.test(before) || /^[^\p{Script=Latin}\P{L}]/u.test(after)) continue;
      }
      report({
        start: at,
        end: at + 1,
        reason: `Unexpected invisible ${names[ch]} (${codePoint(ch)}), expected nothing`,
        fix: [{ start: at, end: at + 1, text: '' }],
      });
    }
  },
});
