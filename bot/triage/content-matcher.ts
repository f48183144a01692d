// Finds the pages an issue is about: links to the site, source paths, and names of records
// (names, aliases, acronyms) matched against the content index, with cues that tell a page
// mention ("the Employers page") from a word used in passing ("employers we work with").
import { recordPath, sectionPaths, type ContentIndex, type ContentTypeName, type IndexEntry } from '#core';
import { pageSlugOf, pageSlugOfPath } from './page-label.ts';

/** One page (and, when known, the record on it) that an issue concerns. */
export interface PageTarget {
  /** Page slug, used for the `page: <slug>` label. */
  page: string;
  /** Site path of the record or page ("/glossary/#issuer", "/stakeholders/employers/"). */
  sitePath: string;
  /** What to call it ("Issuer", "Glossary"). */
  title: string;
  /** The record, when the issue points at one. */
  entry?: IndexEntry;
  /** How it was found: a link or source path is certain; a name is a reading of the text. */
  via: 'link' | 'source' | 'name' | 'section';
}

export interface MatcherOptions {
  /** The published site, e.g. "https://digitalcredentials.github.io/ler-ecosystem-map/". */
  siteUrl: string;
}

export interface FindOptions {
  /**
   * The text answers "which page?" (a form's page field): every name counts, without needing
   * a cue such as "page" or "glossary".
   */
  pageContext?: boolean;
}

interface Phrase {
  /** Stemmed lowercase tokens. */
  tokens: string[];
  /** Original spelling, for case-sensitive acronyms. */
  exact?: string[];
  target: PageTarget;
  kind: ContentTypeName;
}

interface Token {
  text: string;
  stem: string;
  start: number;
  end: number;
  /** First token of a sentence, line or list item: its capital letter says nothing. */
  sentenceStart: boolean;
}

/** Readable names of the section pages, by page slug. */
const sectionTitles: Record<string, string> = {
  home: 'Home',
  stakeholders: 'Stakeholders',
  'work-streams': 'Work streams',
  'action-areas': 'Action areas',
  glossary: 'Glossary',
  frameworks: 'Frameworks and standards',
  resources: 'Resources',
  search: 'Search',
};

/** Explicit mentions of a section of the site; these name a page on their own. */
const sectionCues: Array<{ page: string; pattern: RegExp }> = [
  { page: 'glossary', pattern: /\bglossary\b/i },
  { page: 'frameworks', pattern: /\bframeworks?(?: and standards)? (?:page|section|list)\b|\bframeworks and standards\b/i },
  { page: 'resources', pattern: /\bresources? (?:page|section|list)\b|\blist of resources\b/i },
  { page: 'home', pattern: /\bhome ?page\b|\bfront page\b|\blanding page\b/i },
  { page: 'about', pattern: /\babout page\b|\backnowledge?ments\b/i },
  { page: 'search', pattern: /\bsearch (?:page|box|field|results)\b/i },
  { page: 'work-streams', pattern: /\bwork[- ]streams? (?:page|matrix|section|table)\b/i },
  { page: 'action-areas', pattern: /\baction[- ]areas? (?:page|section)\b/i },
  { page: 'stakeholders', pattern: /\bstakeholders (?:page|list|overview)\b|\blist of stakeholders\b/i },
];

/** Words that make a glossary term in the text a mention of the glossary. */
const glossaryCue = /\bglossary\b|\bdefinitions?\b|\bdefin(?:e|ed|es|ing)\b/i;
/** Words right after a name that make it a mention of that record's page or entry. */
const followingCues = new Set(['page', 'stakeholder', 'entry', 'section', 'profile', 'definition', 'card', 'term', 'stream']);
/** Cue words that point at the page of whatever they follow. */
const pageCues = new Set(['page', 'entry', 'section', 'profile', 'card']);
/** Small words that stay lowercase inside a name written in title case. */
const smallWords = new Set(['and', 'of', 'on', 'for', 'the', 'a', 'an', 'in', 'to', 'as', 'or', '&']);

