// Legacy HTML (page bodies and HTML inside YAML strings) to markdown or plain text. Converts what
// has a safe markdown form, keeps the rest verbatim, and says what it did at which offset.
import { fromHtml } from 'hast-util-from-html';
import { toMdast, type Handle } from 'hast-util-to-mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { Nodes, Parents, Root } from 'mdast';

/** Something the conversion changed or could not convert, at an offset of its input. */
export interface HtmlIssue {
  offset: number;
  kind: 'changed' | 'unmapped';
  message: string;
}

export interface MarkdownResult {
  markdown: string;
  /** The text a reader sees of each block (paragraph, heading, table cell), with its offset. */
  blocks: { offset: number; text: string }[];
  issues: HtmlIssue[];
}

export interface HtmlOptions {
  /** Rewrites a link target: a new target, undefined to keep it, null when it points at nothing imported. */
  rewriteLink?: (href: string) => string | null | undefined;
}

/** Layout elements: their content is kept, the element itself carries nothing a reader sees. */
const layoutTags = new Set(['div', 'span', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'center']);
/** Elements with a faithful markdown (GFM) form. */
const convertibleTags = new Set([
  'p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'a', 'strong', 'b', 'em', 'i',
  'blockquote', 'code', 'pre', 'hr', 'img', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'del', 's',
]);
/** Attributes that the markdown form keeps. */
const keptAttributes: Record<string, Set<string>> = {
  a: new Set(['href', 'title']),
  img: new Set(['src', 'alt', 'title']),
  ol: new Set(['start']),
  td: new Set(['align']),
  th: new Set(['align']),
};
const invisiblePattern = /[\u200B-\u200D\u2060\uFEFF]/g;
const entityPattern = /&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);/g;
const tagPattern = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>|<!--/;
const liquidPattern = /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g;

/** Whether a string holds HTML tags or comments. */
export function hasHtml(text: string): boolean {
  return tagPattern.test(text);
}

/** Whether a string holds HTML character references such as `&colon;` or `&#x3b;`. */
export function hasEntities(text: string): boolean {
  // A fresh non-global copy: `test` on the shared global pattern would move its lastIndex.
  return new RegExp(entityPattern.source).test(text);
}

/** Character references in a text, each with its offset and what it stands for. */
function entityIssues(html: string): HtmlIssue[] {
  const out: HtmlIssue[] = [];
  for (const m of html.matchAll(entityPattern)) {
    const decoded = decodeEntity(m[0]);
    if (decoded === m[0]) continue;
    out.push({ offset: m.index, kind: 'changed', message: `decoded HTML entity "${m[0]}" as ${JSON.stringify(decoded)}` });
  }
  return out;
}

function decodeEntity(entity: string): string {
  const root = fromHtml(entity, { fragment: true });
  const first = root.children[0];
  return first?.type === 'text' ? first.value : entity;
}

function offsetOf(node: { position?: { start: { offset?: number } } }): number {
  return node.position?.start.offset ?? 0;
}

/** Walks hast, tidying what has no value for a reader and noting each change. */
function prepare(root: HastRoot, issues: HtmlIssue[], dropped: Map<string, number>): void {
  const visit = (node: HastNodes): void => {
    if (node.type === 'text') {
      if (invisiblePattern.test(node.value)) {
        invisiblePattern.lastIndex = 0;
        const names = [...new Set(node.value.match(invisiblePattern))].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
        issues.push({ offset: offsetOf(node), kind: 'changed', message: `removed invisible character ${names.join(', ')}` });
        node.value = node.value.replace(invisiblePattern, '');
      }
      return;
    }
    if (node.type !== 'root' && node.type !== 'element') return;
    if (node.type === 'element') {
      const keep = keptAttributes[node.tagName];
      if (layoutTags.has(node.tagName) || convertibleTags.has(node.tagName)) {
        for (const name of Object.keys(node.properties ?? {})) {
          if (keep?.has(name)) continue;
          const attr = name === 'className' ? 'class' : name.toLowerCase();
          dropped.set(attr, (dropped.get(attr) ?? 0) + 1);
          delete node.properties[name];
        }
      }
      if (node.tagName === 'h1') {
        // Our pages use `#` for the title only, so body headings start at level 2.
        node.tagName = 'h2';
        issues.push({ offset: offsetOf(node), kind: 'changed', message: 'made heading level 1 a level 2 heading (level 1 is the page title)' });
      }
    }
    removeTrailingBreaks(node, issues);
    for (const child of node.children) visit(child as HastNodes);
  };
  visit(root);
}

