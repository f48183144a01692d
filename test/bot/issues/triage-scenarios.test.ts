// Issue triage end to end: signed webhooks to the real Probot server, every request checked
// against GitHub's OpenAPI description by the fake, state asserted on the fake afterwards.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readTriageState } from '../../../bot/messages/issues.ts';
import { form, formBody, localContent, siteUrl } from './local-content.ts';
import { startIssueBot, type IssueBot } from './issue-bot.ts';

const { templates } = await localContent();
let bot: IssueBot;

beforeAll(async () => {
  bot = await startIssueBot();
});
afterAll(async () => {
  await bot.stop();
});
afterEach(() => {
  expect(bot.fake.violations).toEqual([]);
});

describe('feedback form', () => {
  it('labels the page, creates the page label, and acknowledges once with links', async () => {
    bot.fake.clearLog();
    const body = formBody(form(templates, 'feedback.yml'), {
      page: `${siteUrl}stakeholders/employers/ (source: content/stakeholders/employers.md)`,
      kind: 'Correction',
      details: 'The first business case title does not match its description.',
    });
    const issue = await bot.open('reader', '[Feedback] Employers', body, ['feedback']);
    expect(issue.labels).toEqual(['feedback', 'page: employers']);
    expect(bot.repo.labels.get('page: employers')?.color).toBe('bfdadc');
    const comments = bot.botComments(issue);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(`[Employers](${siteUrl}stakeholders/employers/) ([source file](https://github.com/ler/map/blob/main/content/stakeholders/employers.md))`);
    expect(comments[0]!.body).toContain('thank you for your first issue here');
    // Reads in parallel, then writes in order; the forms and the content are cached afterwards.
    const log = bot.fake.log.filter((l) => !l.startsWith('POST /app/installations'));
    expect(log.slice(-4)).toEqual(['GET /repos/ler/map/labels', 'POST /repos/ler/map/labels', 'POST /repos/ler/map/issues/1/labels', 'POST /repos/ler/map/issues/1/comments']);
    expect(log.sort()).toEqual([
      'GET /repos/ler/map/issues/1',
      'GET /repos/ler/map/git/ref/heads%2Fmain',
      'GET /repos/ler/map/issues/1/comments',
      'GET /repos/ler/map/issues',
      'GET /repos/ler/map/contents/.github%2Fler-map.yml',
      'GET /repos/ler/map/tarball/' + bot.repo.branches.get('main'),
      'GET /_codeload/ler/map/legacy.tar.gz/' + bot.repo.branches.get('main'),
      'GET /repos/ler/map/contents/.github%2FISSUE_TEMPLATE',
      ...['feedback.yml', 'propose-term.yml', 'site-problem.yml', 'stakeholder-change.yml', 'suggest-resource.yml'].map((f) => `GET /repos/ler/map/contents/.github%2FISSUE_TEMPLATE%2F${f}`),
      'GET /repos/ler/map/labels',
      'POST /repos/ler/map/labels',
      'POST /repos/ler/map/issues/1/labels',
      'POST /repos/ler/map/issues/1/comments',
    ].sort());
  });
});

describe('every form', () => {
  it('gets its type label and page label', async () => {
    const cases: Array<[string, Record<string, string | string[]>, string[]]> = [
      [
        'propose-term.yml',
        { term: 'Learning Record Store', acronym: 'LRS', definition: 'A store of learning activity records.', related_terms: ['Learner Record'] },
        ['proposal: term', 'page: glossary'],
      ],
      [
        'suggest-resource.yml',
        { title: 'A Guide to Skills-Based Hiring', publisher: 'A Workforce Board', url: 'https://www.nawb.org/guide', topic: 'Employment and workforce', stakeholders: ['Employers'] },
        ['proposal: resource', 'page: resources'],
      ],
      ['stakeholder-change.yml', { stakeholder: 'Career Navigators', section: 'Examples', change: 'Add libraries that run job clubs.' }, ['proposal: stakeholder', 'page: career-navigators']],
      ['site-problem.yml', { page_url: `${siteUrl}search/`, what_happened: 'No results for "wallet".', browser: 'Firefox' }, ['site problem', 'page: search']],
    ];
    for (const [file, answers, labels] of cases) {
      const t = form(templates, file);
      const typeLabel = labels[0]!;
      const issue = await bot.open('contributor', `[Form] ${file}`, formBody(t, answers), [typeLabel]);
      expect(issue.labels, file).toEqual(labels);
      expect(bot.botComments(issue), file).toHaveLength(1);
      expect(issue.labels.includes('needs info'), file).toBe(false);
    }
  });
});

describe('free-form issues', () => {
  it('are matched against the content index', async () => {
    const issue = await bot.open('reader', 'Typo on the governance page', `On ${siteUrl}stakeholders/governance/ the third bullet says "polices".`);
    expect(issue.labels).toEqual(['feedback', 'page: governance']);
    const none = await bot.open('reader', 'Spanish version?', 'Would you translate the map into Spanish?');
    expect(none.labels).toEqual([]);
    expect(bot.botComments(none)[0]!.body).toContain('We could not tell which page this is about');
  });
});

