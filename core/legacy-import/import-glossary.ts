// `_data/glossary-list.yml` (`terms:` with term, definition or a `list` of senses) → content/glossary/.
import type { ImportContext } from './import-context.ts';
import type { Origin } from './import-log.ts';
import { readFields, readList, readLine, readMarkdown, type LegacyYaml } from './legacy-yaml.ts';
import { recordPath } from './record-file.ts';
import { slugify } from './slug.ts';

interface Term {
  slug: string;
  term: string;
  acronym?: string;
  origin: Origin;
  /** What a reader sees of the definition, for finding mentions of other terms. */
  text: string;
  body: string;
}

/** "Comprehensive Learner Record (CLR)" → term and acronym; other brackets stay in the term. */
export function splitAcronym(text: string): { term: string; acronym?: string } {
  const m = /^(.*\S)\s*\(([^()]+)\)$/.exec(text.trim());
  if (!m) return { term: text.trim() };
  const inner = m[2]!.trim();
  // An acronym: one word of capitals, digits and joiners ("CLR", "LER/VC"), with at least two capitals.
  if (/^[A-Za-z0-9][A-Za-z0-9/.&-]{0,11}$/.test(inner) && (inner.match(/[A-Z]/g) ?? []).length >= 2) return { term: m[1]!, acronym: inner };
  return { term: text.trim() };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Other terms a definition mentions (longest names first, each place counted once), in order of mention. */
export function mentionedTerms(text: string, self: { slug: string; term: string; acronym?: string }, terms: readonly { slug: string; term: string; acronym?: string }[]): string[] {
  const hits: { start: number; end: number; slug: string }[] = [];
  for (const t of terms) {
    const patterns = [new RegExp(`(?<![\\w-])${escape(t.term)}(?:s|es)?(?![\\w])`, 'gi')];
    if (t.acronym) patterns.push(new RegExp(`(?<![\\w/])${escape(t.acronym)}s?(?![\\w/])`, 'g'));
    for (const p of patterns) for (const m of text.matchAll(p)) hits.push({ start: m.index, end: m.index + m[0].length, slug: t.slug });
  }
  // Longer mentions win: "Verifiable Credential" is not also a mention of "Credential".
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: { start: number; end: number; slug: string }[] = [];
  for (const h of hits) if (!taken.some((t) => h.start < t.end && t.start < h.end)) taken.push(h);
  taken.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  for (const t of taken) if (t.slug !== self.slug && !out.includes(t.slug)) out.push(t.slug);
  return out;
}

/** Imports the glossary; related terms are derived from mentions and reported, never invented. */
export function importGlossary(y: LegacyYaml, ctx: ImportContext): void {
  if (!y.root) return;
  const top = readFields(y, y.root, ['terms'], y.file);
  const terms: Term[] = [];
  readList(y, top?.get('terms')?.value ?? null, 'terms').forEach((node, i) => {
    const fields = readFields(y, node, ['term', 'definition', 'list'], `term ${i + 1}`);
    if (!fields) return;
    const origin = y.origin(node);
    const term = readLine(y, fields.get('term')?.value ?? null, 'term');
    if (!term) {
      y.log.unmapped(origin, `term ${i + 1} has no "term" (its name); it is not imported`);
      y.reported(node);
      return;
    }
    const what = `term "${term.text}"`;
    const split = splitAcronym(term.text);
    if (split.acronym) y.log.changed(y.origin(term.node), `split "${term.text}" into term "${split.term}" and acronym "${split.acronym}"`);
    const slug = ctx.claim('glossary', slugify(split.term), origin);
    const path = recordPath('glossary', slug);
    y.use(term.node, path, split.acronym ? [split.term, split.acronym] : [split.term]);
    const parts: string[] = [];
    const shows: string[] = [];
    const definition = readMarkdown(y, fields.get('definition')?.value ?? null, `${what} definition`);
    if (definition) {
      y.use(definition.node, path, definition.shows);
      parts.push(definition.markdown);
      shows.push(...definition.shows);
    }
    // `list` holds numbered senses; the legacy page showed them as an ordered list.
    const senses: string[] = [];
    for (const sense of readList(y, fields.get('list')?.value ?? null, `${what} list`)) {
      const md = readMarkdown(y, sense, `${what} sense`);
      if (!md) continue;
      y.use(md.node, path, md.shows);
      senses.push(md.markdown);
      shows.push(...md.shows);
    }
    if (senses.length) parts.push(senses.map((s, k) => `${k + 1}. ${s.replace(/\n/g, '\n   ')}`).join('\n'));
    if (parts.length === 0) y.log.unmapped(origin, `${what} has no definition or list`);
    terms.push({ slug, term: split.term, acronym: split.acronym, origin, text: shows.join(' '), body: parts.join('\n\n') });
  });
  for (const t of terms) {
    const related = mentionedTerms(t.text, t, terms);
    if (related.length) y.log.changed(t.origin, `term "${t.term}": related terms derived from mentions in its definition: ${related.join(', ')} (check them)`);
    else y.log.unmapped(t.origin, `term "${t.term}": no related terms (the legacy glossary has none and the definition mentions no other term); add them by hand`);
    ctx.write('glossary', t.slug, { term: t.term, acronym: t.acronym, related: related.length ? related : undefined }, t.body);
  }
}
