// quote-marks: a quote's text is written without surrounding quote marks, because the site
// adds them; wrapped text would show doubled marks. Applies to a stakeholder's quote.text and to
// markdown blockquotes.
import type { Blockquote, Nodes, Text } from 'mdast';
import { Scalar } from 'yaml';
import { fieldStrings } from '../field-strings.ts';
import { defineRule, type Report } from '../rule.ts';
import { nodesOfType } from '../tree-nodes.ts';

const pairs: Record<string, string[]> = { '"': ['"'], '“': ['”', '“'], '„': ['“', '”'], '‘': ['’'], "'": ["'"], '«': ['»'], '‹': ['›'] };

/** The opening and closing marks around some text, when it is wrapped in a matching pair. */
function wrapping(value: string): { open: string; close: string } | undefined {
  const t = value.trim();
  if (t.length < 3) return undefined;
  const open = t[0]!;
  const close = t.at(-1)!;
  if (!pairs[open]?.includes(close)) return undefined;
  // "Open" and "close" of the same kind in the middle mean several quotes, not one wrapped quote.
  const inner = t.slice(1, -1);
  if (open === close ? inner.includes(open) : inner.includes(open) || inner.includes(close)) return undefined;
  return { open, close };
}

const reason = 'Unexpected quote marks around the quote, expected the words alone (the site adds the marks)';

export default defineRule({
  id: 'quote-marks',
  severity: 'error',
  description: "A quote's text is not wrapped in its own quote marks (the site adds them).",
  help: 'Delete the quote marks at the start and end of the quote (`npm run check -- --fix` does it).',
  fixable: true,
  check({ file, report }) {
    for (const field of fieldStrings(file)) {
      if (field.key !== 'quote.text') continue;
      const marks = wrapping(field.value);
      if (!marks) continue;
      const r: Report = { start: field.start, end: field.end, reason };
      const source = file.text.slice(field.innerStart, field.innerEnd);
      // Escaped forms inside quoted YAML: \" in "…", '' in '…'.
      const esc = (m: string) => (field.style === Scalar.QUOTE_DOUBLE && m === '"' ? '\\"' : field.style === Scalar.QUOTE_SINGLE && m === "'" ? "''" : m);
      const open = esc(marks.open);
      const close = esc(marks.close);
      const block = field.style === Scalar.BLOCK_FOLDED || field.style === Scalar.BLOCK_LITERAL;
      if (!block && source.startsWith(open) && source.endsWith(close)) {
        const rest = source.slice(open.length, source.length - close.length);
        // A plain value must still start like text once the mark is gone.
        const safe = field.style !== Scalar.PLAIN || /^[\p{L}\p{N}(]/u.test(rest);
        if (safe) {
          r.fix = [
            { start: field.innerStart, end: field.innerStart + open.length, text: '' },
            { start: field.innerEnd - close.length, end: field.innerEnd, text: '' },
          ];
        }
      }
      report(r);
    }
    const text = file.text;
    const texts = (node: Nodes, out: Text[]): Text[] => {
      if (node.type === 'text') out.push(node);
      else if ('children' in node && node.type !== 'link') for (const c of node.children as Nodes[]) texts(c, out);
      return out;
    };
    const quote = (node: Blockquote): void => {
      const all = texts(node, []);
      const first = all[0];
      const last = all.at(-1);
      if (!first?.position || !last?.position) return;
      const start = first.position.start.offset!;
      const end = last.position.end.offset!;
      const marks = wrapping(text.slice(start, end));
      if (!marks || text[start] !== marks.open || text[end - 1] !== marks.close) return;
      report({
        start,
        end,
        reason,
        fix: [
          { start, end: start + 1, text: '' },
          { start: end - 1, end, text: '' },
        ],
      });
    };
    for (const node of nodesOfType(file, 'blockquote')) quote(node);
  },
});
