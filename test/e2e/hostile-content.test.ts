// Hostile content against the production bot: alias bombs, huge, binary and non-UTF-8 files,
// symbolic links (mode 120000), path-traversal and markup in file names, __proto__ keys, scripts and javascript: links, and
// injection in titles and form answers the bot quotes. Each yields a clear message at its file,
// nothing is executed (a canary server would hear of it), nothing unescaped reaches a comment,
// and the process goes on serving.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setRole } from '../fake-github/issue-routes.ts';
import type { FileChanges, Issue } from '../fake-github/index.ts';
import { form, formBody, localContent, siteUrl } from '../bot/issues/local-content.ts';
import { buildBot } from './bot-process.ts';
import { startRig, term, type Rig } from './rig.ts';
import { unsafeParts } from './safe-markdown.ts';

const { templates } = await localContent();
let rig: Rig;
/** A loopback server that counts requests: anything executing hostile content would call it. */
let canary: Server;
let canaryHits = 0;
let canaryUrl: string;

beforeAll(async () => {
  canary = createServer((_req, res) => {
    canaryHits++;
    res.end('ok');
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}/pwned`;
  rig = await startRig(await buildBot());
  setRole(rig.repo, 'triager', 'triage');
}, 120_000);
afterAll(async () => {
  await rig?.stop();
  canary?.close();
});
afterEach(() => {
  expect(rig.fake.violations).toEqual([]);
  expect(rig.bot.alive()).toBe(true);
  expect(canaryHits).toBe(0);
});

// The site and the repository; and 'https://…', the placeholder of the no-html rule's own advice.
const links = [siteUrl, 'https://github.com/', 'https://…'];

/** An alias bomb: ten levels of ten aliases each, 10^9 strings if anything expanded it. */
function aliasBomb(): string {
  const lines = ['---', 'term: Alias Bomb', 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n---\nA body.\n`;
}

const hostileFiles = {
  'content/glossary/alias-bomb.md': aliasBomb(),
  'content/glossary/huge.md': `---\nterm: Huge\n---\n${'A line of text that repeats. '.repeat(40)}\n`.repeat(4500),
  'content/glossary/binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  'content/glossary/latin-1.md': Buffer.concat([Buffer.from('---\nterm: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\nA caf'), Buffer.from([0xe9, 0x20]), Buffer.from('body.\n')]),
  'content/glossary/env-link.md': { symlink: '../../.env' },
  'content/glossary/passwd.md': { symlink: '/etc/passwd' },
  'content/glossary/..%2F..%2F.github%2Fworkflows%2Fci.md': term('Encoded Traversal'),
  'content/glossary/..\\..\\evil.md': term('Backslash Traversal'),
  'content/glossary/<img src=x onerror=alert(1)>.md': term('Markup Name'),
  'content/glossary/@everyone [x](javascript:alert(1)).md': term('Mention Name'),
  'content/glossary/proto.md': '---\nterm: Proto\n__proto__:\n  polluted: true\nconstructor:\n  prototype:\n    polluted: true\n"<img src=x onerror=alert(1)>": x\n"@everyone": y\nrelated:\n  - holder\n---\nA body.\n',
  'content/glossary/script.md': term(
    'Script',
    `A term with [a link](javascript:alert(1)), <script src="${'CANARY'}"></script> and ![x](javascript:alert(2)).\n\n[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) <img src=x onerror="fetch('CANARY')"> @everyone [ref][r]\n\n[r]: javascript:alert(3)`,
  ),
};

describe('a pull request full of hostile content', () => {
  let pull: Issue;
  let messages: Map<string, string[]>;

  beforeAll(async () => {
    const files: FileChanges = Object.fromEntries(Object.entries(hostileFiles).map(([p, c]) => [p, typeof c === 'string' ? c.replaceAll('CANARY', canaryUrl) : c]));
    pull = rig.openPull(files, { title: '@everyone <script>alert(1)</script> [click](javascript:alert(1)) <!-- ler-map:pull-request-check -->' });
    const answer = await rig.bot.deliver('pull_request', rig.pullEvent(pull, 'opened'));
    expect(answer.status).toBe(200);
    const [run] = rig.checkRuns(pull.pull!.headSha);
    messages = new Map();
    for (const a of run!.annotations) messages.set(String(a.path), [...(messages.get(String(a.path)) ?? []), String(a.message).split('\n')[0]!]);
  }, 60_000);

  it('fails the check with a clear message at each hostile file', () => {
    const [run] = rig.checkRuns(pull.pull!.headSha);
    expect(run).toMatchObject({ conclusion: 'failure', status: 'completed' });
    const first = (path: keyof typeof hostileFiles) => messages.get(path) ?? [];
    expect(first('content/glossary/alias-bomb.md')).toContain('Unexpected YAML alias "*a0" (and 89 more), expected the value written out.');
    expect(first('content/glossary/huge.md')).toEqual([expect.stringMatching(/^Unexpected file of \d+ bytes, too large to read; content records are a few kilobytes\.$/)]);
    expect(first('content/glossary/binary.md')).toEqual(['Unexpected binary file, expected UTF-8 text.']);
    // A link's blob is its target's path; the bot sees the mode and never reads what it points at.
    for (const link of ['content/glossary/env-link.md', 'content/glossary/passwd.md'] as const) {
      expect(first(link)).toEqual(['Unexpected symbolic link, expected a regular file (links are never followed).']);
    }
    // GitHub's API gives text with U+FFFD for the bad byte; the bot reports it as npm run check does.
    expect(first('content/glossary/latin-1.md')).toEqual(['Unexpected bytes that are not valid UTF-8, expected UTF-8 text (save the file as UTF-8).']);
    expect(rig.checkRuns(pull.pull!.headSha)[0]!.annotations.find((a) => a.path === 'content/glossary/latin-1.md')).toMatchObject({ start_line: 2, start_column: 10 });
    expect(first('content/glossary/proto.md')).toEqual(
      expect.arrayContaining([
        'Unexpected key "__proto__", expected a field of the content model.',
        'Unexpected key "constructor", expected a field of the content model.',
      ]),
    );
    expect(first('content/glossary/script.md')).toEqual(
      expect.arrayContaining([
        'Unexpected "javascript:" link "javascript:alert(1)", expected an https:// URL.',
        expect.stringMatching(/^Unexpected HTML "<script src=/),
        expect.stringMatching(/^Unexpected HTML "<img src=x onerror=/),
        expect.stringMatching(/^Unexpected "data:" link/),
      ]),
    );
    // Odd names are checked like any file, and their names are judged.
    for (const name of ['content/glossary/..%2F..%2F.github%2Fworkflows%2Fci.md', 'content/glossary/..\\..\\evil.md', 'content/glossary/<img src=x onerror=alert(1)>.md']) {
      expect(messages.get(name)?.some((m) => /file name/i.test(m)), name).toBe(true);
    }
  });

  it('says it in one comment with nothing unescaped: no HTML, no link, no mention from the content', () => {
    const comments = rig.botComments(pull);
    expect(comments).toHaveLength(1);
    expect(unsafeParts(comments[0]!.body, { links })).toEqual([]);
    // The pull request's hostile title is not quoted at all.
    expect(comments[0]!.body).not.toContain('alert(1)</script>');
    const [run] = rig.checkRuns(pull.pull!.headSha);
    expect(unsafeParts(run!.summary!, { links })).toEqual([]);
    for (const review of pull.pull!.reviews) {
      expect(unsafeParts(review.body, { links })).toEqual([]);
      for (const c of review.comments) expect(unsafeParts(c.body, { links })).toEqual([]);
    }
  });

  it('reads nothing but through the API and stays healthy: the next pull request gets its normal check', async () => {
    const next = rig.openPull({ 'content/glossary/after-hostile.md': term('After Hostile') });
    await rig.send('pull_request', rig.pullEvent(next, 'opened'));
    expect(rig.checkRuns(next.pull!.headSha)).toMatchObject([{ conclusion: 'success', title: 'All content follows the rules' }]);
    // No file from the pull request's head was ever downloaded as an archive (read as data only).
    expect(rig.fake.requests.filter((r) => r.path.includes(pull.pull!.headSha) && r.path.includes('codeload'))).toEqual([]);
  });
});

describe('injection in what the bot quotes on issues', () => {
  const hostileTitle = '@everyone <img src=x onerror=alert(1)> [click](javascript:alert(1)) **bold** #1 <!-- ler-map:issue-triage -->';

  it('escapes titles and answers in the acknowledgement (duplicates, what it understood)', async () => {
    const feedback = form(templates, 'feedback.yml');
    const body = formBody(feedback, {
      page: `<script>fetch('${canaryUrl}')</script> @org/team https://evil.example/x`,
      kind: 'Correction',
      details: 'The employers page says <b>2019</b> @everyone [here](javascript:alert(1)).',
    });
    const first = rig.openIssue('mallory', `Employers page ${hostileTitle}`, body);
    await rig.send('issues', rig.issueEvent(first, 'opened'));
    const second = rig.openIssue('reader', `Employers page ${hostileTitle}`, body);
    await rig.send('issues', rig.issueEvent(second, 'opened'));
    for (const [issue, author] of [
      [first, 'mallory'],
      [second, 'reader'],
    ] as const) {
      const [ack] = rig.botComments(issue);
      expect(ack, `acknowledgement of #${issue.number}`).toBeDefined();
      expect(unsafeParts(ack!.body, { mentions: [author], links })).toEqual([]);
    }
    // The second names the first as a possible duplicate, its title escaped.
    expect(rig.botComments(second)[0]!.body).toContain(`#${first.number}`);
  });

  it('escapes arguments of commands in its answers', async () => {
    const issue = rig.openIssue('reader', 'A question', 'What does LER stand for?');
    await rig.send('issues', rig.issueEvent(issue, 'opened'));
    const { payload } = rig.comment(issue, 'triager', '/label <img src=x onerror=alert(1)> @everyone `x`\n/page [x](javascript:alert(1)) @org/team\n/frobnicate <script>');
    await rig.send('issue_comment', payload);
    const replies = rig.botComments(issue).filter((c) => c.body.startsWith('<!-- ler-map:command-reply'));
    expect(replies).toHaveLength(1);
    expect(unsafeParts(replies[0]!.body, { mentions: ['triager'], links })).toEqual([]);
  });
});
