// The production bot ignores the events it caused itself, and commands from people without triage
// or write access change nothing (they get one polite answer) — asserted on the repository's state.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setRole } from '../fake-github/issue-routes.ts';
import type { Issue } from '../fake-github/index.ts';
import { form, formBody, localContent } from '../bot/issues/local-content.ts';
import { buildBot } from './bot-process.ts';
import { startRig, term, type Rig } from './rig.ts';

const { templates } = await localContent();
let rig: Rig;
beforeAll(async () => {
  rig = await startRig(await buildBot());
  setRole(rig.repo, 'triager', 'triage');
  setRole(rig.repo, 'reader', 'read');
}, 120_000);
afterAll(async () => {
  await rig?.stop();
});
afterEach(() => {
  expect(rig.fake.violations).toEqual([]);
});

/** Everything about an issue or pull request the bot could change. */
function stateOf(issue: Issue) {
  return JSON.stringify({
    state: issue.state,
    labels: [...issue.labels].sort(),
    comments: issue.comments.map((c) => [c.user.login, c.body]),
    reviews: issue.pull?.reviews.length,
    runs: issue.pull ? rig.checkRuns(issue.pull.headSha).length : 0,
    branches: [...rig.repo.branches.keys()].sort(),
    pulls: [...rig.repo.issues.values()].filter((i) => i.pull).length,
  });
}

describe('events the bot caused itself', () => {
  it('a push by the bot (its proposal branches) is not checked; the same push by a person is', async () => {
    const pull = rig.openPull({ 'content/glossary/bot-pushed.md': term('Bot Pushed', 'A definition  with <b>bold</b> words.') });
    const before = stateOf(pull);
    await rig.send('pull_request', rig.pullEvent(pull, 'synchronize', { sender: rig.botAccount }));
    await rig.send('check_suite', rig.rerunEvent(pull, 'check_suite', rig.botAccount));
    expect(stateOf(pull)).toBe(before);
    await rig.send('pull_request', rig.pullEvent(pull, 'synchronize', { sender: rig.fake.state.account('casey') }));
    expect(rig.checkRuns(pull.pull!.headSha)).toHaveLength(1);
  });

  it('an issue the bot opened or edited is not triaged, and its own comment with a command in it is not obeyed', async () => {
    const feedback = form(templates, 'feedback.yml');
    const issue = rig.openIssue(rig.botAccount.login, 'A note from the bot', formBody(feedback, { page: 'Employers', kind: 'Correction', details: 'Something to fix.' }));
    issue.user = rig.botAccount;
    const before = stateOf(issue);
    await rig.send('issues', rig.issueEvent(issue, 'opened', { sender: rig.botAccount }));
    await rig.send('issues', rig.issueEvent(issue, 'edited', { sender: rig.botAccount, changes: {} }));
    expect(stateOf(issue)).toBe(before);

    // The bot's own /help answer lists the commands; its comment event must not run them.
    const other = rig.openIssue('reader', 'Glossary: a question', 'What does LER mean?');
    const { payload } = rig.comment(other, rig.botAccount, '<!-- ler-map:command-reply -->\n/label documentation\n/duplicate #1');
    const afterComment = stateOf(other);
    await rig.send('issue_comment', payload);
    expect(stateOf(other)).toBe(afterComment);
  });
});

describe('commands from people without triage or write access', () => {
  const commands = ['/label needs triage', '/unlabel feedback', '/page employers', '/duplicate #1', '/needs-info', '/accept'].join('\n');

  it('change no label, branch, pull request or issue state; the commenter gets one polite answer', async () => {
    const termForm = form(templates, 'propose-term.yml');
    const issue = rig.openIssue(
      'proposer',
      '[Term] Skills Passport',
      formBody(termForm, {
        term: 'Skills Passport',
        definition: 'A record of the skills a person has shown, which they carry from one employer to the next.',
        source_url: 'https://www.w3.org/TR/vc-data-model-2.0/',
        source_title: 'Verifiable Credentials Data Model v2.0',
        related_terms: ['Holder'],
      }),
    );
    await rig.send('issues', rig.issueEvent(issue, 'opened'));
    const labelsBefore = [...issue.labels].sort();
    const branchesBefore = [...rig.repo.branches.keys()].sort();
    const pullsBefore = [...rig.repo.issues.values()].filter((i) => i.pull).length;

    // A stranger, a collaborator with read access only, and the issue's own author.
    for (const who of ['stranger', 'reader', 'proposer']) {
      const { payload } = rig.comment(issue, who, `Please do this:\n\n${commands}`);
      await rig.send('issue_comment', payload);
    }
    expect([...issue.labels].sort()).toEqual(labelsBefore);
    expect(issue.state).toBe('open');
    expect([...rig.repo.branches.keys()].sort()).toEqual(branchesBefore);
    expect([...rig.repo.issues.values()].filter((i) => i.pull)).toHaveLength(pullsBefore);
    const answers = rig.botComments(issue).filter((c) => c.body.startsWith('<!-- ler-map:command-reply'));
    expect(answers.map((a) => a.body.split('\n')[1]!.split(':')[0])).toEqual(['@stranger', '@reader', '@proposer']);
    for (const a of answers) expect(a.body).toContain('Commands like this one are for maintainers');

    // Control: someone with triage access runs the same label command, and it works.
    const { payload } = rig.comment(issue, 'triager', '/label needs triage');
    await rig.send('issue_comment', payload);
    expect(issue.labels).toContain('needs triage');
  });

  it('on a pull request too: its author cannot label it or mark it as passing', async () => {
    const pull = rig.openPull({ 'content/glossary/author-commands.md': term('Author Commands', 'A definition with <b>bold</b> words.') }, { user: 'dana' });
    await rig.send('pull_request', rig.pullEvent(pull, 'opened'));
    const labelsBefore = [...pull.labels].sort();
    const { payload } = rig.comment(pull, 'dana', '/label check: passing\n/unlabel check: needs changes');
    await rig.send('issue_comment', payload);
    expect([...pull.labels].sort()).toEqual(labelsBefore);
    expect(pull.labels).toContain('check: needs changes');
  });
});
