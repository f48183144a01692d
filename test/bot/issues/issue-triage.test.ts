// The triage decision over time: labels only the bot added are removed, people's removals stick,
// needs-info comes and goes with the author's answers, the comment is edited only when it changes.
import { describe, expect, it } from 'vitest';
import { defaultIssuesConfig } from '../../../bot/config-issues.ts';
import { decideIssueTriage, type TriageSnapshot } from '../../../bot/decide/issue-triage.ts';
import { readTriageState } from '../../../bot/messages/issues.ts';
import { form, formBody, localContent, siteUrl } from './local-content.ts';

const { templates, matcher } = await localContent();
const config = defaultIssuesConfig;
const now = new Date('2025-06-10T12:00:00Z');
const feedback = form(templates, 'feedback.yml');

function snapshot(overrides: Partial<TriageSnapshot> & { body?: string; labels?: string[]; title?: string } = {}): TriageSnapshot {
  const { body, labels, title, ...rest } = overrides;
  return {
    repo: { owner: 'o', name: 'r', defaultBranch: 'main' },
    issue: {
      number: 20,
      title: title ?? '[Feedback] Funders',
      body: body ?? formBody(feedback, { page: `${siteUrl}stakeholders/funders/`, kind: 'Correction', details: 'The second example is a duplicate.' }),
      state: 'open',
      author: { login: 'reader', id: 5 },
      authorAssociation: 'CONTRIBUTOR',
      labels: labels ?? ['feedback'],
    },
    authorCommentTimes: [],
    editedByAuthor: false,
    templates,
    openIssues: [],
    ...rest,
  };
}

