// Every rule against its fixtures: ok files produce no message at all (from any rule), not-ok
// files produce exactly the printed messages in not-ok.txt, and fixes settle in one pass.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, buildIndex, checkBatchSize, checkFiles, checkSource, checkSources, decode, formatMessage, rules, type SourceFile } from '#core';
import { checkFixture, expectedLines, fixtureFiles, fixtureSpeller, fixturesRoot, readTree, baseRoot, withBase } from './rule-fixtures.ts';

describe('rule fixtures', () => {
  it('exist for every registered rule, and only for registered rules', () => {
    const ids = rules.map((r) => r.id).sort();
    const withFixtures = readdirSync(fixturesRoot).filter((n) => !n.startsWith('.')).sort();
    expect(withFixtures).toEqual(ids);
    for (const id of ids) {
      expect(fixtureFiles(id, 'ok').length, `${id}: ok fixture`).toBeGreaterThan(0);
      expect(fixtureFiles(id, 'not-ok').length, `${id}: not-ok fixture`).toBeGreaterThan(0);
      expect(expectedLines(id).length, `${id}: not-ok.txt`).toBeGreaterThan(0);
    }
  });

  it('have a module per rule named after its id', () => {
    for (const rule of rules) expect(existsSync(join(import.meta.dirname, '..', '..', 'core', 'rules', `${rule.id}.ts`)), rule.id).toBe(true);
  });

  it('start from a base content set that is itself clean', async () => {
    const base = readTree(baseRoot);
    const messages = checkFiles(base, buildIndex(base), { speller: await fixtureSpeller() });
    expect(messages.map(formatMessage)).toEqual([]);
  });
});

for (const rule of rules) {
  describe(rule.id, () => {
    it('has a description, a way to fix, and a severity', () => {
      expect(rule.description).toMatch(/\.$/);
      expect(rule.help).toMatch(/\.$/);
      expect(['error', 'warning']).toContain(rule.severity);
    });

    it('finds nothing in the ok fixture', async () => {
      const messages = await checkFixture(fixtureFiles(rule.id, 'ok'));
      expect(messages.map(formatMessage)).toEqual([]);
    });

    it('prints exactly the expected messages for the not-ok fixture', async () => {
      const messages = await checkFixture(fixtureFiles(rule.id, 'not-ok'));
      const mine = messages.filter((m) => m.ruleId === rule.id);
      expect(mine.map(formatMessage)).toEqual(expectedLines(rule.id));
      for (const m of mine) {
        expect(m.reason).toMatch(/^(Unexpected|Missing) /);
        expect(m.endLine * 1e6 + m.endColumn).toBeGreaterThanOrEqual(m.line * 1e6 + m.column);
      }
    });

    if (rule.fixable) {
      it('fixes the not-ok fixture without new problems', async () => {
        const files = fixtureFiles(rule.id, 'not-ok');
        const before = await checkFixture(files);
        const withFix = before.filter((m) => m.ruleId === rule.id && m.fix);
        expect(withFix.length, 'the not-ok fixture shows at least one fix').toBeGreaterThan(0);
        const fixed: SourceFile[] = files.map((f) => {
          const decoded = decode(f.content);
          if (!('text' in decoded)) return f;
          const text = decoded.text.replace(/^\uFEFF/, '');
          return { path: f.path, content: applyFixes(text, before.filter((m) => m.file === f.path && m.ruleId === rule.id)).text };
        });
        const after = await checkFixture(fixed);
        expect(after.filter((m) => m.ruleId === rule.id && m.fix).map(formatMessage)).toEqual([]);
        // A fix never creates a problem of another kind.
        const kinds = (ms: typeof before) => new Set(ms.map((m) => `${m.file} ${m.ruleId}`));
        const was = kinds(before);
        expect([...kinds(after)].filter((k) => !was.has(k))).toEqual([]);
      });
    }
  });
}



describe('duplicates point at the other definition', () => {
  it('gives each duplicate a cause: the first definition elsewhere, or the earlier key in the same file', async () => {
    const messages = await checkFixture(fixtureFiles('duplicate-term', 'not-ok'));
    const causes = messages.filter((m) => m.ruleId === 'duplicate-term').map((m) => m.cause);
    expect(causes).toEqual([
      { file: 'content/glossary/verifiable-credential.md', line: 2, column: 1, reason: 'also defined here' },
      { file: 'content/glossary/learning-and-employment-record.md', line: 3, column: 1, reason: 'also defined here' },
      { file: 'content/glossary/verified-credential.md', line: 5, column: 5, reason: 'first defined here' },
    ]);
  });

  it('reports a duplicate in the file that sorts first too, so a pull request adding it always sees it', async () => {
    const copy = { path: 'content/resources/a-copy.md', content: '---\ntitle: A Guide to Open Badges\npublisher: Someone\nurl: https://www.openbadges.org/guide/\ntopic: general\nstakeholders:\n  - employers\n---\n' };
    const messages = await checkFixture([copy]);
    expect(messages.map(formatMessage)).toEqual([
      'content/resources/a-copy.md:2:8: error Unexpected duplicate title "A Guide to Open Badges", expected a title used once (also in content/resources/open-badges-guide.md:2 as "A Guide to Open Badges") [duplicate-title]',
      'content/resources/a-copy.md:4:6: error Unexpected duplicate URL "https://www.openbadges.org/guide/", expected a URL used once (also in content/resources/open-badges-guide.md:4 as "https://www.openbadges.org/guide") [duplicate-url]',
    ]);
    expect(messages.map((m) => m.cause?.file)).toEqual(['content/resources/open-badges-guide.md', 'content/resources/open-badges-guide.md']);
  });
});

describe('checking many files at once', () => {
  it('gives each file exactly the messages checkSource gives it alone, across batches and scopes', async () => {
    // Every not-ok fixture file under its own folder, so all are checked together against one index.
    const fixtures: SourceFile[] = rules.flatMap((rule) =>
      (['ok', 'not-ok'] as const).flatMap((side) =>
        fixtureFiles(rule.id, side).map((f) => ({ ...f, path: f.path.replace(/^content\/pages\/(not-)?ok\.md$/, `content/pages/${rule.id}-${side}.md`) })),
      ),
    );
    const files = withBase(fixtures);
    // Files that are checked by name only, and one that is out of scope.
    files.push({ path: 'content/stakeholders/Logo.SVG', content: '<svg/>' }, { path: 'README.txt', content: 'not content' });
    expect(files.length).toBeGreaterThan(checkBatchSize * 2);
    const index = buildIndex(withBase(files));
    const speller = await fixtureSpeller();
    const together = checkSources(files, index, { speller });
    const alone = files.map((f) => checkSource(f, index, { speller }));
    expect(together).toEqual(alone);
    expect(together.flat().length).toBeGreaterThan(100);
  });
});
