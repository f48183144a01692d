// Slash commands: where they count, who may use them, and what each one plans.
import { describe, expect, it } from 'vitest';
import { defaultIssuesConfig } from '../../../bot/config-issues.ts';
import { decideCommands, mayRunCommands, newCommands, parseCommands, type CommandSnapshot } from '../../../bot/decide/commands.ts';
import { localContent } from './local-content.ts';

const { matcher } = await localContent();
const config = defaultIssuesConfig;
const maintainer = { permission: 'write', role_name: 'write' };

function snap(body: string, overrides: Partial<CommandSnapshot> = {}): CommandSnapshot {
  return {
    commands: parseCommands(body),
    commenter: 'maintainer',
    permission: maintainer,
    issue: { number: 7, isPullRequest: false, labels: ['feedback'], kind: 'feedback' },
    repoLabels: ['feedback', 'needs info', 'duplicate', 'good first issue', 'page: employers'],
    pages: matcher.pages,
    ...overrides,
  };
}

describe('parseCommands', () => {
  it('ignores commands in code, quotes and HTML comments, and paths that start with a slash', () => {
    const body = [
      'Thanks for this.',
      '',
      '> /label quoted',
      '',
      '```',
      '/label fenced',
      '```',
      '',
      '    /label indented',
      '',
      '<!-- /label hidden -->',
      '',
      'Inline `/label code` stays text.',
      '/stakeholders/employers/ has a typo',
      '/label good first issue',
    ].join('\n');
    expect(parseCommands(body)).toEqual([{ name: 'label', args: 'good first issue' }]);
  });

  it('on an edit returns only commands that were added', () => {
    expect(newCommands('/label a\n/help', '/label a')).toEqual([{ name: 'help', args: '' }]);
    expect(newCommands('/label a', '/label a')).toEqual([]);
    expect(newCommands('/label a\n\n/label a', '/label a')).toEqual([{ name: 'label', args: 'a' }]);
  });
});

describe('mayRunCommands', () => {
  it('allows triage, write, maintain and admin; not read or none', () => {
    for (const role of ['triage', 'write', 'maintain', 'admin']) expect(mayRunCommands({ permission: role === 'triage' || role === 'maintain' ? 'read' : role, role_name: role })).toBe(true);
    expect(mayRunCommands({ permission: 'read', role_name: 'read' })).toBe(false);
    expect(mayRunCommands({ permission: 'none', role_name: '' })).toBe(false);
    expect(mayRunCommands(undefined)).toBe(false);
  });
});

describe('decideCommands', () => {
  it('adds and removes existing labels (case-insensitive, quotes allowed)', () => {
    const plan = decideCommands(snap('/label "Good First Issue"\n/unlabel feedback'), config);
    expect(plan.addLabels).toEqual(['good first issue']);
    expect(plan.removeLabels).toEqual(['feedback']);
    expect(plan.reply).toBeUndefined();
    expect(plan.react).toBe(true);
  });

  it('answers an unknown label with the labels that exist', () => {
    const plan = decideCommands(snap('/label urgent'), config);
    expect(plan.addLabels).toEqual([]);
    expect(plan.reply).toContain('There is no label `urgent` in this repository. Labels that exist: `duplicate`, `feedback`, `good first issue`, `needs info`, `page: employers`.');
  });

  it('adds a page label by slug or title, creating it when new, and lists pages for an unknown one', () => {
    expect(decideCommands(snap('/page employers'), config).addLabels).toEqual(['page: employers']);
    const byTitle = decideCommands(snap('/page HR Systems'), config);
    expect(byTitle.addLabels).toEqual(['page: hr-systems']);
    expect(byTitle.createLabels).toEqual(['page: hr-systems']);
    const unknown = decideCommands(snap('/page employerz'), config);
    expect(unknown.addLabels).toEqual([]);
    expect(unknown.reply).toMatch(/There is no page `employerz` on the map\. Pages: .*`employers`.*`glossary`/);
  });

  it('/duplicate #n closes as duplicate only when #n exists and is another issue', () => {
    const ok = decideCommands(snap('/duplicate #3', { duplicateTarget: { number: 3, exists: true } }), config);
    expect(ok.close).toEqual({ duplicateOf: 3 });
    expect(ok.addLabels).toEqual(['duplicate']);
    expect(ok.reply).toContain('Duplicate of #3.');
    expect(decideCommands(snap('/duplicate #7'), config).reply).toContain('cannot be a duplicate of itself');
    expect(decideCommands(snap('/duplicate #99', { duplicateTarget: { number: 99, exists: false } }), config).reply).toContain('could not find that issue');
    expect(decideCommands(snap('/duplicate'), config).reply).toContain('/duplicate #12');
  });

  it('/needs-info and /accept are planned for the handler; /accept only on proposals', () => {
    expect(decideCommands(snap('/needs-info'), config).needsInfo).toBe(true);
    const accept = decideCommands(snap('/accept', { issue: { number: 7, isPullRequest: false, labels: [], kind: 'term' } }), config);
    expect(accept.accept).toBe(true);
    expect(accept.reply).toBeUndefined();
    expect(decideCommands(snap('/accept'), config).reply).toContain('`/accept` works on glossary term and resource proposals');
  });

  it('/help and unknown commands list the commands', () => {
    expect(decideCommands(snap('/help'), config).reply).toContain('- `/duplicate #<n>`: close this issue as a duplicate of issue #n');
    const unknown = decideCommands(snap('/lable bug'), config);
    expect(unknown.reply).toContain('`/lable` is not a command I know.');
    expect(unknown.reply).toContain('`/label <name>`');
  });

  it('answers people without access politely and does nothing', () => {
    const plan = decideCommands(snap('/label feedback\n/close', { permission: { permission: 'read', role_name: 'read' } }), config);
    expect(plan.allowed).toBe(false);
    expect(plan.addLabels).toEqual([]);
    expect(plan.reply).toContain('Commands like this one are for maintainers');
    // Slash-words that are not commands get no answer from a reader.
    expect(decideCommands(snap('/shrug', { permission: undefined }), config).reply).toBeUndefined();
  });
});
