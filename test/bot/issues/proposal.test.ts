// Proposals to files: built from the form, validated by core like `npm run check`, problems
// told per form field.
import { describe, expect, it } from 'vitest';
import { checkFiles, updateIndex } from '#core';
import { buildProposal, slugOf } from '../../../bot/decide/proposal.ts';
import { readIssueForm } from '../../../bot/issue-forms/read-issue-form.ts';
import { commandReply } from '../../../bot/messages/issues.ts';
import { form, formBody, localContent } from './local-content.ts';

const { templates, index, matcher } = await localContent();
const termForm = form(templates, 'propose-term.yml');
const resourceForm = form(templates, 'suggest-resource.yml');
const term = (answers: Record<string, string | string[] | undefined>) => buildProposal(readIssueForm(formBody(termForm, answers), templates)!, index, matcher);
const resource = (answers: Record<string, string | string[] | undefined>) => buildProposal(readIssueForm(formBody(resourceForm, answers), templates)!, index, matcher);

describe('buildProposal', () => {
  it('builds a glossary term file that passes the same check as `npm run check`', () => {
    const p = term({
      term: 'Verifiable Presentation',
      acronym: 'VP',
      definition: 'A package of credentials that a holder signs when sharing them.',
      source_url: 'https://www.w3.org/TR/vc-data-model-2.0/',
      source_title: 'Verifiable Credentials Data Model v2.0',
      related_terms: ['Verifiable Credential', 'Holder'],
    });
    expect(p).toEqual({
      ok: true,
      kind: 'term',
      path: 'content/glossary/verifiable-presentation.md',
      name: 'Verifiable Presentation',
      text: [
        '---',
        'term: Verifiable Presentation',
        'acronym: VP',
        'related:',
        '  - verifiable-credential',
        '  - holder',
        'sources:',
        '  - title: Verifiable Credentials Data Model v2.0',
        '    url: https://www.w3.org/TR/vc-data-model-2.0/',
        '---',
        'A package of credentials that a holder signs when sharing them.',
        '',
      ].join('\n'),
    });
    if (!p.ok) throw new Error('expected a file');
    const file = { path: p.path, content: p.text };
    expect(checkFiles([file], updateIndex(index, [file])).filter((m) => m.severity === 'error')).toEqual([]);
  });

  it('builds a resource file with topic and stakeholder slugs', () => {
    const p = resource({
      title: 'Hiring for Skills: A Playbook',
      publisher: 'National Association of Workforce Boards',
      url: 'https://www.nawb.org/hiring-for-skills',
      topic: 'Employment and workforce',
      stakeholders: ['Employers', 'HR Systems'],
      year: '2024',
      why: 'Shows small businesses how to write job posts around skills.',
    });
    expect(p.ok && p.path).toBe('content/resources/hiring-for-skills-a-playbook.md');
    expect(p.ok && p.text).toContain('topic: employment-and-workforce\nstakeholders:\n  - employers\n  - hr-systems\nyear: 2024\n---\nShows small businesses');
  });

  it('reports empty required fields, unknown choices and core errors by form field', () => {
    const empty = term({ term: 'Skills Passport', related_terms: ['Skill'] });
    expect(empty).toEqual({ ok: false, kind: 'term', problems: [{ field: 'Definition', message: 'this field is empty.' }] });
    const insecure = resource({ title: 'A Report', publisher: 'Someone', url: 'http://www.nawb.org/report', topic: 'LERs in general', stakeholders: ['Funders'], year: 'soon' });
    expect(insecure.ok).toBe(false);
    if (insecure.ok) return;
    expect(insecure.problems).toContainEqual({ field: 'Year', message: '“soon” is not a year like 2024.' });
    const withYear = resource({ title: 'A Report', publisher: 'Someone', url: 'http://www.nawb.org/report', topic: 'LERs in general', stakeholders: ['Funders'] });
    expect(!withYear.ok && withYear.problems.map((p) => [p.field, p.message.replace(/".*"/, '…')])).toContainEqual(['Link', expect.stringMatching(/\[https-only\]$/)]);
  });

  it('refuses a term the glossary already has (by name, alias or acronym)', () => {
    const p = term({ term: 'Digital Wallet', definition: 'An app.', related_terms: ['Holder'] });
    expect(!p.ok && p.problems[0]).toEqual({ field: 'Term', message: 'the glossary already has “Digital Credential Wallet” (content/glossary/digital-credential-wallet.md).' });
  });

  it('the reply escapes what users wrote', () => {
    const p = term({ term: 'X', definition: 'See <script>alert(1)</script> and @everyone [here](https://evil.example)', related_terms: ['Holder'] });
    expect(p.ok).toBe(false);
    if (p.ok) return;
    const reply = commandReply('maintainer', [{ kind: 'accept-problems', problems: p.problems }])!;
    expect(reply).not.toContain('<script>');
    expect(reply).not.toContain('@everyone');
    expect(reply).not.toContain('](https://');
  });

  it('slugs are ASCII, hyphenated and short', () => {
    expect(slugOf('Crédit & Prior Learning!')).toBe('credit-and-prior-learning');
    expect(slugOf('A'.repeat(10) + ' ' + 'b'.repeat(70)).length).toBeLessThanOrEqual(60);
  });
});
