// .github/ler-map.yml: defaults for what is missing, and each mistake at its line and column.
import { describe, expect, it } from 'vitest';
import { contentLabel, defaultConfig, managedLabels, readConfig } from '../../bot/config.ts';

describe('readConfig', () => {
  it('uses the defaults when the file is missing or empty, and fills in what a file leaves out', () => {
    expect(readConfig(undefined)).toEqual({ ok: true, config: defaultConfig });
    expect(readConfig('\n')).toEqual({ ok: true, config: defaultConfig });
    const result = readConfig('labels:\n  passing:\n    color: "00ff00"\n');
    if (!result.ok) throw new Error('expected a valid file');
    expect(result.config.labels.passing).toEqual({ name: 'check: passing', color: '00ff00', description: 'The content check found no errors' });
    expect(result.config.labels.needs_changes.name).toBe('check: needs changes');
    expect(result.config.pull_requests.label_drafts_needing_changes).toBe(false);
  });

  it('names the labels after the content types, as .github/labels.yml does', () => {
    expect(contentLabel(defaultConfig, 'work-stream')).toBe('content: work stream');
    expect(managedLabels(defaultConfig).map((l) => l.name)).toEqual([
      'check: passing',
      'check: needs changes',
      'touches code',
      'first-time contributor',
      'content: stakeholder',
      'content: work stream',
      'content: action area',
      'content: glossary',
      'content: resource',
      'content: framework',
      'content: page',
      'content: organization',
      'size/XS',
      'size/S',
      'size/M',
      'size/L',
      'size/XL',
    ]);
  });

  it('points at each problem with its line and column and what would be right', () => {
    const text = ['lables: {}', 'labels:', '  passing:', '    color: "#fff"', 'pull_requests:', '  label_drafts_needing_changes: yes', 'checks:', '  severity:', '    speling: "off"', '    spelling: loud', ''].join('\n');
    expect(readConfig(text)).toEqual({
      ok: false,
      problems: [
        { line: 1, column: 1, message: 'Unexpected key "lables", expected "labels"' },
        { line: 4, column: 12, message: 'Unexpected "#fff" at labels.passing.color, expected six hex digits without "#", such as "d93f0b"' },
        { line: 6, column: 33, message: 'Unexpected "yes" at pull_requests.label_drafts_needing_changes, expected true or false' },
        { line: 10, column: 15, message: 'Unexpected "loud" at checks.severity.spelling, expected one of "error", "warning", "off"' },
      ],
    });
  });

  it('rejects rule ids that do not exist, suggesting the nearest', () => {
    expect(readConfig('checks:\n  severity:\n    speling: "off"\n')).toEqual({
      ok: false,
      problems: [{ line: 3, column: 5, message: 'Unexpected rule "speling" (set to "off"), expected a rule id such as "spelling"' }],
    });
  });

  it('reports YAML syntax errors and aliases without throwing', () => {
    const syntax = readConfig('labels: [\n');
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect(syntax.problems[0]!.message).toMatch(/^Unexpected YAML: /);
    expect(readConfig('a: &x {}\nlabels: *x\n')).toEqual({ ok: false, problems: [{ line: 1, column: 1, message: 'Unexpected YAML alias, expected every value written out' }] });
  });

  it('requires size labels in increasing order', () => {
    const result = readConfig('labels:\n  size:\n    - { name: big, color: "000000", below: 100 }\n    - { name: small, color: "000000", below: 10 }\n    - { name: huge, color: "000000" }\n');
    expect(result).toEqual({ ok: false, problems: [{ line: 3, column: 5, message: expect.stringContaining('in increasing order') }] });
  });
});