describe('missing information', () => {
  it('asks for it with `needs info`, then drops the label and edits the same comment when the author fills it in', async () => {
    const t = form(templates, 'feedback.yml');
    const issue = await bot.open('newcomer', '[Feedback] Funders', formBody(t, { page: `${siteUrl}stakeholders/funders/`, kind: 'Unclear' }), ['feedback']);
    expect(issue.labels).toEqual(['feedback', 'page: funders', 'needs info']);
    const [ack] = bot.botComments(issue);
    expect(ack!.body).toContain('- **Details**: this field is empty.');
    bot.fake.clearLog();
    await bot.edit(issue, 'newcomer', formBody(t, { page: `${siteUrl}stakeholders/funders/`, kind: 'Unclear', details: 'The second example says "grantors", which readers may not know.' }));
    expect(issue.labels).toEqual(['feedback', 'page: funders']);
    expect(bot.botComments(issue)).toHaveLength(1);
    expect(ack!.history).toHaveLength(2);
    expect(ack!.body).not.toContain('What we still need');
    expect(bot.fake.log.filter((l) => !l.startsWith('GET') && !l.startsWith('POST /app/'))).toEqual([
      'DELETE /repos/ler/map/issues/' + issue.number + '/labels/needs%20info',
      'PATCH /repos/ler/map/issues/comments/' + ack!.id,
    ]);
  });

  it('drops `needs info` when the author replies instead', async () => {
    const t = form(templates, 'propose-term.yml');
    const issue = await bot.open('proposer', '[Term] Skills passport', formBody(t, { term: 'Skills Passport', related_terms: ['Skill'] }), ['proposal: term']);
    expect(issue.labels).toContain('needs info');
    await bot.comment(issue, 'someone-else', 'I would like this too.');
    expect(issue.labels).toContain('needs info');
    await bot.comment(issue, 'proposer', 'A record of skills a person can carry between jobs, like a passport.');
    expect(issue.labels).toEqual(['proposal: term', 'page: glossary']);
    expect(bot.botComments(issue)).toHaveLength(1);
    expect(bot.botComments(issue)[0]!.body).toContain('Thanks for the extra information');
  });
});

describe('duplicates', () => {
  it('lists similar earlier open issues, collapsed, and closes nothing', async () => {
    const first = await bot.open('a', 'HR Systems examples miss applicant tracking systems', 'The HR Systems page should list applicant tracking systems among its examples.');
    await bot.open('b', 'Glossary: verifier typo', 'In the glossary the Verifier entry says "recieve".');
    const second = await bot.open('c', 'Applicant tracking systems missing from HR Systems', 'Applicant tracking systems are missing from the examples on the HR Systems page.');
    const body = bot.botComments(second)[0]!.body;
    expect(body).toContain('<details><summary>Possibly related open issues (1)</summary>');
    expect(body).toContain(`- #${first.number} HR Systems examples miss applicant tracking systems`);
    expect(first.state).toBe('open');
    expect(second.state).toBe('open');
  });
});

describe('spam and vandalism', () => {
  it('gets `needs triage` and a neutral note; nothing is deleted or accused', async () => {
    const issue = await bot.open('spammer', 'Best casino bonuses', 'https://casino-bonus.example.com\nhttps://pills.example.net');
    expect(issue.labels).toEqual(['needs triage']);
    expect(issue.state).toBe('open');
    expect(issue.body).toContain('casino-bonus');
    const [ack] = bot.botComments(issue);
    expect(ack!.body).toContain('A maintainer will take a look.');
    expect(ack!.body).not.toMatch(/spam|abus|vandal/i);
    const rude = await bot.open('rude', 'this map is garbage', 'Whoever wrote the employers page is an idiot.');
    expect(rude.labels).toEqual(['needs triage']);
  });
});

describe('ownership and idempotence', () => {
  it('keeps labels people added, never re-adds one a person removed, and re-delivery changes nothing', async () => {
    const t = form(templates, 'feedback.yml');
    const body = formBody(t, { page: `${siteUrl}glossary/#issuer`, kind: 'Outdated', details: 'The definition describes hosted verification as usual.' });
    const issue = await bot.open('reader', '[Feedback] Issuer', body, ['feedback']);
    expect(issue.labels).toEqual(['feedback', 'page: glossary']);
    // A maintainer removes the bot's page label and adds their own.
    bot.fake.state.removeLabel(issue, 'page: glossary', bot.account('maintainer'));
    bot.fake.state.addLabel(bot.repo, issue, 'good first issue', bot.account('maintainer'));
    await bot.edit(issue, 'reader', `${body}\n\nAlso the source link is old.`);
    expect(issue.labels).toEqual(['feedback', 'good first issue']);
    expect(readTriageState(bot.botComments(issue)[0]!.body).suppressed).toEqual(['page: glossary']);
    bot.fake.clearLog();
    await bot.edit(issue, 'reader', issue.body);
    expect(bot.fake.log.filter((l) => !l.startsWith('GET') && !l.startsWith('POST /app/'))).toEqual([]);
    expect(issue.labels).toEqual(['feedback', 'good first issue']);
  });

  it('ignores events sent by bots', async () => {
    bot.fake.state.account('other-app[bot]', 'Bot');
    const issue = bot.fake.state.openIssue(bot.repo, { user: 'other-app[bot]', title: 'Automated report', body: 'x' });
    const { issuePayload } = await import('../../fake-github/issue-webhooks.ts');
    bot.fake.clearLog();
    const result = await bot.app.deliver('issues', issuePayload(bot.fake, bot.repo, issue, 'opened', { installationId: bot.installationId, sender: issue.user }));
    expect(result.status).toBe(200);
    expect(bot.fake.log).toEqual([]);
  });
});
