// Small text helpers shared by rules: edit distance, key normalisation, quoting.

/** Levenshtein distance, bounded for speed. */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** A key with case, spaces and hyphens folded, for comparing misspellings. */
export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[\s-]+/g, '_');
}

/** The closest candidate to a word, when it is close enough to be a likely misspelling. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const w = normaliseKey(word);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const n = normaliseKey(c);
    let score = distance(w, n);
    if (n.startsWith(w) || w.startsWith(n)) score = Math.min(score, Math.abs(n.length - w.length) / 2);
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  const limit = Math.max(2, Math.floor(w.length / 3));
  return bestScore <= limit ? best : undefined;
}

/** Lists values for a message: "a", "b" or "c". */
export function listValues(values: readonly string[]): string {
  const q = values.map((v) => `"${v}"`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} or ${q.at(-1)}`;
}

/**
 * The first key that comes after a key it should precede in `order` (keys not in `order` are
 * ignored), with the key it follows; undefined when the known keys are in order.
 */
export function firstOutOfOrder(keys: readonly string[], order: readonly string[]): { at: number; after: string } | undefined {
  let maxRank = -1;
  let maxKey = '';
  for (let i = 0; i < keys.length; i++) {
    const rank = order.indexOf(keys[i]!);
    if (rank < 0) continue;
    if (rank < maxRank) return { at: i, after: maxKey };
    maxRank = rank;
    maxKey = keys[i]!;
  }
  return undefined;
}
