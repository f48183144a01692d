// The site's view of the content: records of each type in reading order, lookups, icons and
// glossary linking, built from what core loaded (parsed once; nothing here re-reads a file).
import {
  contentTypes,
  createGlossaryLinker,
  recordPath,
  renderIcon,
  resourceTopics,
  sortKey,
  type ContentTypeName,
  type LoadedContent,
  type ParsedFile,
  type RecordData,
} from '#core';
import type { Root } from 'mdast';

/** One content record, ready for templates. */
export interface SiteRecord<T extends ContentTypeName = ContentTypeName> {
  type: T;
  slug: string;
  /** Repository-relative source path ("content/stakeholders/employers.md"). */
  path: string;
  /** The record's name, title or term. */
  title: string;
  /** Site path of the record (with its anchor on shared pages), from core's URL scheme. */
  url: string;
  data: RecordData<T>;
  /** The markdown body as written (for the open data). */
  markdown: string;
  /** The markdown body as mdast (front matter node included; renderers skip it). */
  body: Root;
  /** ISO date of the last commit that changed the file, when git knows it. */
  updated?: string;
}

export type ResourceTopic = keyof typeof resourceTopics;

export interface SiteModel {
  stakeholders: SiteRecord<'stakeholder'>[];
  workStreams: SiteRecord<'work-stream'>[];
  actionAreas: SiteRecord<'action-area'>[];
  glossary: SiteRecord<'glossary'>[];
  resources: SiteRecord<'resource'>[];
  frameworks: SiteRecord<'framework'>[];
  pages: SiteRecord<'page'>[];
  organizations: SiteRecord<'organization'>[];
  /** Records by type and slug, for cross-references. */
  bySlug: { [T in ContentTypeName]: Map<string, SiteRecord<T>> };
  /** Safe inline SVG markup of each icon file, by file name ("employers.svg"). */
  icons: Map<string, string>;
  /** Topics in display order with their labels. */
  topics: { slug: ResourceTopic; label: string }[];
  resourcesByTopic: Map<ResourceTopic, SiteRecord<'resource'>[]>;
  resourcesByStakeholder: Map<string, SiteRecord<'resource'>[]>;
  glossaryLinker: ReturnType<typeof createGlossaryLinker>;
  /** Date of the last commit that changed each file, by repository path. */
  updated: ReadonlyMap<string, string>;
  /** Date of the newest change to any file in a content folder ("content/glossary"). */
  folderUpdated: Map<string, string>;
}

const byOrder = <T extends ContentTypeName>(a: SiteRecord<T>, b: SiteRecord<T>) =>
  ((a.data as { order?: number }).order ?? Infinity) - ((b.data as { order?: number }).order ?? Infinity) || byTitle(a, b);
const byTitle = (a: SiteRecord, b: SiteRecord) => sortKey(a.title).localeCompare(sortKey(b.title), 'en') || a.slug.localeCompare(b.slug);
const roleOrder = ['partner', 'funder', 'thanks'];

/** Builds the site model from loaded (and already validated) content and git dates. */
export function buildSiteModel(loaded: LoadedContent, dates: ReadonlyMap<string, string>): SiteModel {
  const bySlug = Object.fromEntries(
    ['stakeholder', 'work-stream', 'action-area', 'glossary', 'resource', 'framework', 'page', 'organization'].map((t) => [t, new Map()]),
  ) as SiteModel['bySlug'];
  const all: SiteRecord[] = [];
  for (const file of loaded.files) {
    const record = toRecord(file, dates);
    if (!record) continue;
    const map = bySlug[record.type] as Map<string, SiteRecord>;
    if (map.has(record.slug)) continue; // duplicates are reported by the checker; the first wins
    map.set(record.slug, record);
    all.push(record);
  }
  const list = <T extends ContentTypeName>(type: T) => [...bySlug[type].values()] as SiteRecord<T>[];

  const icons = new Map<string, string>();
  const decoder = new TextDecoder();
  for (const source of loaded.sources) {
    const m = /^content\/icons\/([^/]+\.svg)$/.exec(source.path);
    if (!m || source.unreadable) continue;
    const text = typeof source.content === 'string' ? source.content : decoder.decode(source.content);
    icons.set(m[1]!, renderIcon(text, { className: 'icon' }));
  }

  const resources = list('resource').sort(byTitle);
  const topics = (Object.keys(resourceTopics) as ResourceTopic[]).map((slug) => ({ slug, label: resourceTopics[slug] }));
  const resourcesByTopic = new Map(topics.map((t) => [t.slug, resources.filter((r) => r.data.topic === t.slug)]));
  const resourcesByStakeholder = new Map<string, SiteRecord<'resource'>[]>();
  for (const r of resources) {
    for (const s of r.data.stakeholders) {
      if (!resourcesByStakeholder.has(s)) resourcesByStakeholder.set(s, []);
      resourcesByStakeholder.get(s)!.push(r);
    }
  }

  const glossary = list('glossary').sort(byTitle);
  const folderUpdated = new Map<string, string>();
  for (const r of all) {
    if (!r.updated) continue;
    const folder = r.path.slice(0, r.path.lastIndexOf('/'));
    if ((folderUpdated.get(folder) ?? '') < r.updated) folderUpdated.set(folder, r.updated);
  }

  return Object.freeze({
    stakeholders: list('stakeholder').sort(byOrder),
    workStreams: list('work-stream').sort(byOrder),
    actionAreas: list('action-area').sort(byOrder),
    glossary,
    resources,
    frameworks: list('framework').sort(byTitle),
    pages: list('page').sort(byOrder),
    organizations: list('organization').sort(
      (a, b) => roleOrder.indexOf(a.data.role) - roleOrder.indexOf(b.data.role) || byTitle(a, b),
    ),
    bySlug,
    icons,
    topics,
    resourcesByTopic,
    resourcesByStakeholder,
    glossaryLinker: createGlossaryLinker(
      glossary.map((g) => ({ slug: g.slug, term: g.data.term, acronym: g.data.acronym, aliases: g.data.aliases })),
    ),
    updated: dates,
    folderUpdated,
  });
}

function toRecord(file: ParsedFile, dates: ReadonlyMap<string, string>): SiteRecord | undefined {
  if (!file.type || !file.data || !file.tree) return undefined;
  const name = file.data[contentTypes[file.type].titleField];
  // Frozen so that Eleventy's data merging shares records instead of deep-copying them per page.
  return Object.freeze({
    type: file.type,
    slug: file.slug,
    path: file.path,
    title: typeof name === 'string' && name.trim() ? name.trim() : file.slug,
    url: recordPath(file.type, file.slug),
    data: file.data as RecordData<ContentTypeName>,
    markdown: file.text.slice(file.bodyStart).trim(),
    body: file.tree,
    updated: dates.get(file.path),
  } as SiteRecord);
}
