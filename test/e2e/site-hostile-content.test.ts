// The site build against hostile content: scripts, javascript: and data: links, raw HTML with
// event handlers, __proto__ keys and a symbolic link out of the checkout. The build refuses with
// the check's positioned messages and writes nothing; and the renderer it uses sanitises such
// markdown even if it ever got that far (defence in depth).
import { rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMarkdown, renderMarkdown } from '#core';
import { buildSite, copyContent, listFiles } from '../site/helpers.ts';

const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

const hostileBody = [
  'A term with [a link](javascript:alert(1)), <script>alert(1)</script> and ![x](javascript:alert(2)).',
  '',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) <img src=x onerror="alert(3)"> <a href="javascript:alert(4)">click</a> [ref][r]',
  '',
  '<iframe src="https://evil.example"></iframe><style>body{display:none}</style>',
  '',
  '[r]: javascript:alert(5)',
].join('\n');

describe('the site build with hostile content', () => {
  it('refuses, naming each problem at its file, line and column, without a stack trace, and writes no site', async () => {
    const root = await copyContent();
    cleanup.push(root);
    await writeFile(join(root, 'content/glossary/hostile.md'), `---\nterm: Hostile\nrelated:\n  - holder\n---\n${hostileBody}\n`);
    await writeFile(join(root, 'content/glossary/proto.md'), '---\nterm: Proto\n__proto__:\n  polluted: true\nrelated:\n  - holder\n---\nA body.\n');
    await symlink('/etc/passwd', join(root, 'content/glossary/passwd.md'));
    const build = await buildSite({ contentRoot: root });
    cleanup.push(build.dir);
    expect(build.code).toBe(1);
    const lines = build.stdout.split('\n');
    const at = (prefix: string) => lines.filter((l) => l.startsWith(prefix));
    expect(at('content/glossary/hostile.md:6:')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^content\/glossary\/hostile\.md:6:\d+: error Unexpected "javascript:" link "javascript:alert\(1\)"/),
        expect.stringMatching(/^content\/glossary\/hostile\.md:6:\d+: error Unexpected HTML "<script>"/),
      ]),
    );
    expect(at('content/glossary/hostile.md:8:').join('\n')).toMatch(/"data:" link[\s\S]*HTML "<img src=x onerror/);
    expect(at('content/glossary/hostile.md:10:').join('\n')).toMatch(/HTML "<iframe/);
    expect(at('content/glossary/hostile.md:12:').join('\n')).toMatch(/"javascript:" link "javascript:alert\(5\)"/);
    expect(at('content/glossary/proto.md:3:1: error Unexpected key "__proto__"')).toHaveLength(1);
    expect(at('content/glossary/passwd.md:1:1: error Unexpected symbolic link, expected a regular file (links are never followed)')).toHaveLength(1);
    // What the link points at was never read into the output.
    expect(build.stdout).not.toContain('root:x:0:0');
    expect(build.stderr).toBe('');
    expect(build.stdout).not.toMatch(/^\s+at /m);
    expect(await listFiles(build.dir)).toEqual([]);
  });

  it('renders such markdown, were it ever built, without scripts, handlers, frames or javascript:/data: URLs', () => {
    const html = renderMarkdown(parseMarkdown(hostileBody));
    const tree = fromHtml(html, { fragment: true });
    const elements: Element[] = [];
    const walk = (node: Nodes) => {
      if (node.type === 'element') elements.push(node);
      if ('children' in node) for (const child of node.children) walk(child as Nodes);
    };
    walk(tree);
    expect(elements.map((e) => e.tagName).filter((t) => ['script', 'iframe', 'style', 'object', 'embed'].includes(t))).toEqual([]);
    for (const e of elements) {
      for (const [name, value] of Object.entries(e.properties)) {
        expect(name.toLowerCase().startsWith('on'), `${e.tagName} ${name}`).toBe(false);
        expect(String(value), `${e.tagName} ${name}`).not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
    }
    // The words stay, as text.
    expect(html).toContain('a link');
    expect(html).toContain('click');
  });
});
