// Accepted proposals become pull requests, end to end on the fake: branch, commit crediting the
// author, pull request closing the issue; failures explained; repeats never duplicate anything.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setRole } from '../../fake-github/issue-routes.ts';
import type { Issue } from '../../fake-github/index.ts';
import { startIssueBot, type IssueBot } from './issue-bot.ts';
import { form, formBody, localContent } from './local-content.ts';

const { templates } = await localContent();
let bot: IssueBot;
const termForm = form(templates, 'propose-term.yml');
const resourceForm = form(templates, 'suggest-resource.yml');
const replies = (i: Issue) => bot.botComments(i).filter((c) => c.body.startsWith('<!-- ler-map:command-reply'));
const pulls = () => [...bot.repo.issues.values()].filter((i) => i.pull);

const presentation = {
  term: 'Verifiable Presentation',
  acronym: 'VP',
  definition: 'A package of one or more credentials that a holder signs when sharing them.',
  source_url: 'https://www.w3.org/TR/vc-data-model-2.0/',
  source_title: 'Verifiable Credentials Data Model v2.0',
  related_terms: ['Verifiable Credential', 'Holder'],
};

beforeAll(async () => {
  bot = await startIssueBot();
  bot.account('maintainer');
  setRole(bot.repo, 'maintainer', 'maintain');
});
afterAll(async () => {
  await bot.stop();
});
afterEach(() => {
  expect(bot.fake.violations).toEqual([]);
});

