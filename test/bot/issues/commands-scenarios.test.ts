// Slash commands end to end: permission asked of (fake) GitHub, signed comment webhooks to the
// real Probot server, effects checked on the fake, every request OpenAPI-checked.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readTriageState } from '../../../bot/messages/issues.ts';
import { reactionsOf, setRole, stateReasonOf } from '../../fake-github/issue-routes.ts';
import type { Issue } from '../../fake-github/index.ts';
import { startIssueBot, type IssueBot } from './issue-bot.ts';
import { form, formBody, localContent, siteUrl } from './local-content.ts';

const { templates } = await localContent();
let bot: IssueBot;
let issue: Issue;

beforeAll(async () => {
  bot = await startIssueBot();
  for (const [login, role] of [['triager', 'triage'], ['writer', 'write'], ['maintainer', 'maintain'], ['admin', 'admin'], ['reader', 'read']] as const) {
    bot.account(login);
    setRole(bot.repo, login, role);
  }
  issue = await bot.open('author', 'The HR Systems page is missing ATS', 'The HR Systems page should mention applicant tracking systems.');
});
afterAll(async () => {
  await bot.stop();
});
afterEach(() => {
  expect(bot.fake.violations).toEqual([]);
});

const replies = (i: Issue) => bot.botComments(i).filter((c) => c.body.startsWith('<!-- ler-map:command-reply'));

describe('permission', () => {
  it('triage, write, maintain and admin may run commands', async () => {
    const labels = ['good first issue', 'help wanted', 'question', 'documentation'];
    for (const l of labels) if (!bot.repo.labels.has(l)) bot.fake.state.createLabel(bot.repo, l, 'ededed', null);
    const users = ['triager', 'writer', 'maintainer', 'admin'];
    for (const [i, user] of users.entries()) {
      const c = await bot.comment(issue, user, `/label ${labels[i]}`);
      expect(issue.labels, user).toContain(labels[i]);
      expect(reactionsOf(c), user).toEqual([{ content: '+1', user: 'ler-map-bot[bot]' }]);
    }
    expect(replies(issue)).toEqual([]);
  });

  it('every command from someone with read access only gets the polite answer and changes nothing', async () => {
    for (const command of ['/label question', '/unlabel feedback', '/page employers', `/duplicate #${issue.number}`, '/needs-info', '/accept', '/help']) {
      const labels = [...issue.labels];
      const ackBody = bot.botComments(issue)[0]!.body;
      const count = replies(issue).length;
      await bot.comment(issue, 'reader', command);
      expect(issue.labels, command).toEqual(labels);
      expect(issue.state, command).toBe('open');
      expect(bot.botComments(issue)[0]!.body, command).toBe(ackBody);
      expect(replies(issue), command).toHaveLength(count + 1);
      expect(replies(issue).at(-1)!.body, command).toContain('Commands like this one are for maintainers');
    }
    expect(bot.repo.branches.size).toBe(1);
  });

  it('others get a polite answer and nothing changes', async () => {
    const before = [...issue.labels];
    await bot.comment(issue, 'reader', 'Could someone look?\n\n/label question\n/close');
    expect(issue.labels).toEqual(before);
    expect(replies(issue).at(-1)!.body).toContain('@reader: thanks! Commands like this one are for maintainers');
    const count = replies(issue).length;
    // A reader writing something slash-like that is no command gets no answer.
    await bot.comment(issue, 'reader', '/shrug');
    expect(replies(issue)).toHaveLength(count);
  });
});

describe('where commands count', () => {
  it('commands in quotes, code and HTML comments are ignored', async () => {
    bot.fake.clearLog();
    await bot.comment(issue, 'writer', '> /label wontfix\n\n```\n/unlabel feedback\n```\n\n<!-- /label duplicate -->\n\nAs `/label x` says.');
    expect(bot.fake.log).toEqual([]);
  });

  it('on an edited comment only the newly added commands run', async () => {
    const c = await bot.comment(issue, 'writer', '/unlabel good first issue');
    expect(issue.labels).not.toContain('good first issue');
    bot.fake.state.addLabel(bot.repo, issue, 'good first issue', bot.account('writer'));
    await bot.editComment(issue, c, '/unlabel good first issue\n/page employers');
    expect(issue.labels).toContain('good first issue');
    expect(issue.labels).toContain('page: employers');
  });
});