const urlPattern = /\bhttps?:\/\/[^\s<>()"'`\]]+/gi;
const sourcePathPattern = /(?<![\w.-])content\/[a-z0-9-]+\/[a-z0-9._-]+\.md\b/gi;
const sitePathPattern = /(?<![\w.:/-])\/(?:[a-z0-9-]+\/)+(?:#[a-z0-9-]+)?|(?<![\w.:/-])\/#[a-z0-9-]+/gi;

function stem(word: string): string {
  const w = word.toLowerCase();
  if (w === '&') return 'and';
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+|&/gu)) {
    const start = m.index!;
    const prev = out.at(-1);
    // A sentence, line or list item starts here when punctuation or a line break separates it from the last word.
    const sentenceStart = !prev || /[.!?:;\n]/.test(text.slice(prev.end, start));
    out.push({ text: m[0], stem: stem(m[0]), start, end: start + m[0].length, sentenceStart });
  }
  return out;
}

/** A normalised site path ("/stakeholders/employers/#x"), lowercase, with a trailing slash before any anchor. */
function normaliseSitePath(path: string): string {
  const [page = '', anchor] = path.split('#');
  let p = page.split('?')[0]!.toLowerCase();
  if (!p.startsWith('/')) p = `/${p}`;
  if (!p.endsWith('/')) p = `${p}/`;
  p = p.replace(/\/{2,}/g, '/').replace(/\/index\.html\/$/, '/');
  return anchor ? `${p}#${anchor.toLowerCase()}` : p;
}

/** Matches issue text against a content index. Build once per index; reuse for many issues. */
export class ContentMatcher {
  readonly siteUrl: string;
  /** Site path (page or record with anchor) → target. */
  private readonly paths = new Map<string, PageTarget>();
  /** Source path → target. */
  private readonly sources = new Map<string, PageTarget>();
  /** Phrases by their first stemmed token. */
  private readonly phrases = new Map<string, Phrase[]>();
  /** Page slug → page title, for every page that exists. */
  readonly pages = new Map<string, string>();

  constructor(readonly index: ContentIndex, options: MatcherOptions) {
    this.siteUrl = options.siteUrl.endsWith('/') ? options.siteUrl : `${options.siteUrl}/`;
    for (const path of Object.values(sectionPaths)) {
      const page = pageSlugOfPath(path);
      const target: PageTarget = { page, sitePath: path, title: sectionTitles[page] ?? page, via: 'link' };
      this.paths.set(path, target);
      this.pages.set(page, target.title);
    }
    for (const entry of index.entries.values()) {
      const sitePath = recordPath(entry.type, entry.slug);
      const page = pageSlugOf(entry);
      const target: PageTarget = { page, sitePath, title: entry.title, entry, via: 'link' };
      this.paths.set(sitePath, target);
      this.sources.set(entry.path.toLowerCase(), { ...target, via: 'source' });
      const pagePath = sitePath.split('#')[0]!;
      if (!this.paths.has(pagePath)) this.paths.set(pagePath, { ...target, sitePath: pagePath });
      if (!this.pages.has(page)) this.pages.set(page, pagePath === sitePath ? entry.title : (sectionTitles[page] ?? entry.title));
      for (const name of namesOf(entry)) this.addPhrase(name.text, { ...target, via: 'name' }, entry.type, name.exact);
    }
  }

  private addPhrase(text: string, target: PageTarget, kind: Phrase['kind'], exact = false): void {
    const words = [...text.matchAll(/[\p{L}\p{N}]+|&/gu)].map((m) => m[0]);
    if (words.length === 0) return;
    const phrase: Phrase = { tokens: words.map(stem), ...(exact ? { exact: words } : {}), target, kind };
    const list = this.phrases.get(phrase.tokens[0]!) ?? [];
    list.push(phrase);
    this.phrases.set(phrase.tokens[0]!, list);
  }

  /** The target of a site path or full site URL, or undefined for a page that does not exist. */
  resolveSitePath(path: string): PageTarget | undefined {
    const normalised = normaliseSitePath(path);
    const exact = this.paths.get(normalised);
    if (exact) return exact;
    const page = this.paths.get(normalised.split('#')[0]!);
    // An anchor that is not a record (a heading) still names the page.
    return page ? { ...page, sitePath: normalised } : undefined;
  }