describe('/accept', () => {
  let issue: Issue;

  it('commits the term on its own branch, credits the author, and opens a PR that closes the issue', async () => {
    issue = await bot.open('proposer', '[Term] Verifiable Presentation', formBody(termForm, presentation), ['proposal: term']);
    const mainBefore = bot.repo.branches.get('main');
    await bot.comment(issue, 'maintainer', 'Looks good.\n\n/accept');
    const branch = `ler-map/proposal-${issue.number}`;
    const head = bot.repo.branches.get(branch)!;
    expect(head).toBeDefined();
    expect(bot.repo.branches.get('main')).toBe(mainBefore);
    const commit = bot.fake.state.git.get(head);
    expect(commit.parents).toEqual([mainBefore]);
    const proposer = bot.account('proposer');
    expect(commit.message).toBe(
      `Add glossary term: Verifiable Presentation\n\nFrom the proposal in #${issue.number}.\n\nCo-authored-by: proposer <${proposer.id}+proposer@users.noreply.github.com>\n`,
    );
    const text = bot.fake.state.git.blobs.get(commit.tree.get('content/glossary/verifiable-presentation.md')!)!.toString('utf8');
    expect(text).toBe(
      '---\nterm: Verifiable Presentation\nacronym: VP\nrelated:\n  - verifiable-credential\n  - holder\nsources:\n  - title: Verifiable Credentials Data Model v2.0\n    url: https://www.w3.org/TR/vc-data-model-2.0/\n---\nA package of one or more credentials that a holder signs when sharing them.\n',
    );
    const [pull] = pulls();
    expect(pull!.title).toBe('Add glossary term: Verifiable Presentation');
    expect(pull!.body).toContain(`Closes #${issue.number}`);
    expect(pull!.body).toContain('@proposer');
    expect(pull!.pull!.headRef).toBe(branch);
    expect(pull!.pull!.baseRef).toBe('main');
    expect(replies(issue).at(-1)!.body).toContain(`Opened pull request #${pull!.number} with the proposal.`);
  });

  it('run again, makes no second branch, commit or pull request', async () => {
    const branches = bot.repo.branches.size;
    const head = bot.repo.branches.get(`ler-map/proposal-${issue.number}`);
    bot.fake.clearLog();
    await bot.comment(issue, 'maintainer', '/accept');
    expect(bot.repo.branches.size).toBe(branches);
    expect(bot.repo.branches.get(`ler-map/proposal-${issue.number}`)).toBe(head);
    expect(pulls()).toHaveLength(1);
    expect(replies(issue).at(-1)!.body).toContain(`Pull request #${pulls()[0]!.number} already holds this proposal.`);
    expect(bot.fake.log.filter((l) => l.startsWith('POST /repos/ler/map/git') || l.startsWith('PUT ') || l === 'POST /repos/ler/map/pulls')).toEqual([]);
  });

  it('after the author edits the proposal, updates the same pull request', async () => {
    await bot.edit(issue, 'proposer', formBody(termForm, { ...presentation, definition: 'A bundle of credentials that a holder signs when sharing them with a verifier.' }));
    await bot.comment(issue, 'maintainer', '/accept');
    expect(pulls()).toHaveLength(1);
    const head = bot.repo.branches.get(`ler-map/proposal-${issue.number}`)!;
    const text = bot.fake.state.git.blobs.get(bot.fake.state.git.get(head).tree.get('content/glossary/verifiable-presentation.md')!)!.toString('utf8');
    expect(text).toContain('A bundle of credentials');
    expect(replies(issue).at(-1)!.body).toContain(`Updated pull request #${pulls()[0]!.number} with the current proposal.`);
  });

  it('on a proposal that fails the content check, says what to fix and creates nothing', async () => {
    const bad = await bot.open(
      'proposer2',
      '[Resource] A report',
      formBody(resourceForm, { title: 'State LER Pilot Findings', publisher: 'A Commission', url: 'http://www.nawb.org/pilot', topic: 'Policy and governance', stakeholders: ['Governance'], year: 'last year' }),
      ['proposal: resource'],
    );
    const branches = bot.repo.branches.size;
    await bot.comment(bad, 'maintainer', '/accept');
    expect(bot.repo.branches.size).toBe(branches);
    expect(pulls()).toHaveLength(1);
    const reply = replies(bad).at(-1)!.body;
    expect(reply).toContain('The proposal cannot become a pull request yet. Please fix these in the issue');
    expect(reply).toContain('- **Year**: “last year” is not a year like 2024.');
    await bot.edit(bad, 'proposer2', formBody(resourceForm, { title: 'State LER Pilot Findings', publisher: 'A Commission', url: 'http://www.nawb.org/pilot', topic: 'Policy and governance', stakeholders: ['Governance'] }));
    await bot.comment(bad, 'maintainer', '/accept');
    expect(replies(bad).at(-1)!.body).toMatch(/- \*\*Link\*\*: Unexpected insecure URL .*https\\-only/);
    expect(bot.repo.branches.size).toBe(branches);
  });

  it('a resource proposal that passes becomes a pull request too', async () => {
    const ok = await bot.open(
      'proposer3',
      '[Resource] Hiring for skills',
      formBody(resourceForm, { title: 'Hiring for Skills: A Playbook', publisher: 'National Association of Workforce Boards', url: 'https://www.nawb.org/hiring-for-skills', topic: 'Employment and workforce', stakeholders: ['Employers', 'HR Systems'], why: 'Shows how to write job posts around skills.' }),
      ['proposal: resource'],
    );
    await bot.comment(ok, 'maintainer', '/accept');
    const pull = pulls().find((p) => p.body.includes(`Closes #${ok.number}`))!;
    expect(pull.title).toBe('Add resource: Hiring for Skills: A Playbook');
    expect(bot.fake.state.git.get(pull.pull!.headSha).tree.has('content/resources/hiring-for-skills-a-playbook.md')).toBe(true);
  });
});

describe('auto-accept', () => {
  it('opens the pull request when a complete proposal is filed, and tells the author in one status comment', async () => {
    const auto = await startIssueBot({ '.github/ler-map.yml': 'issues:\n  proposals:\n    auto_accept: true\n' });
    try {
      const issue = await auto.open('proposer', '[Term] Verifiable Presentation', formBody(termForm, presentation), ['proposal: term']);
      const pull = [...auto.repo.issues.values()].find((i) => i.pull)!;
      expect(pull.body).toContain(`Closes #${issue.number}`);
      const status = auto.botComments(issue).filter((c) => c.body.startsWith('<!-- ler-map:proposal'));
      expect(status).toHaveLength(1);
      expect(status[0]!.body).toContain(`Opened pull request #${pull.number}`);
      // An edit that changes nothing in the file does not commit or comment again.
      await auto.edit(issue, 'proposer', `${issue.body}\n`);
      expect(auto.botComments(issue).filter((c) => c.body.startsWith('<!-- ler-map:proposal'))).toHaveLength(1);
      expect([...auto.repo.issues.values()].filter((i) => i.pull)).toHaveLength(1);
      expect(auto.fake.violations).toEqual([]);
    } finally {
      await auto.stop();
    }
  });
});
