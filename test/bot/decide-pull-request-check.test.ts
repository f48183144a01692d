// The pure decision of the content check: snapshot + configuration + time in, planned actions out.
import { describe, expect, it } from 'vitest';
import type { PlannedAction } from '../../bot/act/actions.ts';
import { defaultConfig, readConfig, type ConfigResult } from '../../bot/config.ts';
import { baseContentOf } from '../../bot/github/base-content.ts';
import { decidePullRequestCheck, type ChangedFile, type PullRequestSnapshot } from '../../bot/decide/pull-request-check.ts';
import { allFixedComment } from '../../bot/messages/index.ts';

const ok: ConfigResult = { ok: true, config: defaultConfig };
const now = new Date('2025-06-01T12:00:00Z');

const term = (name: string, related: string[], body = `${name} is a word used in this test.`) =>
  `---\nterm: ${name}\nrelated:\n${related.map((r) => `  - ${r}`).join('\n')}\n---\n${body}\n`;

const baseFiles = [
  { path: 'content/glossary/issuer.md', content: term('Issuer', ['holder']) },
  { path: 'content/glossary/holder.md', content: term('Holder', ['issuer']) },
];

function snapshot(files: ChangedFile[], head: Record<string, string>, over: Partial<PullRequestSnapshot> = {}): PullRequestSnapshot {
  return {
    number: 7,
    state: 'open',
    draft: false,
    headSha: 'a'.repeat(40),
    headReadable: true,
    author: { login: 'casey', firstTime: false },
    files,
    changedFileCount: files.length,
    headFiles: Object.entries(head).map(([path, content]) => ({ path, content })),
    base: baseContentOf('b'.repeat(40), baseFiles),
    existing: { labels: [], addedByBot: new Set(), removedByPeople: new Set(), repositoryLabels: new Set(), reviewedCommits: new Set(), checkRuns: new Set() },
    rerun: false,
    ...over,
  };
}

/** A patch that shows every line of a new file as added. */
function added(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)].join('\n');
}

const broken = term('Issuer', ['holder']).replace('term:', 'Term:').replace('is a word', 'is a  word');
const brokenFile: ChangedFile = { path: 'content/glossary/issuer.md', status: 'modified', additions: 2, deletions: 2, patch: added(broken) };

function types(actions: readonly PlannedAction[]): string[] {
  return actions.map((a) => a.type);
}

