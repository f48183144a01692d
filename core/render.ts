// Renders content to safe HTML: markdown bodies (from the mdast core parsed once) and icon SVGs.
// Content is untrusted (anyone can open a pull request), so everything passes an allowlist sanitiser.
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Link, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { headingId, recordPath } from './urls.ts';

/** A glossary term as the linker needs it: where it lives and the names it goes by. */
export interface GlossaryTerm {
  slug: string;
  term: string;
  acronym?: string;
  aliases?: readonly string[];
}

/** Links the first use of each glossary term on one page; create one per page. */
export interface PageGlossaryLinker {
  /** Slugs linked (or already linked by the author) on this page so far, in order. */
  readonly linked: ReadonlySet<string>;
  /** Links first uses in a markdown tree (a copy is returned; the input is not changed). */
  linkTree(tree: Root): Root;
}

export interface RenderOptions {
  /** Links first uses of glossary terms (shared across all bodies rendered on one page). */
  glossary?: PageGlossaryLinker;
  /** Added to heading ids, so bodies of several records can share a page without clashes. */
  idPrefix?: string;
  /** Levels to push headings down (a body under an h2 record title uses 2: `##` becomes h4). */
  headingShift?: number;
}

interface NamePattern {
  pattern: RegExp;
  slugByName: Map<string, string>;
  fold: (name: string) => string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One alternation of names, longest first, matched as whole words with an optional plural "s". */
function namePattern(entries: [string, string][], caseSensitive: boolean): NamePattern | undefined {
  const fold = caseSensitive ? (n: string) => n : (n: string) => n.toLowerCase();
  const slugByName = new Map<string, string>();
  for (const [name, slug] of entries) {
    const key = fold(name.trim());
    if (key && !slugByName.has(key)) slugByName.set(key, slug);
  }
  if (slugByName.size === 0) return undefined;
  const names = [...slugByName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const flags = caseSensitive ? 'gu' : 'giu';
  return { pattern: new RegExp(`(?<![\\p{L}\\p{N}-])(${names.join('|')})s?(?![\\p{L}\\p{N}-])`, flags), slugByName, fold };
}

// Nodes whose text must not become a link: links already, headings, code.
const noLinkInside = new Set(['link', 'linkReference', 'heading', 'inlineCode', 'code', 'html', 'definition', 'image', 'imageReference', 'yaml']);
const glossaryPrefix = recordPath('glossary', ''); // "/glossary/#"

/**
 * Prepares first-use linking for a set of glossary terms; call `forPage()` once per page.
 * Terms and aliases match case-insensitively, acronyms only in their own case ("OB", not "ob").
 */
export function createGlossaryLinker(terms: readonly GlossaryTerm[]): { forPage(options?: { exclude?: string }): PageGlossaryLinker } {
  const words: [string, string][] = [];
  const acronyms: [string, string][] = [];
  for (const t of terms) {
    words.push([t.term, t.slug]);
    for (const a of t.aliases ?? []) words.push([a, t.slug]);
    if (t.acronym) acronyms.push([t.acronym, t.slug]);
  }
  const patterns = [namePattern(words, false), namePattern(acronyms, true)].filter((p): p is NamePattern => p !== undefined);

  return {
    forPage(options = {}) {
      const linked = new Set<string>();
      if (options.exclude) linked.add(options.exclude);

      const linkText = (node: Text): PhrasingContent[] => {
        const found: { start: number; end: number; slug: string }[] = [];
        for (const { pattern, slugByName, fold } of patterns) {
          for (const m of node.value.matchAll(pattern)) {
            const slug = slugByName.get(fold(m[1]!));
            if (slug) found.push({ start: m.index, end: m.index + m[0].length, slug });
          }
        }
        if (found.length === 0) return [node];
        found.sort((a, b) => a.start - b.start || b.end - a.end);
        const out: PhrasingContent[] = [];
        let at = 0;
        for (const f of found) {
          if (f.start < at || linked.has(f.slug)) continue;
          linked.add(f.slug);
          if (f.start > at) out.push({ type: 'text', value: node.value.slice(at, f.start) });
          const link: Link = { type: 'link', url: glossaryPrefix + f.slug, children: [{ type: 'text', value: node.value.slice(f.start, f.end) }] };
          out.push(link);
          at = f.end;
        }
        if (at === 0) return [node];
        if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
        return out;
      };

      const walk = (node: RootContent | Root): RootContent | Root => {
        if (node.type === 'link' && node.url.startsWith(glossaryPrefix)) linked.add(node.url.slice(glossaryPrefix.length));
        if (!('children' in node) || noLinkInside.has(node.type)) return node;
        const children: RootContent[] = [];
        for (const child of (node as Parent).children) {
          if (child.type === 'text') children.push(...linkText(child));
          else children.push(walk(child) as RootContent);
        }
        return { ...node, children } as Parent as RootContent | Root;
      };

      return {
        linked,
        linkTree(tree) {
          if (patterns.length === 0) return tree;
          return walk(tree) as Root;
        },
      };
    },
  };
}

/** The plain text of a hast element (for heading ids). */
function hastText(node: ElementContent | HastRoot): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as ElementContent[]).map(hastText).join('');
  return '';
}

