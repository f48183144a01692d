// The daily `needs info` sweep: one reminder, then a kind close; a reply reopens. Run as the
// scheduled job runs it (an exported function with an installation's Octokit and `now`).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decideNeedsInfoSweep } from '../../../bot/decide/needs-info-sweep.ts';
import { sweepNeedsInfo } from '../../../bot/handlers/needs-info-sweep.ts';
import { stateReasonOf } from '../../fake-github/issue-routes.ts';
import type { Issue } from '../../fake-github/index.ts';
import { startIssueBot, type IssueBot } from './issue-bot.ts';
import { form, formBody, localContent, siteUrl } from './local-content.ts';

const day = 24 * 60 * 60 * 1000;
const days = { remind_after_days: 7, close_after_days: 7 };

describe('decideNeedsInfoSweep', () => {
  const labeledAt = '2025-06-01T00:00:00.000Z';
  const at = (d: number) => new Date(Date.parse(labeledAt) + d * day);
  it('waits, reminds once, then closes', () => {
    expect(decideNeedsInfoSweep({ labeledAt, authorCommentTimes: [], reminderTimes: [] }, days, at(6.9))).toEqual({ action: 'none', reason: 'not yet time to remind' });
    expect(decideNeedsInfoSweep({ labeledAt, authorCommentTimes: [], reminderTimes: [] }, days, at(7))).toEqual({ action: 'remind' });
    const reminded = [at(7).toISOString()];
    expect(decideNeedsInfoSweep({ labeledAt, authorCommentTimes: [], reminderTimes: reminded }, days, at(10)).action).toBe('none');
    expect(decideNeedsInfoSweep({ labeledAt, authorCommentTimes: [], reminderTimes: reminded }, days, at(14))).toEqual({ action: 'close' });
  });
  it('after a maintainer reopens an issue it closed, waits and reminds again before closing', () => {
    const facts = { labeledAt, authorCommentTimes: [], reminderTimes: [at(7).toISOString()], closedTimes: [at(14).toISOString()] };
    expect(decideNeedsInfoSweep(facts, days, at(15)).action).toBe('none');
    expect(decideNeedsInfoSweep(facts, days, at(21))).toEqual({ action: 'remind' });
  });

  it('leaves alone an issue whose author replied, and ignores reminders from before the label', () => {
    expect(decideNeedsInfoSweep({ labeledAt, authorCommentTimes: [at(1).toISOString()], reminderTimes: [] }, days, at(30)).action).toBe('none');
    expect(decideNeedsInfoSweep({ labeledAt, authorCommentTimes: [], reminderTimes: ['2025-05-01T00:00:00.000Z'] }, days, at(8))).toEqual({ action: 'remind' });
  });
});

describe('sweepNeedsInfo', () => {
  let bot: IssueBot;
  let waiting: Issue;
  let answered: Issue;
  const log = { info() {}, warn() {} };

  beforeAll(async () => {
    bot = await startIssueBot();
    const { templates } = await localContent();
    const t = form(templates, 'feedback.yml');
    const incomplete = formBody(t, { page: `${siteUrl}stakeholders/funders/`, kind: 'Unclear' });
    waiting = await bot.open('quiet', '[Feedback] Funders', incomplete, ['feedback']);
    answered = await bot.open('talkative', '[Feedback] Funders again', incomplete, ['feedback']);
    expect(waiting.labels).toContain('needs info');
    expect(answered.labels).toContain('needs info');
  });
  afterAll(async () => {
    await bot.stop();
  });
  afterEach(() => {
    expect(bot.fake.violations).toEqual([]);
  });

  const sweep = async () => sweepNeedsInfo(await bot.octokit(), 'ler/map', new Date(bot.fake.state.clock), log);

  it('does nothing before N days', async () => {
    bot.fake.state.clock += 3 * day;
    const result = await sweep();
    expect(result.reminded).toEqual([]);
    expect(result.closed).toEqual([]);
  });

  it('reminds once after N days, and only once', async () => {
    // One author answers in time: the reply removes the label, so the sweep no longer sees it.
    await bot.comment(answered, 'talkative', 'It is the second example that is unclear.');
    expect(answered.labels).not.toContain('needs info');
    bot.fake.state.clock += 5 * day;
    expect((await sweep()).reminded).toEqual([waiting.number]);
    const reminders = () => bot.botComments(waiting).filter((c) => c.body.startsWith('<!-- ler-map:needs-info-reminder'));
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]!.body).toContain('@quiet, a gentle reminder');
    expect((await sweep()).reminded).toEqual([]);
    expect(reminders()).toHaveLength(1);
  });

  it('closes kindly M days after the reminder', async () => {
    bot.fake.state.clock += 7 * day;
    expect((await sweep()).closed).toEqual([waiting.number]);
    expect(waiting.state).toBe('closed');
    expect(stateReasonOf(waiting)).toBe('not_planned');
    expect(bot.botComments(waiting).at(-1)!.body).toContain('Reply here at any time and it will be reopened.');
    expect(answered.state).toBe('open');
  });

  it('a reply from the author reopens the issue and drops `needs info`', async () => {
    await bot.comment(waiting, 'quiet', 'Sorry, I was away. The second example is the unclear one.');
    expect(waiting.state).toBe('open');
    expect(stateReasonOf(waiting)).toBe('reopened');
    expect(waiting.labels).not.toContain('needs info');
    expect((await sweep()).closed).toEqual([]);
  });
});