  /** The target of a site URL ("https://…/ler-ecosystem-map/glossary/#issuer"), if it is one. */
  resolveUrl(url: string): PageTarget | undefined {
    const site = new URL(this.siteUrl);
    let u: URL;
    try {
      u = new URL(url.replace(/[.,;:!?]+$/, ''));
    } catch {
      return undefined;
    }
    const source = /\/(content\/[a-z0-9-]+\/[a-z0-9._-]+\.md)$/i.exec(u.pathname);
    if (source && /(^|\.)github(usercontent)?\.com$/i.test(u.hostname)) return this.sources.get(source[1]!.toLowerCase());
    if (u.hostname.toLowerCase() !== site.hostname.toLowerCase()) return undefined;
    const base = site.pathname.replace(/\/$/, '');
    if (!u.pathname.toLowerCase().startsWith(base.toLowerCase())) return undefined;
    const rest = u.pathname.slice(base.length) || '/';
    return this.resolveSitePath(`${rest}${u.hash}`);
  }

  /** Certain targets: links to the site, links to source files, site paths and source paths. */
  locate(text: string): PageTarget[] {
    const found: PageTarget[] = [];
    for (const m of text.matchAll(urlPattern)) {
      const target = this.resolveUrl(m[0]);
      if (target) found.push({ ...target, via: target.via === 'source' ? 'source' : 'link' });
    }
    const withoutUrls = text.replace(urlPattern, ' ');
    for (const m of withoutUrls.matchAll(sourcePathPattern)) {
      const target = this.sources.get(m[0].toLowerCase());
      if (target) found.push(target);
    }
    for (const m of withoutUrls.replace(sourcePathPattern, ' ').matchAll(sitePathPattern)) {
      const target = this.resolveSitePath(m[0]);
      if (target) found.push({ ...target, via: 'link' });
    }
    return dedupe(found);
  }

  /** Targets named in text: links and paths when there are any, otherwise names read with cues. */
  find(text: string, options: FindOptions = {}): PageTarget[] {
    const located = this.locate(text);
    if (located.length > 0) return located;
    return this.named(text.replace(urlPattern, ' '), options);
  }

  /** Targets named in text by record names and section mentions. */
  named(text: string, options: FindOptions = {}): PageTarget[] {
    const found: PageTarget[] = [];
    const sections = new Set<string>();
    for (const cue of sectionCues) {
      if (cue.pattern.test(text)) sections.add(cue.page);
    }
    const glossaryMentioned = sections.has('glossary') || glossaryCue.test(text);
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; ) {
      const match = this.longestAt(tokens, i);
      if (!match) {
        i++;
        continue;
      }
      const { phrases, length } = match;
      const next = tokens[i + length];
      const cue = next !== undefined && text.slice(tokens[i + length - 1]!.end, next.start).trim() === '' && followingCues.has(next.stem) ? next.stem : undefined;
      const named = isNamed(tokens.slice(i, i + length), phrases[0]!);
      const context = { cue, named, pageContext: options.pageContext ?? false, glossaryMentioned, sections };
      let counted = phrases.filter((p) => countsAsMention(p, context));
      // The same name on two pages ("CTDL" is a term and a standard): keep the one whose section the text mentions.
      if (new Set(counted.map((p) => p.target.page)).size > 1) {
        const supported = counted.filter((p) => (p.kind === 'glossary' ? glossaryMentioned : sections.has(p.target.page)));
        if (supported.length > 0) counted = supported;
      }
      found.push(...counted.map((p) => p.target));
      // The cue word belongs to this name ("the Funders stakeholder page"), not to the next one.
      i += length + (cue && counted.length > 0 ? 1 : 0);
    }
    for (const page of sections) {
      if (!found.some((t) => t.page === page)) {
        const target = this.resolveSitePath(page === 'home' ? '/' : `/${page}/`);
        if (target) found.push({ ...target, via: 'section' });
      }
    }
    return dedupe(found);
  }

  /** The phrases of the longest name starting at token i (several when records share a name). */
  private longestAt(tokens: Token[], i: number): { phrases: Phrase[]; length: number } | undefined {
    const candidates = this.phrases.get(tokens[i]!.stem);
    if (!candidates) return undefined;
    let best: { phrases: Phrase[]; length: number } | undefined;
    for (const phrase of candidates) {
      const n = phrase.tokens.length;
      if (i + n > tokens.length || (best && best.length > n)) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const token = tokens[i + k]!;
        ok = phrase.exact ? token.text === phrase.exact[k] : token.stem === phrase.tokens[k];
        // A name spans one phrase of text: no sentence break inside it.
        if (ok && k > 0 && token.sentenceStart) ok = false;
      }
      if (!ok) continue;
      if (best && best.length === n) {
        if (!best.phrases.some((p) => p.target.sitePath === phrase.target.sitePath)) best.phrases.push(phrase);
      } else best = { phrases: [phrase], length: n };
    }
    return best;
  }
}

