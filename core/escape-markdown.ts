// Escapes user text for GitHub markdown (bot comments, check summaries): it shows as written,
// and cannot become HTML, a link, an image, formatting, an @mention or a #reference.

/** Characters that have a meaning in CommonMark/GFM inline or block syntax. */
const markdownPunctuation = /[\\`*_{}[\]()#+\-.!|~:^$=]/g;

/**
 * The text on one line, safe to place inside markdown GitHub renders. HTML is written as
 * entities; markdown punctuation is backslash-escaped; `@`, `#`, `://` and `www.` get an invisible
 * zero-width space, because GitHub finds mentions, references and bare links in the rendered text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(markdownPunctuation, (c) => `\\${c}`)
    .replace(/@/g, '@&#8203;')
    .replace(/\\#/g, '\\#&#8203;')
    .replace(/\\:\/\//g, '\\:&#8203;//')
    .replace(/www\\\./gi, (m) => `${m.slice(0, 3)}&#8203;\\.`);
}
