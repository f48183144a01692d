// trailing-whitespace: no spaces or tabs at the end of a line. Two trailing spaces that make a
// markdown line break are replaced by a backslash, which breaks the line visibly.
import { defineRule } from '../rule.ts';
import { nodesOfType } from '../tree-nodes.ts';

/**
 * The runs of spaces and tabs right before a line ending (\n or \r\n) or the end of the text,
 * as [start, end] pairs in order: what /[ \t]+(?=\r?\n|$)/g matches, found by looking back from
 * each line ending instead of trying the pattern at every space of the text.
 */
function trailingRuns(text: string): [number, number][] {
  const out: [number, number][] = [];
  const at = (end: number) => {
    let start = end;
    while (start > 0) {
      const c = text.charCodeAt(start - 1);
      if (c !== 32 && c !== 9) break;
      start--;
    }
    if (start < end) out.push([start, end]);
  };
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) at(nl > 0 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
  at(text.length);
  return out;
}

export default defineRule({
  id: 'trailing-whitespace',
  severity: 'warning',
  description: 'Lines do not end with spaces or tabs (a line break in text is written as a backslash at the end of the line).',
  help: 'Delete the spaces at the end of the line (`npm run check -- --fix` does it).',
  fixable: true,
  check({ file, report }) {
    const breaks = new Set<number>();
    for (const node of nodesOfType(file, 'break')) if (node.position) breaks.add(node.position.start.offset!);
    for (const [start, end] of trailingRuns(file.text)) {
      if (breaks.has(start) && end - start >= 2) {
        report({
          start,
          end,
          reason: 'Unexpected trailing spaces as a line break, expected a backslash "\\" at the end of the line',
          fix: [{ start, end, text: '\\' }],
        });
      } else {
        report({ start, end, reason: 'Unexpected trailing whitespace, expected the line to end with its last character', fix: [{ start, end, text: '' }] });
      }
    }
  },
});
