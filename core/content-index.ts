// The cross-file index: what every record is called and where, built from front matter
// alone (fast path: no markdown parse), and updated with a pull request's changes.
import { isMap, isScalar, parseDocument } from 'yaml';
import { contentTypes, type ContentTypeName, typeOfPath } from './schema/index.ts';
import { decode, forbiddenKeys } from './parse.ts';
import { readPlainYaml } from './plain-yaml.ts';
import { headingId, recordPath } from './urls.ts';
import type { SourceFile } from './types.ts';

export interface IndexEntry {
  type: ContentTypeName;
  slug: string;
  path: string;
  /** The record's name (name, title or term), or the slug when missing. */
  title: string;
  /** 1-based line of each top-level front-matter key, for "first defined here" causes. */
  keyLines: Record<string, number>;
  /** Front-matter data, when it parsed (a copy without forbidden keys). */
  data: Record<string, unknown>;
  /** Anchors of the body's headings. */
  headings: string[];
}

export interface ContentIndex {
  /** Every record by repository-relative path. */
  entries: Map<string, IndexEntry>;
  /** Records by type, then slug. */
  byType: Map<ContentTypeName, Map<string, IndexEntry>>;
  /** Other files under content/ (icons and assets), by path. */
  assets: Set<string>;
  /** Every internal site path and anchor that exists ("/glossary/#issuer", "/about/"). */
  targets: Set<string>;
}

const frontMatterPattern = /^\uFEFF?---\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;
const headingPattern = /^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm;

/** One record's index entry from its raw text, or undefined when it is not a record. */
export function indexEntryOf(source: SourceFile): IndexEntry | undefined {
  const type = typeOfPath(source.path);
  if (!type) return undefined;
  const slug = source.path.split('/').pop()!.replace(/\.md$/, '');
  const headings: string[] = [];
  const decoded = decode(source.content);
  const text = 'text' in decoded ? decoded.text : '';
  const m = frontMatterPattern.exec(text);
  const body = m ? text.slice(m[0].length) : text;
  if (body.includes('#')) for (const h of body.matchAll(headingPattern)) headings.push(headingId(h[1]!.replace(/[*_`[\]]/g, '')));
  // The front matter is read on first use: most checks only need the slugs and headings of
  // most records, and YAML parsing is the expensive part of building an index.
  let parsed: { data: Record<string, unknown>; keyLines: Record<string, number>; title: string } | undefined;
  const read = () => (parsed ??= readFrontMatter(type, slug, m ? (m[1] ?? '') : undefined, m ? text.slice(0, m.index).split('\n').length + 1 : 0));
  const entry = { type, slug, path: source.path, headings } as IndexEntry;
  Object.defineProperties(entry, {
    data: { enumerable: true, get: () => read().data },
    keyLines: { enumerable: true, get: () => read().keyLines },
    title: { enumerable: true, get: () => read().title },
  });
  return entry;
}

/** Data, key lines and title of a record's front matter (empty when it does not parse). */
function readFrontMatter(type: ContentTypeName, slug: string, yamlText: string | undefined, firstLine: number) {
  const out = { data: {} as Record<string, unknown>, keyLines: {} as Record<string, number>, title: slug };
  if (yamlText === undefined) return out;
  const options = { uniqueKeys: false, strict: false, merge: false } as const;
  const doc = readPlainYaml(yamlText, options) ?? parseDocument(yamlText, options);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return out;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (forbiddenKeys.has(key)) continue;
    const offset = pair.key.range?.[0] ?? 0;
    out.keyLines[key] = firstLine + countNewlines(yamlText, offset);
  }
  try {
    // maxAliasCount 0: any alias throws (the full parse reports it); this keeps alias bombs out.
    const data = doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown>;
    out.data = withoutForbiddenKeys(data) as Record<string, unknown>;
  } catch {
    out.data = {};
  }
  const title = out.data[contentTypes[type].titleField];
  if (typeof title === 'string' && title.trim()) out.title = title.trim();
  return out;
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** A deep copy of plain data without `__proto__`, `constructor` or `prototype` keys. */
function withoutForbiddenKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutForbiddenKeys);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (!forbiddenKeys.has(key)) out[key] = withoutForbiddenKeys((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  return value;
}

/** Builds the index of a set of files (records and assets). */
export function buildIndex(files: Iterable<SourceFile>): ContentIndex {
  const entries = new Map<string, IndexEntry>();
  const assets = new Set<string>();
  for (const file of files) {
    const entry = indexEntryOf(file);
    if (entry) entries.set(file.path, entry);
    else if (file.path.startsWith('content/')) assets.add(file.path);
  }
  return deriveIndex(entries, assets);
}

/** The index with some files changed or added and some paths removed (a pull request). */
export function updateIndex(index: ContentIndex, changed: Iterable<SourceFile>, removed: Iterable<string> = []): ContentIndex {
  const entries = new Map(index.entries);
  const assets = new Set(index.assets);
  for (const path of removed) {
    entries.delete(path);
    assets.delete(path);
  }
  for (const file of changed) {
    const entry = indexEntryOf(file);
    if (entry) entries.set(file.path, entry);
    else if (file.path.startsWith('content/')) assets.add(file.path);
  }
  return deriveIndex(entries, assets);
}

function deriveIndex(entries: Map<string, IndexEntry>, assets: Set<string>): ContentIndex {
  const byType = new Map<ContentTypeName, Map<string, IndexEntry>>();
  for (const name of Object.keys(contentTypes) as ContentTypeName[]) byType.set(name, new Map());
  const targets = new Set<string>(['/', '/stakeholders/', '/work-streams/', '/action-areas/', '/glossary/', '/frameworks/', '/resources/', '/search/']);
  for (const entry of entries.values()) {
    const slugs = byType.get(entry.type)!;
    if (!slugs.has(entry.slug)) slugs.set(entry.slug, entry);
    const path = recordPath(entry.type, entry.slug);
    targets.add(path);
    const page = path.split('#')[0]!;
    targets.add(page);
    if (!path.includes('#')) for (const h of entry.headings) targets.add(`${page}#${h}`);
  }
  return { entries, byType, assets, targets };
}
