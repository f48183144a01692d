// Bad input through the real CLI: every broken file gets a positioned message, nothing prints a
// stack trace, and the other files are still checked.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseCheckout, checkIn } from './run-check.ts';

const page = (body: string) => `---\ntitle: Fixture\ndescription: A page for one bad input.\n---\n${body}`;

// A YAML "billion laughs": each alias multiplies the one before; expanded it would not fit in memory.
const aliasBomb = [
  '---',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  'title: Fixture',
  'description: A page.',
  '---',
  'Text.',
  '',
].join('\n');

const bad: Record<string, { content: string | Uint8Array; expect: RegExp }> = {
  'malformed.md': { content: '---\ntitle: Fixture\ndescription: [unclosed\n---\nText.\n', expect: /^content\/pages\/malformed\.md:3:\d+: error Unexpected .* \[yaml-syntax\]$/m },
  'alias-bomb.md': { content: aliasBomb, expect: /^content\/pages\/alias-bomb\.md:3:\d+: error Unexpected YAML alias "\*a" \(and 71 more\), expected the value written out \[yaml-syntax\]$/m },
  'proto.md': {
    content: '---\ntitle: Fixture\ndescription: A page.\n__proto__:\n  isAdmin: true\nconstructor:\n  prototype: x\n---\nText.\n',
    expect: /^content\/pages\/proto\.md:4:1: error Unexpected key "__proto__", expected a field of the content model \[forbidden-key\]\ncontent\/pages\/proto\.md:6:1: error Unexpected key "constructor"/m,
  },
  'huge.md': { content: page('word '.repeat(1_048_576)), expect: /^content\/pages\/huge\.md:1:1: error Unexpected file of 524\d{4} bytes, expected at most 1000000 bytes \[file-encoding\]$/m },
  'binary.md': { content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), expect: /^content\/pages\/binary\.md:1:1: error Unexpected binary file .* \[file-encoding\]$/m },
  'latin1.md': {
    content: Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\ndescription: A page.\n---\nText.\n')]),
    expect: /^content\/pages\/latin1\.md:2:11: error Unexpected bytes that are not valid UTF-8, expected UTF-8 text \(save the file as UTF-8\) \[file-encoding\]$/m,
  },
  'empty.md': { content: '', expect: /^content\/pages\/empty\.md:1:1: error Missing front matter, .* \[front-matter\]$/m },
  'no-front-matter.md': { content: '# Title\n\nJust text.\n', expect: /^content\/pages\/no-front-matter\.md:1:1: error Missing front matter, .* \[front-matter\]$/m },
  'crlf.md': { content: page('Saved on Windows.\n').replace(/\n/g, '\r\n'), expect: /^content\/pages\/crlf\.md:1:4: warning Unexpected 5 CRLF line endings, expected LF \[line-endings\]$/m },
  'bom.md': { content: `\uFEFF${page('Saved with a byte-order mark.\n')}`, expect: /^content\/pages\/bom\.md:1:1: warning Unexpected byte-order mark at the start of the file, expected plain UTF-8 \[byte-order-mark\]$/m },
};

describe('npm run check on bad input', () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof checkIn>>;
  let named: Awaited<ReturnType<typeof checkIn>>;

  beforeAll(async () => {
    dir = await baseCheckout();
    for (const [name, { content }] of Object.entries(bad)) await writeFile(join(dir, 'content/pages', name), content);
    // A link could point anywhere on the machine; the check must report it without following it.
    await writeFile(join(dir, 'secret.md'), page('Outside the content folder.\n'));
    await symlink(join(dir, 'secret.md'), join(dir, 'content/pages/link.md'));
    // A good file with an ordinary mistake, to show the rest of the content is still checked.
    await mkdir(join(dir, 'content/glossary'), { recursive: true });
    await writeFile(join(dir, 'content/glossary/holder.md'), '---\nterm: Holder\nrelated:\n  - issuer\nrelatd: x\n---\nThe person who keeps a record.\n');
    result = await checkIn(dir);
    named = await checkIn(dir, 'content/pages/link.md', 'content/pages/alias-bomb.md', 'content/glossary/holder.md');
  });

  it('exits 1 with messages, never a stack trace', () => {
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toMatch(/Internal error/);
  });

  for (const [name, { expect: pattern }] of Object.entries(bad)) {
    it(`reports ${name} at a position`, () => {
      expect(result.stdout).toMatch(pattern);
    });
  }

  it('reports a symbolic link without following it', () => {
    expect(result.stdout).toMatch(/^content\/pages\/link\.md:1:1: error Unexpected symbolic link, expected a regular file \(links are never followed\) \[file-encoding\]$/m);
    expect(result.stdout).not.toMatch(/Outside the content folder/);
  });

  it('still checks every other file', () => {
    expect(result.stdout).toMatch(/^content\/glossary\/holder\.md:5:1: error Unexpected key "relatd", expected "related" \[unknown-key\]$/m);
    // 17 base files (16 markdown + 1 icon) + 10 bad files + the link + holder.md.
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/ in \d+ files of 29 checked/);
  });

  it('reports the same problems for files named on the command line', () => {
    expect(named.code).toBe(1);
    expect(named.stderr).toBe('');
    expect(named.stdout).toMatch(/^content\/pages\/link\.md:1:1: error Unexpected symbolic link/m);
    expect(named.stdout).toMatch(/^content\/pages\/alias-bomb\.md:3:\d+: error Unexpected YAML alias/m);
    expect(named.stdout).toMatch(/^content\/glossary\/holder\.md:5:1: error Unexpected key "relatd"/m);
    expect(named.stdout.trim().split('\n').at(-1)).toMatch(/ of 3 checked$/);
  });
});