/** Whether a phrase found in text is a mention of its page, given the cues around it. */
function countsAsMention(
  phrase: Phrase,
  cues: { cue: string | undefined; named: boolean; pageContext: boolean; glossaryMentioned: boolean; sections: Set<string> },
): boolean {
  if (cues.pageContext) return true;
  // "definition" and "term" after a name point at the glossary; "stakeholder" at a stakeholder page.
  const cued = cues.cue !== undefined && (pageCues.has(cues.cue) || (cues.cue === 'stakeholder' ? phrase.kind === 'stakeholder' : phrase.kind === 'glossary'));
  switch (phrase.kind) {
    case 'stakeholder':
    case 'action-area':
      return cued || cues.named;
    case 'page':
      // Page titles are distinctive when they have several words ("Technical Guidance").
      return cued || phrase.tokens.length > 1;
    case 'glossary':
      return cues.glossaryMentioned || cued;
    case 'framework':
    case 'resource':
      // These names appear everywhere in the field; only a mention of their section places them.
      return cues.sections.has(phrase.target.page) || cued;
    case 'organization':
      return cues.sections.has(phrase.target.page);
    case 'work-stream':
      return cued || cues.cue === 'stream';
  }
}

/** A name written as a name: its words capitalised (a lone word not just because a sentence starts). */
function isNamed(tokens: Token[], phrase: Phrase): boolean {
  if (phrase.exact) return true;
  const capitalised = tokens.every((t) => smallWords.has(t.text.toLowerCase()) || /^\p{Lu}/u.test(t.text));
  if (!capitalised) return false;
  return tokens.length > 1 || !tokens[0]!.sentenceStart;
}

/** The names a record is known by: its title, aliases and acronym (acronyms matched exactly). */
function namesOf(entry: IndexEntry): Array<{ text: string; exact: boolean }> {
  const names: Array<{ text: string; exact: boolean }> = [];
  const add = (value: unknown, exact = false) => {
    if (typeof value === 'string' && value.trim()) names.push({ text: value.trim(), exact });
  };
  add(entry.title);
  // "Decentralized Identifiers (DID Core)" is also called "Decentralized Identifiers"; "A: B" also "A".
  const short = entry.title.replace(/\s*\([^)]*\)\s*/g, ' ').split(/:\s/)[0]!.trim();
  if (short && short !== entry.title) add(short);
  if (entry.type === 'stakeholder' || entry.type === 'page') add(entry.slug.replace(/-/g, ' '));
  for (const alias of Array.isArray(entry.data.aliases) ? entry.data.aliases : []) add(alias);
  const acronym = entry.data.acronym;
  if (typeof acronym === 'string' && /^[\p{Lu}\p{N}/-]{2,}$/u.test(acronym)) add(acronym, true);
  return names;
}

/** One target per record (or page): a link with an anchor is more precise than a source path. */
function dedupe(targets: PageTarget[]): PageTarget[] {
  const byKey = new Map<string, PageTarget>();
  for (const t of targets) {
    const key = t.entry ? `${t.page}|${t.entry.path}` : `${t.page}|${t.sitePath}`;
    const seen = byKey.get(key);
    if (!seen || (!seen.sitePath.includes('#') && t.sitePath.includes('#'))) byKey.set(key, t);
  }
  return [...byKey.values()];
}
