// space-after-period: a full stop between two words needs a space ("ends.Next"). URLs are masked;
// abbreviations (e.g.), versions (3.0), numbers and file names do not match the pattern.
import { defineRule } from '../rule.ts';
import { textSpans } from '../text-spans.ts';

// Two lowercase letters, a full stop, then a capitalised word: "records.The", not "e.g.The" or "U.S.".
const joined = /(\p{L}*\p{Ll}{2})\.(\p{Lu}\p{Ll}+)/gu;

const quick = /\p{Ll}\.\p{Lu}/u;

export default defineRule({
  id: 'space-after-period',
  severity: 'warning',
  description: 'A sentence ending with a full stop is followed by a space ("ends. Next", not "ends.Next").',
  help: 'Add a space after the full stop; if it is a name or an address, write it as a link or in `code`.',
  check({ file, report }) {
    for (const span of textSpans(file)) {
      if (!quick.test(span.text)) continue;
      for (const m of span.text.matchAll(joined)) {
        const before = span.text[m.index - 1];
        const after = span.text[m.index + m[0].length];
        // Part of a longer token (a domain, a file name, a path): not prose.
        if (before && /[./@\\\u0001\u0002]/.test(before)) continue;
        if (after && /[.\\/@\u0001\u0002]/.test(after)) continue;
        const dot = span.start + m.index + m[1]!.length;
        report({
          start: dot,
          end: dot + 1,
          reason: `Unexpected "${m[0]}", expected a space after the full stop: "${m[1]}. ${m[2]}"`,
          expected: [`${m[1]}. ${m[2]}`],
        });
      }
    }
  },
});
