// Reading issue bodies written by the forms: which form, each answer, "_No response_" as empty.
import { describe, expect, it } from 'vitest';
import { identifyForm, readIssueForm } from '../../../bot/issue-forms/read-issue-form.ts';
import { form, formBody, localContent } from './local-content.ts';

const { templates } = await localContent();

describe('readIssueForm', () => {
  it('reads every form from a body as GitHub writes it', () => {
    const cases: Array<[string, Record<string, string | string[] | undefined>]> = [
      ['feedback.yml', { page: 'https://example.test/x/ (source: content/stakeholders/funders.md)', kind: 'Outdated', details: 'Old.', suggestion: 'New.' }],
      ['propose-term.yml', { term: 'Verifiable Presentation', acronym: 'VP', definition: 'A bundle.', source_url: 'https://w3.org/', source_title: 'VC', related_terms: ['Holder', 'Verifier'] }],
      ['suggest-resource.yml', { title: 'A Guide', publisher: 'Someone', url: 'https://a.test/', topic: 'General'.replace('General', 'LERs in general'), stakeholders: ['Employers', 'Funders'], year: '2024', why: 'Useful.' }],
      ['stakeholder-change.yml', { stakeholder: 'Funders', section: 'Examples', change: 'Add foundations.', source: 'https://f.test/' }],
      ['site-problem.yml', { page_url: 'https://example.test/', what_happened: 'Blank page.', browser: 'Firefox' }],
    ];
    for (const [file, answers] of cases) {
      const t = form(templates, file);
      const read = readIssueForm(formBody(t, answers), templates);
      expect(read?.template.file).toBe(file);
      const expected = Object.fromEntries(t.fields.map((f) => [f.id, f.type === 'dropdown' ? [answers[f.id]].flat() : answers[f.id]]));
      expect(read?.values).toEqual(expected);
    }
  });

  it('treats "_No response_" and "None" as empty, and keeps multi-line answers whole', () => {
    const t = form(templates, 'feedback.yml');
    const body = formBody(t, { page: 'Employers', kind: undefined, details: 'Line one.\n\n### Not a field\n\nLine two.', suggestion: undefined });
    const read = readIssueForm(body, templates)!;
    expect(read.values.kind).toEqual([]);
    expect(read.values.suggestion).toBeUndefined();
    expect(read.values.details).toBe('Line one.\n\n### Not a field\n\nLine two.');
  });

  it('reads bodies with Windows line endings and strips HTML comments from answers', () => {
    const t = form(templates, 'feedback.yml');
    const body = formBody(t, { page: 'Funders <!-- a note -->', kind: 'Unclear', details: 'Hard to read.' }).replace(/\n/g, '\r\n');
    expect(readIssueForm(body, templates)?.values).toMatchObject({ page: 'Funders', kind: ['Unclear'], details: 'Hard to read.' });
  });

  it('recognises a form whose body lost some headings, and nothing in a free-form issue', () => {
    const t = form(templates, 'feedback.yml');
    expect(identifyForm('### Page\n\nEmployers\n\n### Details\n\nA typo.', templates)?.file).toBe('feedback.yml');
    expect(identifyForm('The employers page has a typo.\n\n### Details\n\nsee above', templates)).toBeUndefined();
    expect(readIssueForm('Just a sentence about the map.', templates)).toBeUndefined();
    expect(t.fields.map((f) => f.id)).toEqual(['page', 'kind', 'details', 'suggestion']);
  });
});
