// Splits the legacy `examples` prose ("A, B, and C") into list items, only where that is unambiguous.

/** The items of an examples sentence, or why it is kept as one item. */
export type SplitResult = { items: string[] } | { keep: string };

/**
 * Splits "A, B, and C" at commas. It refuses (and says why) when a comma could sit inside an item:
 * semicolons, "etc.", commas in brackets, "and"/"or" before an item other than the last, or an
 * adjective series such as "Large, medium and small businesses".
 */
export function splitExamples(text: string): SplitResult {
  const sentence = text.trim();
  if (!sentence.includes(',')) return { items: [sentence] };
  if (sentence.includes(';')) return { keep: 'it contains a semicolon' };
  if (/\betc\b|\be\.g\.|\bi\.e\./i.test(sentence)) return { keep: 'it contains "etc.", "e.g." or "i.e."' };
  if (/\([^)]*,[^)]*\)/.test(sentence)) return { keep: 'a comma sits inside brackets' };
  if (/[.!?]\s+\S/.test(sentence.replace(/\.$/, ''))) return { keep: 'it holds more than one sentence' };
  const parts = sentence.replace(/\.$/, '').split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) return { keep: 'it has an empty item between commas' };
  const items: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i]!;
    const conjunction = /^(and|or)\s+/i.exec(part);
    if (conjunction) {
      // "…, and C" is the end of a list; ", and" earlier means the commas mean something else.
      if (i !== parts.length - 1) return { keep: `"${conjunction[1]}" follows a comma before the last item` };
      part = part.slice(conjunction[0].length);
    }
    items.push(part);
  }
  for (let i = 0; i < items.length - 1; i++) {
    // "Large, medium and small businesses": a lone word followed by "x and y …" is one item.
    if (!/\s/.test(items[i]!) && /^\S+\s+(and|or)\s/i.test(items[i + 1]!)) return { keep: `"${items[i]}" looks like part of a series of adjectives` };
  }
  return { items };
}
