// Production entry of the bot (`npm run bot` runs its build, dist/main.js): the Probot server
// with GET /healthz, JSON logs without secrets, and a graceful stop on SIGTERM/SIGINT.
import { existsSync } from 'node:fs';
import app from './index.ts';
import { createLogger } from './create-logger.ts';
import { startBot, type RunningBot } from './start-bot.ts';

// Credentials may live in .env (Probot's setup page writes them there); real env vars win.
if (existsSync('.env')) process.loadEnvFile('.env');

const log = createLogger(process.env);
// Shorter than Docker's default 10 s stop timeout, so the process ends on its own terms.
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS) || 9_000;

// A promise rejected with nobody listening is a bug to log, not a reason to stop serving everyone.
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'Unhandled promise rejection; the bot keeps serving'));

let bot: RunningBot;
try {
  bot = await startBot(app, process.env, log);
} catch (error) {
  log.fatal(`The bot could not start: ${(error as Error).message}`);
  process.exit(1);
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Stopping: finishing requests in flight');
    const force = setTimeout(() => {
      log.warn({ timeoutMs: shutdownTimeoutMs }, 'Requests still in flight at the shutdown deadline; exiting');
      process.exit(1);
    }, shutdownTimeoutMs);
    force.unref();
    bot.stop().then(
      () => {
        log.info('Stopped');
        process.exit(0);
      },
      (error: Error) => {
        log.error({ err: error }, 'Error while stopping');
        process.exit(1);
      },
    );
  });
}
