// What reaches the production bot's door: forged, unsigned and oversized deliveries are refused
// before anything runs, and nothing changes in the repository; the process keeps serving.
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signature } from '../fake-github/index.ts';
import { buildBot } from './bot-process.ts';
import { startRig, term, type Rig } from './rig.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig(await buildBot());
}, 120_000);
afterAll(async () => {
  await rig?.stop();
});
afterEach(() => {
  expect(rig.fake.violations).toEqual([]);
  expect(rig.bot.alive()).toBe(true);
});

/** Posts raw bytes to the webhook URL with the given headers. */
function post(body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(rig.bot.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': crypto.randomUUID(), ...headers },
    body,
  });
}

/** What the repository holds that the bot could have changed. */
function repositoryState() {
  return JSON.stringify({
    runs: rig.repo.checkRuns.length,
    labels: [...rig.repo.labels.keys()],
    issues: [...rig.repo.issues.values()].map((i) => [i.number, i.state, i.labels, i.comments.length, i.pull?.reviews.length]),
    branches: [...rig.repo.branches],
  });
}

describe('webhook signatures', () => {
  it('rejects forged, unsigned and wrongly encoded signatures, and does nothing for them', async () => {
    const pull = rig.openPull({ 'content/glossary/forged-term.md': term('Forged Term', 'An  <b>invalid</b> body.') });
    const body = JSON.stringify(rig.pullEvent(pull, 'opened'));
    const before = repositoryState();
    rig.fake.clearLog();
    const answers = [
      await post(body, { 'x-hub-signature-256': signature('not the secret', body) }),
      await post(body, {}),
      await post(body, { 'x-hub-signature-256': 'sha256=' }),
      await post(body, { 'x-hub-signature-256': signature(rig.bot.secret, `${body} `) }),
      await post(body, { 'x-hub-signature-256': signature(rig.bot.secret, body).replace('sha256=', 'sha1=') }),
    ];
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400]);
    expect(await answers[1]!.text()).toContain('Required headers missing: x-hub-signature-256');
    // Nothing reached GitHub and nothing changed.
    await new Promise((r) => setTimeout(r, 300));
    expect(rig.fake.log).toEqual([]);
    expect(repositoryState()).toBe(before);

    // The same body, correctly signed, is acted on: the rejection was about the signature only.
    await rig.send('pull_request', JSON.parse(body));
    expect(rig.checkRuns(pull.pull!.headSha)).toHaveLength(1);
  });
});

describe('webhook size', () => {
  /**
   * Sends only the headers of a POST (declaring `length` bytes, or chunked without a length) and
   * waits for the answer: a bot that answers now has decided without reading any of the body.
   */
  function headersOnly(length: number | undefined): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': crypto.randomUUID(),
        'x-hub-signature-256': signature(rig.bot.secret, 'whatever'),
      };
      if (length === undefined) headers['transfer-encoding'] = 'chunked';
      else headers['content-length'] = length;
      const req = request(rig.bot.url, { method: 'POST', headers });
      const timer = setTimeout(() => {
        req.destroy();
        reject(new Error('no answer before the body was sent'));
      }, 5000);
      req.on('response', (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => {
          clearTimeout(timer);
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      req.on('error', (error) => reject(error));
      req.flushHeaders();
    });
  }

  it('refuses a payload above 25 MB from its Content-Length, before reading it', async () => {
    rig.fake.clearLog();
    const before = repositoryState();
    const declared = 26 * 1024 * 1024;
    const answer = await headersOnly(declared);
    expect(answer.status).toBe(413);
    expect(answer.body).toContain(`Payload Too Large: ${declared} bytes`);
    expect(rig.fake.log).toEqual([]);
    expect(repositoryState()).toBe(before);
  });

  it('refuses a chunked payload that does not declare its length', async () => {
    const answer = await headersOnly(undefined);
    expect(answer.status).toBe(411);
    expect(rig.fake.log).toEqual([]);
  });

  it('keeps serving after refusals: a valid delivery right after is handled', async () => {
    const pull = rig.openPull({ 'content/glossary/after-refusal.md': term('After Refusal') });
    await rig.send('pull_request', rig.pullEvent(pull, 'opened'));
    expect(rig.checkRuns(pull.pull!.headSha)).toMatchObject([{ conclusion: 'success' }]);
    expect((await fetch(`http://127.0.0.1:${rig.bot.port}/healthz`)).status).toBe(200);
  });
});
