// What a bot feature is: a name and a function that registers its webhook handlers, plus the
// shared environment (clock, caches) every feature receives. bot/index.ts lists the features.
import type { Probot } from 'probot';

/** Process-wide things features share: the clock (a parameter, so tests can fix it) and caches. */
export interface BotEnv {
  /** The current time; decisions receive it as `now`, never read the clock themselves. */
  now(): Date;
  /** Small per-process caches (e.g. the base branch's front-matter index per commit). */
  cache: Map<string, unknown>;
}

/** One feature of the bot (pull request check, issue triage, commands …). */
export interface Feature {
  name: string;
  /** Registers the feature's handlers with `app.on(...)`. */
  register(app: Probot, env: BotEnv): void;
}
