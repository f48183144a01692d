// BM25 ranking of documents against a query, for "possibly related issues".
// Scores are normalised by the query's score against itself, so a threshold means the same
// thing for a short issue as for a long one.

/** Words too common to say anything about what an issue is about. */
const stopWords = new Set(
  `a about above after again all also am an and any are as at be because been before being but by can could did do does doing
  down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me
  more most my no nor not now of off on once only or other our ours out over own same she should so some such than that the their
  theirs them then there these they this those through to too under until up very was we were what when where which while who whom
  why will with would you your yours page please thanks thank hi hello`.split(/\s+/),
);

/** Lowercase word stems of a text, stop words left out. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    let w = m[0];
    if (w.length < 2 || stopWords.has(w)) continue;
    if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
    else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
    out.push(w);
  }
  return out;
}

export interface Ranked<T> {
  item: T;
  /** BM25 score divided by the query's score against itself (0 = nothing shared). */
  score: number;
}

/** Ranks documents by BM25 similarity to the query, best first; documents sharing no term are left out. */
export function rankBm25<T>(query: string, documents: ReadonlyArray<{ item: T; text: string }>, k1 = 1.2, b = 0.75): Ranked<T>[] {
  const queryTerms = terms(query);
  if (queryTerms.length === 0 || documents.length === 0) return [];
  const docs = documents.map((d) => {
    const counts = new Map<string, number>();
    const words = terms(d.text);
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    return { item: d.item, counts, length: words.length };
  });
  // The query counts as one more document, so that its own words have a defined IDF.
  const queryCounts = new Map<string, number>();
  for (const w of queryTerms) queryCounts.set(w, (queryCounts.get(w) ?? 0) + 1);
  const all = [...docs, { item: undefined, counts: queryCounts, length: queryTerms.length }];
  const n = all.length;
  const avgLength = all.reduce((s, d) => s + d.length, 0) / n || 1;
  const idf = new Map<string, number>();
  for (const term of queryCounts.keys()) {
    const df = all.filter((d) => d.counts.has(term)).length;
    idf.set(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }
  const score = (d: { counts: Map<string, number>; length: number }) => {
    let s = 0;
    for (const term of queryCounts.keys()) {
      const f = d.counts.get(term) ?? 0;
      if (f === 0) continue;
      s += idf.get(term)! * ((f * (k1 + 1)) / (f + k1 * (1 - b + (b * d.length) / avgLength)));
    }
    return s;
  };
  const self = score({ counts: queryCounts, length: queryTerms.length }) || 1;
  return docs
    .map((d) => ({ item: d.item, score: score(d) / self }))
    .filter((r) => r.score > 0)
    .sort((a, b2) => b2.score - a.score);
}
