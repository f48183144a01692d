// Signs that an issue is likely spam or vandalism. Used only to ask a maintainer to look
// (`needs triage`); never shown publicly, never a reason to delete anything.

/** Abusive words and the vocabulary of commercial spam (whole words, any case). */
const abusive = /\b(?:idiots?|morons?|stupid|crap|shit\w*|fuck\w*|bullshit|dumbass|retard\w*)\b/i;
const commercial = /\b(?:casino|viagra|cialis|betting|porn\w*|escort|payday loans?|crypto ?currency|bitcoin|forex|buy followers|seo services|weight loss)\b/i;

export type SpamSignal = 'abusive words' | 'commercial spam' | 'links only' | 'empty form';

export interface SpamInput {
  /** Title and body without form boilerplate. */
  text: string;
  /** Links in the issue that point neither at the site nor at the repository. */
  externalLinks: number;
  /** Links or paths that point at the site or the content. */
  knownTargets: number;
  /** The issue came from a form and every field is empty. */
  emptyForm: boolean;
}

/** The signals found (empty when the issue looks genuine). */
export function spamSignals(input: SpamInput): SpamSignal[] {
  const signals: SpamSignal[] = [];
  if (abusive.test(input.text)) signals.push('abusive words');
  if (commercial.test(input.text)) signals.push('commercial spam');
  const words = input.text.replace(/\bhttps?:\/\/\S+/gi, ' ').match(/[\p{L}\p{N}]{2,}/gu)?.length ?? 0;
  if (input.externalLinks > 0 && input.knownTargets === 0 && words < 6) signals.push('links only');
  if (input.emptyForm) signals.push('empty form');
  return signals;
}
