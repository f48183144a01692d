// trailing-whitespace: no spaces or tabs at the end of a line. Two trailing spaces that make a
// markdown line break are replaced by a backslash, which breaks the line visibly.
import { defineRule } from '../rule.ts';
import { nodesOfType } from '../tree-nodes.ts';

const trailing = /[ \t]+(?=\r?\n|$)/g;

export default defineRule({
  id: 'trailing-whitespace',
  severity: 'warning',
  description: 'Lines do not end with spaces or tabs (a line break in text is written as a backslash at the end of the line).',
  help: 'Delete the spaces at the end of the line (`npm run check -- --fix` does it).',
  fixable: true,
  check({ file, report }) {
    const breaks = new Set<number>();
    for (const node of nodesOfType(file, 'break')) if (node.position) breaks.add(node.position.start.offset!);
    for (const m of file.text.matchAll(trailing)) {
      const start = m.index;
      const end = start + m[0].length;
      if (breaks.has(start) && m[0].length >= 2) {
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
