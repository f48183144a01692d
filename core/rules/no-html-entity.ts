// no-html-entity: characters are written as themselves, not as HTML entities (`&amp;`, `&#8217;`);
// the fix writes the character wherever that cannot change the markdown or the YAML.
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { Scalar } from 'yaml';
import { fieldStrings } from '../field-strings.ts';
import { defineRule } from '../rule.ts';
import { textSpans } from '../text-spans.ts';

const entityPattern = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;
/** Spaces that should just be spaces once written out. */
const spaces = new Set(['\u00a0', '\u2002', '\u2003', '\u2009', '\u202f']);
/** Invisible characters: the entity is removed rather than decoded (see invisible-character). */
const invisible = /^[\u00ad\u200b-\u200f\u2060\ufeff]$/;
/** Characters with a meaning in markdown text; decoding them could change the rendering. */
const markdownSyntax = /[<>*_[\]\\`|~#]/;

/** The character an entity stands for, or undefined when it is not a character reference. */
function decodeEntity(entity: string): string | undefined {
  const body = entity.slice(1, -1);
  if (body.startsWith('#')) {
    const code = /^#[xX]/.test(body) ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    return String.fromCodePoint(code);
  }
  const named = decodeNamedCharacterReference(body);
  return named === false ? undefined : named;
}

export default defineRule({
  id: 'no-html-entity',
  severity: 'error',
  description: 'No HTML entities (`&amp;`, `&nbsp;`, `&#8217;`): write the character itself.',
  help: 'Type the character itself (& — ’ é …); `npm run check -- --fix` replaces entities where that is safe.',
  fixable: true,
  check({ file, report }) {
    const fieldStyle = (offset: number) => {
      let found: Scalar.Type | undefined;
      for (const f of fieldStrings(file)) if (offset >= f.innerStart && offset < f.innerEnd) found = f.style;
      return found;
    };
    for (const span of textSpans(file)) {
      if (!span.text.includes('&')) continue;
      for (const m of span.text.matchAll(entityPattern)) {
        const decoded = decodeEntity(m[0]);
        if (decoded === undefined) continue;
        const start = span.start + m.index;
        const end = start + m[0].length;
        let replacement = decoded;
        if (spaces.has(decoded)) replacement = ' ';
        else if (invisible.test(decoded)) replacement = '';
        const after = file.text.slice(end, end + 33);
        let safe = !/^[\u0000-\u001f\u007f]$/.test(decoded);
        if (span.in === 'body') {
          if (markdownSyntax.test(replacement)) safe = false;
          if (replacement === '&' && /^[A-Za-z0-9#]+;/.test(after)) safe = false;
        } else {
          const style = fieldStyle(start);
          if (style === Scalar.QUOTE_DOUBLE && /["\\]/.test(replacement)) safe = false;
          if (style === Scalar.QUOTE_SINGLE && replacement === "'") safe = false;
          if ((style === Scalar.PLAIN || style === undefined) && /[#:'"]/.test(replacement)) safe = false;
          if (style === Scalar.PLAIN && file.text.slice(start - 1, start) !== ' ' && /[-?:,[\]{}#&*!|>'"%@`]/.test(replacement)) {
            // At the start of a plain value these characters are YAML syntax.
            safe = safe && fieldStrings(file).every((f) => f.innerStart !== start);
          }
        }
        const shown = replacement === ' ' ? 'a space' : replacement === '' ? 'nothing (remove it)' : `the character "${replacement}"`;
        report({
          start,
          end,
          reason: `Unexpected HTML entity "${m[0]}", expected ${shown}`,
          expected: [replacement],
          fix: safe ? [{ start, end, text: replacement }] : undefined,
        });
      }
    }
  },
});
