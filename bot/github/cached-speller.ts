// The spell checker for a project word list, created once per word list per process
// (loading the dictionary takes a noticeable fraction of a second).
import { createSpeller, type Speller } from '#core';
import type { BotEnv } from '../feature.ts';

/** A speller for these project words, shared by events that have the same list. */
export function cachedSpeller(words: readonly string[], env: BotEnv): Promise<Speller> {
  const key = `speller:${words.join('\n')}`;
  let speller = env.cache.get(key) as Promise<Speller> | undefined;
  if (!speller) {
    for (const k of [...env.cache.keys()]) if (k.startsWith('speller:')) env.cache.delete(k);
    speller = createSpeller(words);
    env.cache.set(key, speller);
  }
  return speller;
}
