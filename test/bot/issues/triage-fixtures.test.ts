// The triage fixtures (test/fixtures/triage/*.json, realistic issues with the labels a maintainer
// would give them): each gets exactly its expected labels. `npm run bench:triage` prints the rates.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultIssuesConfig } from '../../../bot/config-issues.ts';
import { decideIssueTriage } from '../../../bot/decide/issue-triage.ts';
import { localContent, repoRoot } from './local-content.ts';

const dir = join(repoRoot, 'test/fixtures/triage');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const { templates, matcher } = await localContent();

describe('triage fixtures', () => {
  it('has at least 30 realistic issues', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it.each(files)('%s gets its expected labels', (file) => {
    const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { title: string; body: string; author_association: string; expected_labels: string[] };
    const plan = decideIssueTriage(
      {
        repo: { owner: 'digitalcredentials', name: 'ler-ecosystem-map', defaultBranch: 'main' },
        issue: { number: 50, title: fixture.title, body: fixture.body, state: 'open', author: { login: 'reader', id: 7 }, authorAssociation: fixture.author_association, labels: [] },
        authorCommentTimes: [],
        editedByAuthor: false,
        templates,
        openIssues: [],
      },
      matcher,
      defaultIssuesConfig,
      new Date('2025-06-01T00:00:00Z'),
    );
    expect([...plan.labels].sort()).toEqual([...fixture.expected_labels].sort());
  });
});
