// broken-link: internal links resolve. Site paths (`/glossary/#issuer`) must be pages or anchors
// the site will have (index.targets); relative links to content files (`../glossary/issuer.md`)
// must name files that exist, and their #anchors headings in them.
import type { ContentIndex } from '../content-index.ts';
import { defineRule } from '../rule.ts';
import { nodesOfType } from '../tree-nodes.ts';
import { nearest } from '../text.ts';
import { recordPath, resolveRelative } from '../urls.ts';

/** A close existing page, or anchor of the same page, for a broken site path. */
function suggestion(index: ContentIndex, page: string, anchor: string | undefined): string | undefined {
  if (anchor !== undefined && index.targets.has(page)) {
    const anchors = [...index.targets].filter((t) => t.startsWith(`${page}#`)).map((t) => t.slice(page.length + 1));
    const best = nearest(anchor, anchors);
    return best === undefined ? undefined : `${page}#${best}`;
  }
  const pages = [...index.targets].filter((t) => !t.includes('#'));
  return nearest(page, pages);
}

export default defineRule({
  id: 'broken-link',
  severity: 'error',
  description: 'Internal links point at pages and anchors that exist: site paths such as /glossary/#issuer, or relative links to content files.',
  help: 'Use the path of an existing page (see docs/content-model.md for the URL of each kind of record), or fix the anchor after #.',
  fixable: true,
  check({ file, index, report }) {
    if (!file.tree) return;
    const text = file.text;
    const ownPage = file.type ? recordPath(file.type, file.slug).split('#')[0]! : undefined;
    const check = (url: string, start: number, end: number) => {
      const source = text.slice(start, end);
      const at = source.lastIndexOf(url);
      const urlStart = at >= 0 ? start + at : start;
      const urlEnd = at >= 0 ? urlStart + url.length : end;
      if (url.startsWith('/') && !url.startsWith('//')) {
        const [pathAndQuery, anchor] = url.split('#', 2) as [string, string | undefined];
        const path = pathAndQuery.split('?')[0]!;
        const target = anchor === undefined ? path : `${path}#${anchor}`;
        if (index.targets.has(target)) return;
        // A missing trailing slash is the commonest slip, and safe to fix.
        const slashed = anchor === undefined ? `${path}/` : `${path}/#${anchor}`;
        if (!path.endsWith('/') && index.targets.has(slashed)) {
          report({
            start: urlStart,
            end: urlEnd,
            reason: `Unexpected link "${url}", expected "${slashed}"`,
            expected: [slashed],
            fix: at >= 0 ? [{ start: urlStart, end: urlEnd, text: slashed }] : undefined,
          });
          return;
        }
        const best = suggestion(index, path, anchor);
        const missing = anchor !== undefined && index.targets.has(path) ? `an anchor "#${anchor}" that ${path} does not have` : `a page "${path}" that does not exist`;
        report({
          start: urlStart,
          end: urlEnd,
          reason: `Unexpected link "${url}" to ${missing}, expected ${best ? `"${best}"` : anchor !== undefined && index.targets.has(path) ? `an anchor of ${path}` : 'an existing site path'}`,
          expected: best ? [best] : undefined,
        });
        return;
      }
      if (url.startsWith('#')) {
        if (!ownPage) return;
        const target = `${ownPage}${url}`;
        if (index.targets.has(target)) return;
        report({ start: urlStart, end: urlEnd, reason: `Unexpected link "${url}" to an anchor that does not exist on this page, expected a heading's anchor` });
        return;
      }
      // Anything with a scheme (https:, mailto:) is external; https-only looks at those.
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url === '') return;
      const [relative, anchor] = url.split('#', 2) as [string, string | undefined];
      let decoded = relative.split('?')[0]!;
      try {
        decoded = decodeURIComponent(decoded);
      } catch {
        // Keep the raw path: a bad escape is just a path that does not exist.
      }
      const resolved = resolveRelative(file.path, decoded);
      const entry = index.entries.get(resolved);
      if (!entry && !index.assets.has(resolved)) {
        report({ start: urlStart, end: urlEnd, reason: `Unexpected link "${url}" to "${resolved}", which does not exist, expected a path to a file in content/` });
        return;
      }
      if (entry && anchor && !entry.headings.includes(anchor)) {
        report({ start: urlStart, end: urlEnd, reason: `Unexpected anchor "#${anchor}" in "${url}", expected a heading of ${resolved}` });
      }
    };
    for (const node of [...nodesOfType(file, 'link'), ...nodesOfType(file, 'definition'), ...nodesOfType(file, 'image')]) {
      if (node.position) check(node.url, node.position.start.offset!, node.position.end.offset!);
    }
  },
});
