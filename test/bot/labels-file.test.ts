// .github/labels.yml is read with positioned problems, and the sync plan creates and updates only.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planLabelsSync } from '../../bot/decide/labels-sync.ts';
import { readLabelsFile } from '../../bot/labels-file.ts';

const repo = join(import.meta.dirname, '..', '..');

describe('readLabelsFile', () => {
  it('reads the project labels without problems', async () => {
    const { labels, problems } = readLabelsFile(await readFile(join(repo, '.github/labels.yml'), 'utf8'));
    expect(problems).toEqual([]);
    expect(labels.map((l) => l.name)).toEqual(
      expect.arrayContaining(['check: passing', 'check: needs changes', 'touches code', 'first-time contributor', 'feedback', 'needs info', 'needs triage', 'duplicate', 'site problem']),
    );
    for (const label of labels) expect(label.color).toMatch(/^[0-9a-f]{6}$/);
  });

  it('normalises colours and keeps valid entries next to broken ones', () => {
    const text = ['- name: ok', '  color: "#ABCDEF"', '  description: fine', '- name: bad colour', '  color: blue', '- nam: typo', '  color: 000000', '- name: zeros', '  color: 000000', '- name: exponent', '  color: 5319e7', '- name: Ok', '  color: 111111'].join('\n');
    const { labels, problems } = readLabelsFile(text);
    expect(labels).toEqual([
      { name: 'ok', color: 'abcdef', description: 'fine' },
      { name: 'zeros', color: '000000', description: '' },
      { name: 'exponent', color: '5319e7', description: '' },
    ]);
    expect(problems).toEqual([
      { line: 5, column: 10, message: 'Unexpected color "blue", expected six hexadecimal digits such as "1d76db"' },
      { line: 6, column: 3, message: 'Unexpected key "nam", expected one of "name", "color", "description"' },
      { line: 12, column: 9, message: 'Unexpected duplicate label "Ok", expected each name once (first defined on line 1)' },
    ]);
  });

  it('reports YAML syntax errors and a wrong document shape at their place', () => {
    expect(readLabelsFile('- name: [unclosed\n').problems[0]).toMatchObject({ line: 2, column: 1 });
    expect(readLabelsFile('name: x\n').problems).toEqual([{ line: 1, column: 1, message: 'Unexpected document, expected a list of labels (`- name: …`)' }]);
    expect(readLabelsFile('- name: x\n').problems).toEqual([{ line: 1, column: 3, message: 'Missing key "color" in this label' }]);
    expect(readLabelsFile(`- name: x\n  color: ffffff\n  description: ${'d'.repeat(101)}\n`).problems[0].message).toBe('Unexpected description of 101 characters, expected at most 100');
  });
});

describe('planLabelsSync', () => {
  const wanted = [
    { name: 'feedback', color: 'fbca04', description: 'Feedback on a page' },
    { name: 'needs info', color: 'd876e3', description: 'Waiting for the author' },
    { name: 'duplicate', color: 'cfd3d7', description: 'Already reported' },
  ];

  it('creates what is missing, updates what differs, leaves the rest alone', () => {
    const existing = [
      { name: 'Feedback', color: 'FBCA04', description: 'Feedback on a page' },
      { name: 'needs info', color: '000000', description: 'Waiting for the author' },
      { name: 'my own label', color: '123456', description: 'a person made this' },
    ];
    expect(planLabelsSync(wanted, existing)).toEqual({
      create: [wanted[2]],
      update: [
        { ...wanted[0], current: 'Feedback' },
        { ...wanted[1], current: 'needs info' },
      ],
    });
  });

  it('plans nothing when the repository already matches (idempotent)', () => {
    expect(planLabelsSync(wanted, wanted)).toEqual({ create: [], update: [] });
  });
});
