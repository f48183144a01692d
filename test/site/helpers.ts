// Helpers for the site tests: build the real site into a temporary folder and read what it wrote.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { fromHtml } from 'hast-util-from-html';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Element, Nodes, Root } from 'hast';
import type { RootContent } from 'mdast';
import { recordPath, type ParsedFile } from '#core';

const run = promisify(execFile);
export const repoRoot = resolve(import.meta.dirname, '../..');

export interface BuildResult {
  dir: string;
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/build.ts` (content check, Eleventy, Pagefind) into a new temporary folder. */
export async function buildSite(options: { contentRoot?: string; prefix?: string; env?: Record<string, string> } = {}): Promise<BuildResult> {
  const dir = await mkdtemp(join(tmpdir(), 'ler-site-'));
  const env: Record<string, string | undefined> = { ...process.env, ...options.env, CONTENT_ROOT: options.contentRoot ?? repoRoot };
  delete env.SITE_URL;
  if (options.prefix) env.PATH_PREFIX = options.prefix;
  else delete env.PATH_PREFIX;
  Object.assign(env, options.env);
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--output', dir], {
      cwd: repoRoot,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { dir, code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { dir, code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** A copy of the repository's content/ in a new temporary checkout folder. */
export async function copyContent(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ler-content-'));
  await cp(join(repoRoot, 'content'), join(root, 'content'), { recursive: true });
  return root;
}

/** Every file under a folder, as forward-slash paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/')).sort();
}

const parsed = new Map<string, Root>();

/** A built HTML file as hast (cached per path). */
export async function readHtml(file: string): Promise<Root> {
  let tree = parsed.get(file);
  if (!tree) {
    tree = fromHtml(await readFile(file, 'utf8'));
    parsed.set(file, tree);
  }
  return tree;
}

/** The text a reader sees in a subtree (script and style excluded), with whitespace collapsed. */
export function textOf(node: Nodes): string {
  const parts: string[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'text') parts.push(n.value);
    else if (n.type === 'element' && (n.tagName === 'script' || n.tagName === 'style')) return;
    else if ('children' in n) for (const c of n.children) walk(c as Nodes);
    if (n.type === 'element' && /^(p|li|h[1-6]|div|section|article|dd|dt|td|th|br|figcaption|blockquote)$/.test(n.tagName)) parts.push(' ');
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Every element in a subtree, in document order. */
export function elements(node: Nodes): Element[] {
  const out: Element[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'element') out.push(n);
    if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(node);
  return out;
}

/** A string property of an element (hast names: href, id, ariaLabel, className…). */
export function prop(el: Element, name: string): string | undefined {
  const v = el.properties[name];
  return Array.isArray(v) ? v.join(' ') : v === undefined || v === null ? undefined : String(v);
}

/** The output file of a site path ("/glossary/" → "<dir>/glossary/index.html"). */
export function fileOfPath(dir: string, sitePath: string): string {
  const path = sitePath.split('#')[0]!;
  return join(dir, path.endsWith('/') ? `${path}index.html` : path);
}

/** The element that shows a record: the page's <main>, or the element its anchor heading titles (or the element with the anchor). */
export async function scopeOf(dir: string, file: ParsedFile): Promise<Element | undefined> {
  const path = recordPath(file.type!, file.slug);
  const tree = await readHtml(fileOfPath(dir, path));
  const anchor = path.split('#')[1];
  if (!anchor) return elements(tree).find((e) => e.tagName === 'main');
  const parent = elements(tree).find((e) => e.children.some((c) => c.type === 'element' && prop(c, 'id') === anchor && /^h[1-6]$/.test(c.tagName)));
  return parent ?? elements(tree).find((e) => prop(e, 'id') === anchor);
}

/** The id of an element's first heading child. */
export const headingIdOf = (e: Element) => prop(e.children.find((c): c is Element => c.type === 'element' && /^h[1-6]$/.test(c.tagName))!, 'id');

/** Everything a reader can see or follow in an element: text, link targets, accessible names. */
function haystackOf(el: Element): string {
  const attrs = elements(el).flatMap((e) => ['href', 'ariaLabel', 'alt', 'title', 'cite'].map((k) => prop(e, k) ?? ''));
  return `${textOf(el)} ${attrs.join(' ')}`.toLowerCase().replace(/\s+/g, ' ');
}

/** [path, value] of every string and number in front-matter data. */
function leaves(value: unknown, path = ''): [string, string | number][] {
  if (typeof value === 'string' || typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}.${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      // Keys of a mapping that are slugs (action areas) are rendered as links to them.
      ...(path === 'action_areas' ? ([[`${path}.${k}`, k]] as [string, string][]) : []),
      ...leaves(v, path ? `${path}.${k}` : k),
    ]);
  }
  return [];
}

/** Blocks whose text is one run (list items and quotes hold several). */
function leafBlocks(nodes: RootContent[]): RootContent[] {
  return nodes.flatMap((n) =>
    ['paragraph', 'heading', 'tableCell', 'code'].includes(n.type) ? [n] : 'children' in n ? leafBlocks(n.children as RootContent[]) : [],
  );
}

/**
 * Fields of records that a built site does not show: every string and number of the front matter
 * must be in the record's page or element (text, link or accessible name), every block of its body
 * too; icons must be drawn there, roles named by the heading above, `order` is checked apart.
 */
export async function unrenderedFields(dir: string, files: readonly ParsedFile[], root: string): Promise<string[]> {
  const unrendered: string[] = [];
  for (const file of files) {
    const scope = await scopeOf(dir, file);
    if (!scope) {
      unrendered.push(`${file.path}: no page or anchor`);
      continue;
    }
    const hay = haystackOf(scope);
    for (const [path, value] of leaves(file.data)) {
      const key = path.split('.')[0]!;
      if (key === 'order') continue;
      if (key === 'icon' || key === 'logo') {
        const icon = await readFile(join(root, 'content/icons', String(value)), 'utf8');
        const d = /\sd="([^"]+)"/.exec(icon)?.[1];
        if (!d || !elements(scope).some((e) => prop(e, 'd') === d)) unrendered.push(`${file.path}: ${path}`);
        continue;
      }
      if (key === 'role') {
        const about = elements(await readHtml(fileOfPath(dir, '/about/')));
        const heading = about.slice(0, about.indexOf(scope)).filter((e) => e.tagName === 'h3').at(-1);
        if (!heading || !textOf(heading).toLowerCase().includes(String(value).slice(0, 5))) unrendered.push(`${file.path}: ${path}`);
        continue;
      }
      if (!hay.includes(String(value).toLowerCase().replace(/\s+/g, ' '))) unrendered.push(`${file.path}: ${path} = ${String(value)}`);
    }
    for (const block of leafBlocks(file.tree!.children.filter((n: RootContent) => n.type !== 'yaml'))) {
      const text = mdastToString(block).replace(/\s+/g, ' ').trim().toLowerCase();
      if (text && !hay.includes(text)) unrendered.push(`${file.path}: body "${text.slice(0, 60)}…"`);
    }
  }
  return unrendered;
}
