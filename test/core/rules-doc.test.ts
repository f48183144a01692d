// docs/rules.md is generated from the rules; it must match what `npm run gen:rules-doc` writes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc, rules } from '#core';

describe('docs/rules.md', () => {
  const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'rules.md'), 'utf8');

  it('is up to date (run `npm run gen:rules-doc` after changing a rule)', () => {
    expect(doc).toBe(renderRulesDoc());
  });

  it('has a section with the description and the way to fix for every rule', () => {
    for (const rule of rules) {
      const section = doc.split(`\n### ${rule.id}\n`)[1]?.split('\n### ')[0] ?? '';
      expect(section, rule.id).toContain(rule.description);
      expect(section, rule.id).toContain(`**How to fix:** ${rule.help}`);
    }
  });
});
