// no-html: content is markdown and plain text only; raw HTML (tags or comments) in a body or a
// field could break the page or smuggle in scripts, so it is never accepted.
import { defineRule } from '../rule.ts';
import { textSpans } from '../text-spans.ts';
import { nodesOfType } from '../tree-nodes.ts';

const tagPattern = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--/g;

/** The start of some HTML for a message: one line, at most 40 characters. */
function excerpt(html: string): string {
  const line = html.split(/\r?\n/)[0]!.trim();
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

export default defineRule({
  id: 'no-html',
  severity: 'error',
  description: 'No raw HTML (tags or comments) in bodies or fields: content is markdown and plain text.',
  help: 'Write it in markdown instead (**bold**, [link](https://…), a blank line between paragraphs), or remove it.',
  check({ file, report }) {
    for (const node of nodesOfType(file, 'html')) {
      if (!node.position) continue;
      const start = node.position.start.offset!;
      report({ start, end: node.position.end.offset!, reason: `Unexpected HTML "${excerpt(node.value)}", expected markdown` });
    }
    for (const span of textSpans(file)) {
      if (span.in !== 'field' || !span.text.includes('<')) continue;
      for (const m of span.text.matchAll(tagPattern)) {
        report({ start: span.start + m.index, end: span.start + m.index + m[0].length, reason: `Unexpected HTML "${excerpt(m[0])}", expected plain text` });
      }
    }
  },
});
