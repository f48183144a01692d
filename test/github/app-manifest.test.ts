// .github/app.yml subscribes to exactly the events the bot's handlers listen to, asks for the
// least permissions, and is what Probot's setup page reads (through the root app.yml link).
import { lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Probot } from 'probot';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import app from '../../bot/index.ts';

const repo = join(import.meta.dirname, '..', '..');
const manifest = parse(readFileSync(join(repo, '.github/app.yml'), 'utf8')) as { default_events: string[]; default_permissions: Record<string, string> };

/** The webhook events the app's handlers are registered for (root names, e.g. "pull_request"). */
async function eventsListenedTo(): Promise<Set<string>> {
  const probot = new Probot({ appId: 1, privateKey: 'unused: no request is made', secret: 'x' });
  const seen = new Set<string>();
  const on = probot.on.bind(probot);
  probot.on = ((events: string | string[], handler: never) => {
    for (const event of [events].flat()) seen.add(event.split('.')[0]!);
    return on(events as never, handler);
  }) as Probot['on'];
  await probot.load(app);
  return seen;
}

describe('GitHub App manifest', () => {
  it('subscribes to every event a handler uses, and to no other', async () => {
    const used = await eventsListenedTo();
    // Installation events reach every App without a subscription (and cannot be subscribed to).
    const subscribable = [...used].filter((e) => e !== 'installation' && e !== 'installation_repositories').sort();
    expect(subscribable).toEqual([...manifest.default_events].sort());
    expect(used.has('installation')).toBe(true);
  });

  it('asks for the least permissions that work', () => {
    expect(manifest.default_permissions).toEqual({ checks: 'write', issues: 'write', pull_requests: 'write', contents: 'write', metadata: 'read' });
  });

  it('is found by Probot at the root through a link to .github/app.yml', () => {
    expect(lstatSync(join(repo, 'app.yml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(repo, 'app.yml'))).toBe('.github/app.yml');
  });
});
