// The Probot application function: registers every feature's handlers, isolated from each
// other so one failing handler (or one that fails to register) never stops the others.
// Work for one pull request or issue is serialised (bot/work-queue.ts); a delivery runs once.
// Probot's `run`, `createNodeMiddleware` and `Server#load` all accept the default export.
import type { ApplicationFunction, Probot } from 'probot';
import type { BotEnv, Feature } from './feature.ts';
import { pullRequestCheck } from './handlers/pull-request-check.ts';
import { labelsSync } from './handlers/labels-sync.ts';
import { issueTriage } from './handlers/issue-triage.ts';
import { commands } from './handlers/commands.ts';
import { WorkQueue, workOf } from './work-queue.ts';

/** The features the app runs, in registration order. Add a feature here. */
export const features: Feature[] = [pullRequestCheck, labelsSync, issueTriage, commands];

/** Builds the application function from features (tests pass their own list or clock). */
export function createApp(options: { features?: Feature[]; now?: () => Date } = {}): ApplicationFunction {
  return (app) => {
    const env: BotEnv = { now: options.now ?? (() => new Date()), cache: new Map() };
    const queue = new WorkQueue();
    for (const feature of options.features ?? features) {
      try {
        feature.register(isolated(app, feature.name, queue), env);
      } catch (error) {
        // A feature that cannot register is reported and skipped; the others still run.
        app.log.error({ err: error, feature: feature.name }, `Feature "${feature.name}" could not register`);
      }
    }
  };
}

/**
 * The app as one feature sees it: its handlers run through the work queue (one at a time per
 * pull request or issue, once per delivery) and are logged with the feature's name when they
 * fail. @octokit/webhooks runs every handler of an event independently, so a failure here never
 * stops another feature's handler; it is re-thrown so the delivery is marked failed on GitHub.
 */
function isolated(app: Probot, feature: string, queue: WorkQueue): Probot {
  let registered = 0;
  const on = ((events: Parameters<Probot['on']>[0], handler: (context: never) => Promise<void>) => {
    const handlerId = `${feature}/${registered++}`;
    return app.on(events, async (context) => {
      try {
        const outcome = await queue.run(workOf(handlerId, context.name, context.id, context.payload), () => handler(context as never));
        if (!outcome.ran) context.log.info({ feature, event: context.name, delivery: context.id }, `Skipped: ${outcome.reason}`);
      } catch (error) {
        context.log.error({ err: error, feature, event: context.name, delivery: context.id }, `Feature "${feature}" failed on ${context.name}`);
        throw error;
      }
    });
  }) as Probot['on'];
  return new Proxy(app, {
    get(target, property) {
      if (property === 'on') return on;
      const value = Reflect.get(target, property, target) as unknown;
      // Probot keeps its state in private fields: methods must run on the real instance.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The LER Ecosystem Map GitHub App. */
const app: ApplicationFunction = createApp();
export default app;