/** A `<br>` that ends a block shows nothing; markdown cannot express it, so it goes. */
function removeTrailingBreaks(node: HastRoot | Element, issues: HtmlIssue[]): void {
  const kids = node.children;
  for (let i = kids.length - 1; i >= 0; i--) {
    const kid = kids[i]!;
    if (kid.type === 'text' && kid.value.replace(invisiblePattern, '').trim() === '') continue;
    if (kid.type === 'element' && kid.tagName === 'br' && node.type === 'element' && !layoutTags.has(node.tagName)) {
      issues.push({ offset: offsetOf(kid), kind: 'changed', message: 'removed a line break at the end of a block' });
      kids.splice(i, 1);
      continue;
    }
    break;
  }
}

/** Moves spaces at the edges of bold/italic text outside it (`** x**` is not bold in markdown). */
function tidyPhrasing(node: Nodes): void {
  if (!('children' in node)) return;
  const parent = node as Parents;
  const out: Nodes[] = [];
  for (const child of parent.children as Nodes[]) {
    tidyPhrasing(child);
    if ((child.type === 'strong' || child.type === 'emphasis' || child.type === 'delete') && child.children.length > 0) {
      const first = child.children[0]!;
      const last = child.children[child.children.length - 1]!;
      let before = '';
      let after = '';
      if (first.type === 'text') {
        before = /^\s*/.exec(first.value)![0];
        first.value = first.value.slice(before.length);
      }
      if (last.type === 'text') {
        after = /\s*$/.exec(last.value)![0];
        last.value = last.value.slice(0, last.value.length - after.length);
      }
      if (before) out.push({ type: 'text', value: before });
      if (toString(child) !== '' || child.children.some((c) => c.type !== 'text')) out.push(child);
      if (after) out.push({ type: 'text', value: after });
      continue;
    }
    out.push(child);
  }
  (parent as { children: Nodes[] }).children = out;
}

/** Collects the reader-visible text of each leaf block. */
function collectBlocks(node: Nodes, out: { offset: number; text: string }[]): void {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (text) out.push({ offset: node.position?.start.offset ?? 0, text });
    return;
  }
  if ('children' in node) for (const child of node.children) collectBlocks(child as Nodes, out);
}

function rewriteLinks(node: Nodes, options: HtmlOptions, issues: HtmlIssue[]): void {
  if (node.type === 'link' && options.rewriteLink) {
    const next = options.rewriteLink(node.url);
    if (next === null) {
      issues.push({ offset: node.position?.start.offset ?? 0, kind: 'unmapped', message: `link "${node.url}" points at nothing that was imported; kept as it is` });
    } else if (next !== undefined && next !== node.url) {
      issues.push({ offset: node.position?.start.offset ?? 0, kind: 'changed', message: `changed link "${node.url}" to "${next}"` });
      node.url = next;
    }
  }
  if ('children' in node) for (const child of node.children) rewriteLinks(child as Nodes, options, issues);
}

