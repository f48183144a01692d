// Every word the bot says to people lives in bot/messages/: pull requests in pull-request.ts,
// issues in issues.ts, the labels file in labels.ts. This is their one entry.
import { escapeMarkdown } from '#core';

export * from './pull-request.ts';
export * from './issues.ts';
export * from './labels.ts';

/** Escapes text written by someone else before the bot quotes it in markdown. */
export const quote = escapeMarkdown;
