// no-html: content is markdown and plain text only; raw HTML (tags or comments) in a body or a
// field could break the page or smuggle in scripts, so it is never accepted.
import type { Nodes } from 'mdast';
import { defineRule } from '../rule.ts';
import { textSpans } from '../text-spans.ts';

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
    const walk = (node: Nodes): void => {
      if (node.type === 'html' && node.position) {
        const start = node.position.start.offset!;
        report({ start, end: node.position.end.offset!, reason: `Unexpected HTML "${excerpt(node.value)}", expected markdown` });
        return;
      }
      if ('children' in node) for (const c of node.children as Nodes[]) walk(c);
    };
    if (file.tree) walk(file.tree);
    for (const span of textSpans(file)) {
      if (span.in !== 'field') continue;
      for (const m of span.text.matchAll(tagPattern)) {
        report({ start: span.start + m.index, end: span.start + m.index + m[0].length, reason: `Unexpected HTML "${excerpt(m[0])}", expected plain text` });
      }
    }
  },
});