describe('decideIssueTriage', () => {
  it('adds the page label, keeps the form type label, and links the live page and its source', () => {
    const plan = decideIssueTriage(snapshot(), matcher, config, now);
    expect(plan.add).toEqual(['page: funders']);
    expect(plan.remove).toEqual([]);
    expect(plan.comment).toContain(`[Funders](${siteUrl}stakeholders/funders/)`);
    expect(plan.comment).toContain('([source file](https://github.com/o/r/blob/main/content/stakeholders/funders.md))');
    expect(plan.comment).toContain('Thank you, @reader!');
    expect(readTriageState(plan.comment).labels).toEqual(['page: funders']);
  });

  it('is warmer to a first-time contributor', () => {
    const s = snapshot();
    s.issue.authorAssociation = 'FIRST_TIME_CONTRIBUTOR';
    expect(decideIssueTriage(s, matcher, config, now).comment).toContain('thank you for your first issue here');
  });

  it('asks for what is missing, then drops needs-info when the author fills it in', () => {
    const missing = snapshot({ body: formBody(feedback, { page: `${siteUrl}stakeholders/funders/`, kind: 'Unclear' }) });
    const first = decideIssueTriage(missing, matcher, config, now);
    expect(first.add).toEqual(['page: funders', 'needs info']);
    expect(first.comment).toMatch(/\*\*What we still need\*\*[\s\S]*- \*\*Details\*\*: this field is empty\./);
    expect(first.state.needsInfo).toEqual({ reason: 'missing', since: now.toISOString() });

    const later = new Date('2025-06-11T12:00:00Z');
    const edited = snapshot({ labels: ['feedback', 'page: funders', 'needs info'], acknowledgement: { id: 1, body: first.comment }, editedByAuthor: true });
    const second = decideIssueTriage(edited, matcher, config, later);
    expect(second.add).toEqual([]);
    expect(second.remove).toEqual(['needs info']);
    expect(second.comment).not.toContain('What we still need');
    expect(second.commentChanged).toBe(true);
  });

  it('drops needs-info when the author replies, and says thanks', () => {
    const missing = snapshot({ body: formBody(feedback, { page: `${siteUrl}stakeholders/funders/`, kind: 'Unclear' }) });
    const first = decideIssueTriage(missing, matcher, config, now);
    const replied = { ...missing, issue: { ...missing.issue, labels: ['feedback', 'page: funders', 'needs info'] }, acknowledgement: { id: 1, body: first.comment }, authorCommentTimes: ['2025-06-10T13:00:00Z'] };
    const second = decideIssueTriage(replied, matcher, config, new Date('2025-06-10T13:00:01Z'));
    expect(second.remove).toEqual(['needs info']);
    expect(second.comment).toContain('Thanks for the extra information');
  });

  it('never removes a label it did not add, and never re-adds one a person removed', () => {
    const first = decideIssueTriage(snapshot(), matcher, config, now);
    // A maintainer removed "page: funders" and added "page: governance" and "good first issue".
    const s = snapshot({ labels: ['feedback', 'page: governance', 'good first issue'], acknowledgement: { id: 1, body: first.comment }, editedByAuthor: true });
    const second = decideIssueTriage(s, matcher, config, now);
    expect(second.add).toEqual([]);
    expect(second.remove).toEqual([]);
    expect(readTriageState(second.comment).suppressed).toEqual(['page: funders']);
  });

  it('removes its own page label when an edit points at another page', () => {
    const first = decideIssueTriage(snapshot(), matcher, config, now);
    const moved = snapshot({
      labels: ['feedback', 'page: funders'],
      acknowledgement: { id: 1, body: first.comment },
      body: formBody(feedback, { page: `${siteUrl}stakeholders/governance/`, kind: 'Correction', details: 'Typo.' }),
    });
    const second = decideIssueTriage(moved, matcher, config, now);
    expect(second.add).toEqual(['page: governance']);
    expect(second.remove).toEqual(['page: funders']);
  });

  it('does not edit its comment when nothing changed (re-delivery)', () => {
    const first = decideIssueTriage(snapshot(), matcher, config, now);
    const again = decideIssueTriage(snapshot({ labels: ['feedback', 'page: funders'], acknowledgement: { id: 1, body: first.comment } }), matcher, config, new Date('2025-07-01T00:00:00Z'));
    expect(again.add).toEqual([]);
    expect(again.remove).toEqual([]);
    expect(again.commentChanged).toBe(false);
  });

  it('flags likely spam for triage only: no page labels, no accusation', () => {
    const plan = decideIssueTriage(snapshot({ title: 'Cheap casino bonus', body: 'https://casino.example.net', labels: [] }), matcher, config, now);
    expect(plan.labels).toEqual(['needs triage']);
    expect(plan.comment).toContain('A maintainer will take a look.');
    expect(plan.comment).not.toMatch(/spam|abus/i);
  });

  it('lists up to three earlier open issues with similar words, escaped, collapsed', () => {
    const openIssues = [
      { number: 3, title: 'Funders: second example is a duplicate @someone <b>x</b>', body: 'The second example on the funders page duplicates the first.', labels: ['page: funders'] },
      { number: 4, title: 'Glossary typo', body: 'Verifier is misspelt.', labels: ['page: glossary'] },
      { number: 5, title: 'Funders examples duplicate', body: 'The example list repeats an entry.', labels: [] },
      { number: 25, title: 'Newer: funders second example duplicate', body: 'The second example is a duplicate.', labels: ['page: funders'] },
    ];
    const plan = decideIssueTriage(snapshot({ openIssues }), matcher, config, now);
    expect(plan.duplicates.map((d) => d.number)).toEqual([3, 5]);
    expect(plan.comment).toContain('<details><summary>Possibly related open issues (2)</summary>');
    expect(plan.comment).toContain('- #3 Funders: second example is a duplicate @\u2060someone &lt;b&gt;x&lt;/b&gt;');
    expect(plan.comment).not.toContain('@someone');
  });

  it('reopens an issue closed for lack of information when its author replies', () => {
    const s = snapshot({ closedForInfoAt: '2025-06-05T00:00:00Z', authorCommentTimes: ['2025-06-06T00:00:00Z'], labels: ['feedback', 'page: funders', 'needs info'] });
    s.issue.state = 'closed';
    expect(decideIssueTriage(s, matcher, config, now).reopen).toBe(true);
    const before = { ...s, authorCommentTimes: ['2025-06-04T00:00:00Z'] };
    expect(decideIssueTriage(before, matcher, config, now).reopen).toBe(false);
  });

  it('in a free-form issue names no missing fields, but says when no page was found', () => {
    const plan = decideIssueTriage(snapshot({ title: 'Spanish version?', body: 'Could the map be translated?', labels: [] }), matcher, config, now);
    expect(plan.labels).toEqual([]);
    expect(plan.comment).toContain('We could not tell which page this is about');
  });
});
