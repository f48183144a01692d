// The bot's structured logger: pino JSON lines, level from LOG_LEVEL, secrets redacted.
import { pino, type Logger, type DestinationStream } from 'pino';

const levels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/**
 * Paths that may carry a secret in what Probot and Octokit log: webhook signatures and
 * authorization headers of requests (pino-http logs request headers), tokens, keys.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hub-signature"]',
  'req.headers["x-hub-signature-256"]',
  'err.request.headers.authorization',
  'err.response.headers.authorization',
  'error.request.headers.authorization',
  'headers.authorization',
  'privateKey',
  'secret',
  'token',
  'webhookSecret',
  '*.privateKey',
  '*.secret',
  '*.token',
  '*.webhookSecret',
];

/** Creates the logger; an unknown LOG_LEVEL is a configuration error, said plainly. */
export function createLogger(env: NodeJS.ProcessEnv = process.env, destination?: DestinationStream): Logger {
  const level = (env.LOG_LEVEL || 'info').toLowerCase();
  if (!(levels as readonly string[]).includes(level)) {
    throw new Error(`Unexpected LOG_LEVEL "${env.LOG_LEVEL}", expected one of ${levels.join(', ')}`);
  }
  // No base `name`: Probot's child loggers set their own ("http", "setup"), and JSON keys must not repeat.
  const options = { level, redact: { paths: redactedPaths, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
