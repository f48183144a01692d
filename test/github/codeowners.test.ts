// .github/CODEOWNERS names an owner for every content folder, and every path in it exists.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..');

async function rules() {
  const text = await readFile(join(repo, '.github/CODEOWNERS'), 'utf8');
  return text
    .split('\n')
    .map((line, i) => ({ line: i + 1, parts: line.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean) }))
    .filter((r) => r.parts.length)
    .map((r) => ({ line: r.line, pattern: r.parts[0], owners: r.parts.slice(1) }));
}

describe('CODEOWNERS', () => {
  it('has owners on every line, written as @user or @org/team', async () => {
    for (const rule of await rules()) {
      expect(rule.owners.length, `line ${rule.line}`).toBeGreaterThan(0);
      for (const owner of rule.owners) expect(owner, `line ${rule.line}`).toMatch(/^@[A-Za-z0-9-]+(\/[A-Za-z0-9_.-]+)?$/);
    }
  });

  it('only names paths that exist (GitHub ignores the others silently)', async () => {
    for (const rule of await rules()) {
      if (rule.pattern === '*') continue;
      expect(existsSync(join(repo, rule.pattern)), `line ${rule.line}: ${rule.pattern}`).toBe(true);
    }
  });

  it('gives every folder of content/ its own line', async () => {
    const patterns = new Set((await rules()).map((r) => r.pattern));
    const folders = (await readdir(join(repo, 'content'), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => `/content/${d.name}/`);
    expect(folders.length).toBeGreaterThan(0);
    expect(folders.filter((f) => !patterns.has(f))).toEqual([]);
  });
});