/** Converts an HTML fragment to markdown; elements without a safe markdown form are kept verbatim and reported. */
export function htmlToMarkdown(html: string, options: HtmlOptions = {}): MarkdownResult {
  const issues: HtmlIssue[] = entityIssues(html);
  for (const m of html.matchAll(liquidPattern)) {
    issues.push({ offset: m.index, kind: 'unmapped', message: `kept Liquid template code as text: ${JSON.stringify(m[0].replace(/\s+/g, ' '))}` });
  }
  const tree = fromHtml(html, { fragment: true });
  const dropped = new Map<string, number>();
  prepare(tree, issues, dropped);
  if (dropped.size > 0) {
    const list = [...dropped].map(([name, n]) => `${name} (${n})`).join(', ');
    issues.push({ offset: 0, kind: 'changed', message: `dropped presentation attributes: ${list}` });
  }
  const verbatim: Handle = (state, node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const value = start !== undefined && end !== undefined ? html.slice(start, end) : `<${node.tagName}>`;
    issues.push({ offset: start ?? 0, kind: 'unmapped', message: `kept raw HTML <${node.tagName}> that has no markdown form` });
    const out = { type: 'html' as const, value };
    state.patch(node, out);
    return out;
  };
  const handlers: Record<string, Handle> = {};
  const visit = (node: HastNodes): void => {
    if (node.type === 'element') {
      if (!layoutTags.has(node.tagName) && !convertibleTags.has(node.tagName)) {
        handlers[node.tagName] = verbatim;
        return;
      }
      if (node.tagName === 'img') {
        const src = String(node.properties?.src ?? '');
        issues.push({ offset: offsetOf(node), kind: 'unmapped', message: `image "${src}" is not imported (pages have no image files); kept as a markdown image` });
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as HastNodes);
  };
  visit(tree);
  const mdast = toMdast(tree, {
    // A whole document: loose text is wrapped in paragraphs, so every block is found.
    document: true,
    handlers,
    nodeHandlers: {
      comment(state, node: { value: string; position?: { start: { offset?: number } } }) {
        issues.push({ offset: offsetOf(node), kind: 'unmapped', message: `kept HTML comment <!--${node.value}--> verbatim` });
        const out = { type: 'html' as const, value: `<!--${node.value}-->` };
        state.patch(node as never, out);
        return out;
      },
    },
  }) as Root;
  tidyPhrasing(mdast);
  rewriteLinks(mdast, options, issues);
  const blocks: { offset: number; text: string }[] = [];
  collectBlocks(mdast, blocks);
  const markdown = toMarkdown(mdast, {
    extensions: [gfmToMarkdown()],
    bullet: '-',
    emphasis: '_',
    strong: '*',
    rule: '-',
    fences: true,
    listItemIndent: 'one',
  }).trim();
  issues.sort((a, b) => a.offset - b.offset);
  return { markdown, blocks, issues };
}

/** Elements after which a reader sees a break: become a space in one-line text. */
const breakingTags = new Set(['p', 'br', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr', 'td', 'th']);

/** Converts HTML in a one-line value (a bullet, a title) to plain text; links keep their text and are reported. */
export function htmlToText(html: string): { text: string; issues: HtmlIssue[] } {
  const issues: HtmlIssue[] = entityIssues(html);
  const tree = fromHtml(html, { fragment: true });
  const tags = new Set<string>();
  let text = '';
  const visit = (node: HastNodes | ElementContent): void => {
    if (node.type === 'text') text += node.value.replace(invisiblePattern, '');
    else if (node.type === 'comment') {
      issues.push({ offset: offsetOf(node), kind: 'unmapped', message: `HTML comment <!--${node.value}--> is not imported` });
    } else if (node.type === 'element' || node.type === 'root') {
      if (node.type === 'element' && breakingTags.has(node.tagName)) text += ' ';
      if (node.type === 'element') {
        tags.add(node.tagName);
        const href = node.tagName === 'a' ? node.properties?.href : undefined;
        if (href) issues.push({ offset: offsetOf(node), kind: 'unmapped', message: `link target "${String(href)}" is not imported (one-line values have no links); its text is kept` });
        if (node.tagName === 'img') issues.push({ offset: offsetOf(node), kind: 'unmapped', message: `image "${String(node.properties?.src ?? '')}" is not imported` });
      }
      for (const child of node.children) visit(child);
      if (node.type === 'element' && breakingTags.has(node.tagName)) text += ' ';
    }
  };
  visit(tree);
  if (tags.size > 0) {
    const names = [...tags].sort().map((t) => `<${t}>`).join(', ');
    issues.push({ offset: 0, kind: 'changed', message: `converted HTML (${names}) to plain text` });
  }
  issues.sort((a, b) => a.offset - b.offset);
  return { text: text.replace(/\s+/g, ' ').trim(), issues };
}
