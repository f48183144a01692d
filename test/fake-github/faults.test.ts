// The fake's fault injection answers as GitHub and networks fail, for exactly the requests a rule
// names and as many times as it says, and records what it did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faults, startFakeGitHub, type FakeGitHub } from './index.ts';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(async () => {
  await fake.stop();
});

const get = (path: string, init: RequestInit = {}) => fetch(`${fake.url}${path}`, init);

describe('fault rules', () => {
  it('answers the next N matching requests with the status, body and headers GitHub sends, then lets requests through', async () => {
    fake.faults.clear();
    fake.faults.add({ method: 'GET', path: '/repos/o/r', times: 2, fault: faults.secondaryRateLimit(3) });
    for (let i = 0; i < 2; i++) {
      const res = await get('/repos/o/r');
      expect(res.status).toBe(403);
      expect(res.headers.get('retry-after')).toBe('3');
      expect(((await res.json()) as { message: string }).message).toMatch(/secondary rate limit/);
    }
    // The third request reaches the fake (no credentials: 401 from its normal handling).
    expect((await get('/repos/o/r')).status).toBe(401);
    expect(fake.faults.hits.map((h) => [h.method, h.path, h.status])).toEqual([
      ['GET', '/repos/o/r', 403],
      ['GET', '/repos/o/r', 403],
    ]);
    expect(fake.faults.pending).toEqual([]);
  });

  it('matches by method, path pattern and GraphQL operation name', async () => {
    fake.faults.clear();
    fake.faults.add({ method: 'POST', path: '/graphql', operation: 'Wanted', fault: faults.serverError(502) });
    fake.faults.add({ path: /^\/repos\/[^/]+\/r\/pulls\/\d+\/files$/, fault: faults.notFound() });
    const graphql = (query: string) => get('/graphql', { method: 'POST', body: JSON.stringify({ query }) });
    expect((await graphql('query Other { viewer { login } }')).status).toBe(401);
    expect((await graphql('query Wanted { viewer { login } }')).status).toBe(502);
    expect((await get('/repos/x/r/pulls/7/files', { method: 'POST' })).status).toBe(404);
    expect(fake.faults.hits.map((h) => h.operation ?? h.path)).toEqual(['Wanted', '/repos/x/r/pulls/7/files']);
  });

  it('resets the connection without an answer', async () => {
    fake.faults.clear();
    fake.faults.add({ path: '/repos/o/r', fault: faults.reset() });
    await expect(get('/repos/o/r')).rejects.toThrow(/fetch failed/);
    expect(fake.requests.at(-1)).toMatchObject({ line: 'GET /repos/o/r', status: 0, fault: 'reset' });
  });

  it('answers slowly, and drops a request whose client gave up waiting (it never reaches the state)', async () => {
    fake.faults.clear();
    fake.faults.add({ path: '/repos/o/r', times: 2, fault: faults.delay(300) });
    const started = Date.now();
    expect((await get('/repos/o/r')).status).toBe(401);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    fake.clearLog();
    await expect(get('/repos/o/r', { signal: AbortSignal.timeout(50) })).rejects.toThrow(/timeout/i);
    await new Promise((r) => setTimeout(r, 400));
    expect(fake.requests).toEqual([expect.objectContaining({ line: 'GET /repos/o/r', status: 0, fault: 'delay' })]);
  });
});
