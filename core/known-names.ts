// Facts derived once per index for the cross-file rules: the glossary's names and acronyms,
// the words of the field's names (for spelling), and where each name or URL is first defined.
import type { ContentIndex, IndexEntry } from './content-index.ts';
import type { ContentTypeName } from './schema/index.ts';

/** A value of a record that must be unique: where it is and what it is. */
export interface Definition {
  path: string;
  /** Top-level key holding the value ("term", "aliases"). */
  key: string;
  value: string;
  /** 1-based line of the key in the file (for "first defined here"). */
  line: number;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function sortedEntries(index: ContentIndex, type: ContentTypeName): IndexEntry[] {
  return [...index.entries.values()]
    .filter((e) => e.type === type)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The values of the given keys of every record of a type, in path order then key order. */
export function definitionsOf(index: ContentIndex, type: ContentTypeName, keys: readonly string[]): Definition[] {
  const out: Definition[] = [];
  for (const entry of sortedEntries(index, type)) {
    for (const key of keys) {
      for (const value of strings(entry.data[key])) out.push({ path: entry.path, key, value, line: entry.keyLines[key] ?? 1 });
    }
  }
  return out;
}

const definitionsCache = new WeakMap<ContentIndex, Map<string, Map<string, Definition[]>>>();

/**
 * Every definition of each normalised value of some keys of a type across the index (files in
 * path order), computed once per index and kind.
 */
export function definitionsByValue(
  index: ContentIndex,
  kind: string,
  type: ContentTypeName,
  keys: readonly string[],
  normalise: (value: string) => string,
): Map<string, Definition[]> {
  let byKind = definitionsCache.get(index);
  if (!byKind) definitionsCache.set(index, (byKind = new Map()));
  let found = byKind.get(kind);
  if (!found) {
    found = new Map();
    for (const d of definitionsOf(index, type, keys)) {
      const n = normalise(d.value);
      if (!n) continue;
      const list = found.get(n);
      if (list) list.push(d);
      else found.set(n, [d]);
    }
    byKind.set(kind, found);
  }
  return found;
}

/** A name folded for comparison: case, accents, punctuation and spacing ignored. */
export function normaliseName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface GlossaryFacts {
  /** Acronym (as written, e.g. "LER") → accepted expansions (term and aliases) and the term's slug. */
  acronyms: Map<string, { expansions: string[]; slug: string; term: string }>;
  /** Lowercase words of the names of glossary terms, frameworks and organisations. */
  words: Set<string>;
}

const glossaryCache = new WeakMap<ContentIndex, GlossaryFacts>();

/** What the glossary, frameworks and organisations say about names, once per index. */
export function glossaryFacts(index: ContentIndex): GlossaryFacts {
  let facts = glossaryCache.get(index);
  if (facts) return facts;
  facts = { acronyms: new Map(), words: new Set() };
  const addWords = (s: string) => {
    for (const w of s.split(/[^\p{L}\p{N}'’]+/u)) if (w) facts!.words.add(w.toLowerCase());
  };
  for (const entry of sortedEntries(index, 'glossary')) {
    const term = strings(entry.data.term)[0];
    const aliases = strings(entry.data.aliases);
    for (const s of [term ?? '', ...aliases, ...strings(entry.data.acronym)]) addWords(s);
    for (const acronym of strings(entry.data.acronym)) {
      const known = facts.acronyms.get(acronym);
      const expansions = [term, ...aliases].filter((s): s is string => !!s);
      if (known) known.expansions.push(...expansions);
      else facts.acronyms.set(acronym, { expansions, slug: entry.slug, term: term ?? entry.slug });
    }
  }
  for (const type of ['framework', 'organization'] as const) {
    for (const entry of sortedEntries(index, type)) {
      for (const s of [...strings(entry.data.name), ...strings(entry.data.acronym), ...strings(entry.data.maintainer)]) addWords(s);
    }
  }
  glossaryCache.set(index, facts);
  return facts;
}