describe('each command', () => {
  it('/label and /unlabel answer an unknown label with the labels that exist', async () => {
    await bot.comment(issue, 'writer', '/label urgent');
    expect(issue.labels).not.toContain('urgent');
    expect(bot.repo.labels.has('urgent')).toBe(false);
    const reply = replies(issue).at(-1)!.body;
    expect(reply).toContain('There is no label `urgent` in this repository. Labels that exist:');
    expect(reply).toContain('`needs info`');
    await bot.comment(issue, 'writer', '/unlabel help wanted');
    expect(issue.labels).not.toContain('help wanted');
  });

  it('/page adds a page label (created with its colour) and lists pages for an unknown slug', async () => {
    await bot.comment(issue, 'maintainer', '/page lers-explained');
    expect(issue.labels).toContain('page: lers-explained');
    expect(bot.repo.labels.get('page: lers-explained')?.color).toBe('bfdadc');
    await bot.comment(issue, 'maintainer', '/page nowhere');
    expect(replies(issue).at(-1)!.body).toMatch(/There is no page `nowhere` on the map\. Pages: .*`hr-systems`/);
  });

  it('/needs-info adds the label and the acknowledgement says what is asked; the author’s reply clears it', async () => {
    await bot.comment(issue, 'triager', '/needs-info');
    expect(issue.labels).toContain('needs info');
    const ack = bot.botComments(issue).find((c) => c.body.startsWith('<!-- ler-map:issue-triage'))!;
    expect(ack.body).toContain('**A maintainer asked for more information.**');
    expect(readTriageState(ack.body).needsInfo?.reason).toBe('maintainer');
    await bot.comment(issue, 'author', 'Workday and Greenhouse are two examples.');
    expect(issue.labels).not.toContain('needs info');
    expect(ack.body).toContain('Thanks for the extra information');
  });

  it('/duplicate #n closes as a duplicate with a note; a missing issue is answered', async () => {
    const dup = await bot.open('someone', 'ATS missing on HR Systems', 'Applicant tracking systems should be on the HR Systems page.');
    await bot.comment(dup, 'writer', '/duplicate #999');
    expect(dup.state).toBe('open');
    expect(replies(dup).at(-1)!.body).toContain('I could not find that issue');
    await bot.comment(dup, 'writer', `/duplicate #${issue.number}`);
    expect(dup.state).toBe('closed');
    expect(stateReasonOf(dup)).toBe('duplicate');
    expect(dup.labels).toContain('duplicate');
    expect(replies(dup).at(-1)!.body).toContain(`Duplicate of #${issue.number}.`);
  });

  it('/help and unknown commands list the commands', async () => {
    await bot.comment(issue, 'writer', '/help');
    expect(replies(issue).at(-1)!.body).toContain('- `/accept`: turn a term or resource proposal into a pull request');
    await bot.comment(issue, 'writer', '/lable bug');
    expect(replies(issue).at(-1)!.body).toContain('`/lable` is not a command I know. These are:');
  });

  it('/accept on something that is not a proposal says so', async () => {
    await bot.comment(issue, 'writer', '/accept');
    expect(replies(issue).at(-1)!.body).toContain('`/accept` works on glossary term and resource proposals');
    expect(bot.repo.branches.size).toBe(1);
  });

  it('work in pull request comments too', async () => {
    bot.fake.state.push(bot.repo, 'fix-typo', { 'content/stakeholders/funders.md': '---\nname: Funders\n---\n' });
    const pull = bot.fake.state.openPullRequest(bot.repo, { head: 'fix-typo', user: 'author' });
    await bot.comment(pull, 'writer', '/label documentation\n/page funders');
    expect(pull.labels).toEqual(['documentation', 'page: funders']);
    // Triage never runs on pull requests: no acknowledgement there.
    expect(bot.botComments(pull)).toEqual([]);
  });

  it('several commands in one comment get one answer', async () => {
    const form1 = formBody(form(templates, 'feedback.yml'), { page: `${siteUrl}stakeholders/funders/`, kind: 'Correction', details: 'Typo.' });
    const i = await bot.open('author', '[Feedback] Funders', form1, ['feedback']);
    const before = replies(i).length;
    await bot.comment(i, 'writer', '/label nope\n/page nowhere\n/label documentation');
    expect(i.labels).toContain('documentation');
    expect(replies(i)).toHaveLength(before + 1);
    expect(replies(i).at(-1)!.body).toMatch(/no label `nope`[\s\S]*no page `nowhere`/);
  });
});