/** Gives each heading without an id one from its text (as core's link targets expect). */
function headingIds(options: { prefix: string }) {
  return (tree: HastRoot) => {
    const used = new Set<string>();
    const visit = (node: HastRoot | ElementContent) => {
      if (node.type === 'element' && /^h[1-6]$/.test(node.tagName) && node.properties.id === undefined) {
        const base = options.prefix + headingId(hastText(node));
        let id = base;
        for (let n = 1; used.has(id); n++) id = `${base}-${n}`;
        used.add(id);
        node.properties.id = id;
      }
      if ('children' in node) for (const child of node.children) visit(child as ElementContent);
    };
    visit(tree);
  };
}

// GitHub's allowlist, but ids from remark-rehype (footnotes, already prefixed "user-content-")
// are kept as they are so that their links still match.
const markdownSchema: SanitizeSchema = { ...defaultSchema, clobber: [] };

/** Markdown body (mdast, front matter skipped) to sanitised HTML. */
export function renderMarkdown(tree: Root, options: RenderOptions = {}): string {
  const shift = options.headingShift ?? 0;
  let body: Root = { type: 'root', children: tree.children.filter((n) => n.type !== 'yaml') };
  if (options.glossary) body = options.glossary.linkTree(body);
  if (shift) body = shiftHeadings(body, shift);
  const processor = processorFor(options.idPrefix ?? '');
  const hast = processor.runSync(body) as HastRoot;
  return processor.stringify(hast);
}

const processors = new Map<string, ReturnType<typeof createProcessor>>();

function createProcessor(prefix: string) {
  return unified()
    .use(remarkRehype, { clobberPrefix: `user-content-${prefix}` })
    .use(rehypeSanitize, markdownSchema)
    .use(headingIds, { prefix })
    .use(rehypeStringify)
    .freeze();
}

/** One frozen processor per id prefix: building a unified pipeline costs more than running it. */
function processorFor(prefix: string) {
  let processor = processors.get(prefix);
  if (!processor) {
    if (processors.size > 1000) processors.clear();
    processor = createProcessor(prefix);
    processors.set(prefix, processor);
  }
  return processor;
}

function shiftHeadings(tree: Root, shift: number): Root {
  const walk = (node: RootContent): RootContent => {
    if (node.type === 'heading') return { ...node, depth: Math.min(6, node.depth + shift) as 1 | 2 | 3 | 4 | 5 | 6 };
    if ('children' in node) return { ...node, children: (node.children as RootContent[]).map(walk) } as RootContent;
    return node;
  };
  return { ...tree, children: tree.children.map(walk) };
}

/** The plain text of a markdown tree's first paragraph (for summaries and link previews). */
export function firstParagraphText(tree: Root): string {
  const para = tree.children.find((n) => n.type === 'paragraph');
  if (!para) return '';
  const text = (node: RootContent): string =>
    node.type === 'text' || node.type === 'inlineCode' ? node.value : 'children' in node ? (node.children as RootContent[]).map(text).join('') : '';
  return text(para).replace(/\s+/g, ' ').trim();
}

// Drawing elements and presentation attributes only: no scripts, styles, links, images or events.
const svgSchema: SanitizeSchema = {
  tagNames: ['svg', 'g', 'path', 'circle', 'ellipse', 'rect', 'line', 'polyline', 'polygon'],
  attributes: {
    '*': ['fill', 'fillOpacity', 'fillRule', 'clipRule', 'stroke', 'strokeWidth', 'strokeLineCap', 'strokeLineJoin', 'strokeMiterLimit', 'strokeDashArray', 'strokeDashOffset', 'strokeOpacity', 'opacity', 'transform'],
    svg: ['viewBox', 'xmlns'],
    path: ['d'],
    circle: ['cx', 'cy', 'r'],
    ellipse: ['cx', 'cy', 'rx', 'ry'],
    rect: ['x', 'y', 'width', 'height', 'rx', 'ry'],
    line: ['x1', 'y1', 'x2', 'y2'],
    polyline: ['points'],
    polygon: ['points'],
  },
  protocols: {},
  clobber: [],
  strip: ['script', 'style'],
};

// Colours that are not currentColor (or none) would ignore the light/dark themes.
const paintProperties = ['fill', 'stroke'] as const;

/**
 * An icon file's SVG as safe inline markup: only drawing elements survive, the outer `<svg>` is
 * decorative (`aria-hidden`), and colours other than `currentColor`/`none` become `currentColor`.
 * Returns '' when the file holds no `<svg>` element.
 */
export function renderIcon(svgText: string, options: { className?: string } = {}): string {
  const clean = sanitize(fromHtml(svgText, { fragment: true, space: 'svg' }), svgSchema) as HastRoot;
  const svg = clean.children.find((n): n is Element => n.type === 'element' && n.tagName === 'svg');
  if (!svg) return '';
  const recolour = (node: ElementContent) => {
    if (node.type !== 'element') return;
    for (const p of paintProperties) {
      const v = node.properties[p];
      if (typeof v === 'string' && v !== 'none' && v !== 'currentColor') node.properties[p] = 'currentColor';
    }
    node.children.forEach(recolour);
  };
  recolour(svg);
  svg.properties = {
    ...svg.properties,
    xmlns: undefined,
    ariaHidden: 'true',
    focusable: 'false',
    ...(options.className ? { className: [options.className] } : {}),
  };
  svg.children = svg.children.filter((c) => c.type === 'element');
  return toHtml(svg, { space: 'svg' });
}

/** A key for sorting terms alphabetically whatever their case, accents or punctuation. */
export function sortKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