describe('decidePullRequestCheck', () => {
  it('is a function of its inputs: the same snapshot gives the same actions; time only sets completed_at', () => {
    const snap = snapshot([brokenFile], { 'content/glossary/issuer.md': broken });
    const a = decidePullRequestCheck(snap, ok, now);
    const b = decidePullRequestCheck(snap, ok, now);
    const c = decidePullRequestCheck(snap, ok, new Date('2030-01-01T00:00:00Z'));
    expect(b).toEqual(a);
    const strip = (d: typeof a) => d.actions.map((x) => (x.type === 'create-check-run' ? { ...x, completedAt: '' } : x));
    expect(strip(c)).toEqual(strip(a));
    expect(a.actions.find((x) => x.type === 'create-check-run')).toMatchObject({ completedAt: '2025-06-01T12:00:00.000Z', conclusion: 'failure' });
  });

  it('plans a check, missing labels, a comment and a review for a pull request with problems', () => {
    const d = decidePullRequestCheck(snapshot([brokenFile], { 'content/glossary/issuer.md': broken }), ok, now);
    expect(types(d.actions)).toEqual(['create-check-run', 'create-label', 'create-label', 'create-label', 'add-labels', 'create-comment', 'create-review']);
    expect(d.actions.filter((a) => a.type === 'create-label')).toEqual([
      { type: 'create-label', name: 'content: glossary', color: '0e8a16', description: 'Changes glossary content' },
      { type: 'create-label', name: 'check: needs changes', color: 'd93f0b', description: "The content check found errors to fix; see the bot's comment" },
      { type: 'create-label', name: 'size/XS', color: 'ededed', description: 'Fewer than 10 lines changed' },
    ]);
    const review = d.actions.find((a) => a.type === 'create-review');
    expect(review).toMatchObject({ pull: 7, commitId: 'a'.repeat(40), comments: [{ path: 'content/glossary/issuer.md', line: 2 }, { path: 'content/glossary/issuer.md', line: 6 }] });
  });

  it('changes nothing that is already right (a repeated delivery)', () => {
    const first = decidePullRequestCheck(snapshot([brokenFile], { 'content/glossary/issuer.md': broken }), ok, now);
    if (!('outcome' in first)) throw new Error('expected an outcome');
    const check = first.actions.find((a) => a.type === 'create-check-run')!;
    const comment = first.actions.find((a) => a.type === 'create-comment')!;
    const labels = first.outcome.labels;
    const again = snapshot([brokenFile], { 'content/glossary/issuer.md': broken }, {
      existing: {
        labels,
        addedByBot: new Set(labels.map((l) => l.toLowerCase())),
        removedByPeople: new Set(),
        repositoryLabels: new Set(labels.map((l) => l.toLowerCase())),
        comment: { id: 1, body: comment.type === 'create-comment' ? comment.body : '' },
        reviewedCommits: new Set(['a'.repeat(40)]),
        checkRuns: new Set([check.type === 'create-check-run' ? check.externalId : '']),
      },
    });
    expect(decidePullRequestCheck(again, ok, now).actions).toEqual([]);
    // Someone asked for a re-run: a new check run, nothing else.
    expect(types(decidePullRequestCheck({ ...again, rerun: true }, ok, now).actions)).toEqual(['create-check-run']);
  });

  it('removes only labels the bot added, and does not add back what a person removed', () => {
    const valid = term('Issuer', ['holder'], 'The organization that creates a credential.');
    const file: ChangedFile = { path: 'content/glossary/issuer.md', status: 'modified', additions: 1, deletions: 1, patch: added(valid) };
    const d = decidePullRequestCheck(
      snapshot([file], { 'content/glossary/issuer.md': valid }, {
        existing: {
          labels: ['check: needs changes', 'touches code', 'size/M', 'question'],
          // The bot added "needs changes" and "size/M"; a person added "touches code"; a person removed "first-time contributor".
          addedByBot: new Set(['check: needs changes', 'size/m']),
          removedByPeople: new Set(['content: glossary']),
          repositoryLabels: undefined,
          reviewedCommits: new Set(),
          checkRuns: new Set(),
        },
      }),
      ok,
      now,
    );
    expect(d.actions.filter((a) => a.type !== 'create-check-run')).toEqual([
      { type: 'add-labels', issue: 7, labels: ['check: passing', 'size/XS'] },
      { type: 'remove-label', issue: 7, label: 'check: needs changes' },
      { type: 'remove-label', issue: 7, label: 'size/M' },
    ]);
  });

  it('says "all fixed" in the existing comment once the problems are gone, and nothing more later', () => {
    const valid = term('Issuer', ['holder'], 'The organization that creates a credential.');
    const file: ChangedFile = { path: 'content/glossary/issuer.md', status: 'modified', additions: 1, deletions: 1, patch: added(valid) };
    const existing = (body: string) => ({ labels: [], addedByBot: new Set<string>(), removedByPeople: new Set<string>(), reviewedCommits: new Set<string>(), checkRuns: new Set<string>(), comment: { id: 3, body } });
    const d = decidePullRequestCheck(snapshot([file], { 'content/glossary/issuer.md': valid }, { existing: existing('old problems') }), ok, now);
    expect(d.actions.find((a) => a.type === 'update-comment')).toEqual({ type: 'update-comment', commentId: 3, body: allFixedComment() });
    const later = decidePullRequestCheck(snapshot([file], { 'content/glossary/issuer.md': valid }, { existing: existing(allFixedComment()) }), ok, now);
    expect(types(later.actions).filter((t) => t.includes('comment'))).toEqual([]);
  });

  it('suggests only on lines in one hunk of the diff', () => {
    // Only line 6 is in the diff (a one-line hunk): the fix on line 2 is annotated, not suggested.
    const file: ChangedFile = { ...brokenFile, patch: '@@ -6 +6 @@\n-Issuer is a word used in this test.\n+Issuer is a  word used in this test.' };
    const d = decidePullRequestCheck(snapshot([file], { 'content/glossary/issuer.md': broken }), ok, now);
    if (!('outcome' in d)) throw new Error('expected an outcome');
    expect(d.outcome.suggestions.map((s) => s.line)).toEqual([6]);
    expect(d.outcome.annotations.map((a) => a.start_line)).toContain(2);
  });

  it('flags records that refer to a deleted one, at the referring line', () => {
    const d = decidePullRequestCheck(snapshot([{ path: 'content/glossary/holder.md', status: 'removed', additions: 0, deletions: 7 }], {}), ok, now);
    if (!('outcome' in d)) throw new Error('expected an outcome');
    expect(d.outcome.messages.map((m) => `${m.file}:${m.line} ${m.ruleId}`)).toEqual(['content/glossary/issuer.md:4 unresolved-reference']);
    expect(d.outcome.conclusion).toBe('failure');
  });

  it('flags records that refer to a renamed one: the old slug is gone', () => {
    const moved: ChangedFile = { path: 'content/glossary/keyholder.md', previousPath: 'content/glossary/holder.md', status: 'renamed', additions: 0, deletions: 0 };
    const d = decidePullRequestCheck(snapshot([moved], { 'content/glossary/keyholder.md': term('Holder', ['issuer']) }), ok, now);
    if (!('outcome' in d)) throw new Error('expected an outcome');
    expect(d.outcome.messages.map((m) => `${m.file}:${m.line} ${m.ruleId} ${m.reason}`)).toEqual([
      'content/glossary/issuer.md:4 unresolved-reference Unexpected "holder", expected the slug of an existing glossary term',
    ]);
  });

  it('reports an invalid configuration and nothing else', () => {
    const bad = readConfig('labels:\n  sise: []\n');
    const d = decidePullRequestCheck(snapshot([brokenFile], { 'content/glossary/issuer.md': broken }), bad, now);
    expect(types(d.actions)).toEqual(['create-check-run']);
    expect(d.actions[0]).toMatchObject({ conclusion: 'failure', annotations: [{ path: '.github/ler-map.yml', start_line: 2, message: 'Unexpected key "sise" in labels, expected "size"' }] });
  });

  it('skips pull requests that are not open', () => {
    expect(decidePullRequestCheck(snapshot([brokenFile], {}, { state: 'closed' }), ok, now)).toEqual({ skipped: 'the pull request is closed', actions: [] });
  });

  it('uses the configured severities, as `npm run check` would with the same overrides', () => {
    const config = readConfig('checks:\n  severity:\n    unknown-key: warning\n    required-key: "off"\n');
    const d = decidePullRequestCheck(snapshot([brokenFile], { 'content/glossary/issuer.md': broken }), config, now);
    if (!('outcome' in d)) throw new Error('expected an outcome');
    expect(d.outcome.messages.map((m) => [m.ruleId, m.severity])).toEqual([
      ['unknown-key', 'warning'],
      ['double-space', 'warning'],
    ]);
    expect(d.outcome.conclusion).toBe('success');
  });
});
