// Helpers for the site tests: build the real site into a temporary folder and read what it wrote.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes, Root } from 'hast';

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
