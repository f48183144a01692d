// `_data/stakeholders-list.yml` → content/stakeholders/ and the four content/work-streams/ records.
import { isMap, isScalar, type Node } from 'yaml';
import { workStreamSlugs } from '../schema/index.ts';
import type { ImportContext } from './import-context.ts';
import { quoted, type Origin } from './import-log.ts';
import { isEmpty, readFields, readLine, readList, readMarkdown, type LegacyYaml } from './legacy-yaml.ts';
import { recordPath } from './record-file.ts';
import { isSlug, slugify } from './slug.ts';
import { splitExamples } from './split-examples.ts';

const stakeholderKeys = [
  'name', 'icon', 'icon-alt', 'url', 'definition', 'examples', 'sections', 'action-areas',
  'business-case', 'social-case', 'quote-text', 'quote-description',
] as const;

type WorkStream = (typeof workStreamSlugs)[number];

/** A section's subheader, kept until the work stream's own subheader is chosen. */
interface Subheader {
  stream: WorkStream;
  text: string;
  node: Node;
  origin: Origin;
  stakeholder: string;
}

/** The work stream a legacy section title names ("Developing" → developing), if any. */
function streamOf(title: string): WorkStream | undefined {
  const key = slugify(title);
  return workStreamSlugs.find((s) => s === key);
}

/** Strips quotation marks that wrap a whole quote (the model stores the words only). */
function unquote(text: string): string {
  const pairs: [string, string][] = [['“', '”'], ['"', '"'], ['‘', '’'], ["'", "'"]];
  for (const [open, close] of pairs) {
    if (text.length > 2 && text.startsWith(open) && text.endsWith(close)) {
      const inner = text.slice(open.length, text.length - close.length);
      // Only when the marks pair up: "a" and "b" is two quotes, not one quoted text.
      if (open === close ? !inner.includes(open) : inner.split(open).length === inner.split(close).length) return inner.trim();
    }
  }
  return text;
}

/** The name of a stakeholder entry before its fields are read, to name it in messages. */
function peekName(node: Node): string | undefined {
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value).trim() === 'name');
  return isScalar(pair?.value) && typeof pair.value.value === 'string' ? `stakeholder "${pair.value.value.trim()}"` : undefined;
}

/** Imports the stakeholders, then writes the work streams their sections name. */
export function importStakeholders(y: LegacyYaml, ctx: ImportContext): void {
  if (!y.root) return;
  const top = readFields(y, y.root, ['stakeholders'], y.file);
  const items = readList(y, top?.get('stakeholders')?.value ?? null, 'stakeholders');
  const subheaders: Subheader[] = [];
  const titles = new Map<WorkStream, { text: string; count: number }[]>();
  items.forEach((node, i) => {
    const fields = readFields(y, node, stakeholderKeys, peekName(node) ?? `stakeholder ${i + 1}`);
    if (!fields) return;
    const origin = y.origin(node);
    const get = (key: (typeof stakeholderKeys)[number]) => fields.get(key)?.value ?? null;
    const name = readLine(y, get('name'), 'stakeholder name');
    const what = `stakeholder "${name?.text ?? i + 1}"`;
    if (!name) y.log.unmapped(origin, `stakeholder ${i + 1} has no name`);

    // The legacy `url` is the page's slug; keep it when it is one.
    const url = readLine(y, get('url'), `${what} url`);
    let slug: string;
    if (url && isSlug(url.text)) slug = url.text;
    else if (url) {
      slug = slugify(url.text);
      y.log.changed(y.origin(url.node), `${what}: url ${quoted(url.text)} is not a slug; used "${slug}"`);
    } else {
      slug = slugify(name?.text ?? `stakeholder-${i + 1}`);
      y.log.changed(origin, `${what} has no url; its slug "${slug}" comes from its name`);
    }
    slug = ctx.claim('stakeholder', slug, origin);
    const path = recordPath('stakeholder', slug);
    if (url) y.use(url.node, path, []);
    if (url) ctx.stakeholders.set(url.text, { slug, name: name?.text ?? slug, origin });
    ctx.stakeholders.set(slug, { slug, name: name?.text ?? slug, origin });
    const data: Record<string, unknown> = { name: name?.text, order: i + 1 };
    if (name) y.use(name.node, path);

    const icon = readLine(y, get('icon'), `${what} icon`);
    if (icon) {
      data.icon = icon.text;
      y.use(icon.node, path, [icon.text], 'icon');
    }
    const alt = readLine(y, get('icon-alt'), `${what} icon-alt`);
    if (alt) {
      data.icon_alt = alt.text;
      y.use(alt.node, path);
    }

    data.examples = readExamples(y, get('examples'), what, path);
    const definition = readMarkdown(y, get('definition'), `${what} definition`);
    if (definition) y.use(definition.node, path, definition.shows);
    else y.log.unmapped(fields.get('definition')?.origin ?? origin, `${what} has no definition (it becomes the body)`);

    // sections → work_streams: one list of bullets per stream.
    const streams: Partial<Record<WorkStream, string[]>> = {};
    readList(y, get('sections'), `${what} sections`).forEach((section, k) => {
      const sf = readFields(y, section, ['title', 'subheader', 'bullets'], `${what} section ${k + 1}`, { description: 'subheader' });
      if (!sf) return;
      const title = readLine(y, sf.get('title')?.value ?? null, `${what} section title`);
      const stream = title ? streamOf(title.text) : undefined;
      if (!title || !stream) {
        y.log.unmapped(y.origin(section), `${what}: section ${title ? quoted(title.text) : k + 1} is not one of the work streams Developing, Issuing, Using, Adopting; it is not imported`);
        y.reported(section);
        return;
      }
      const known = titles.get(stream) ?? [];
      const seen = known.find((t) => t.text === title.text);
      if (seen) seen.count++;
      else known.push({ text: title.text, count: 1 });
      titles.set(stream, known);
      const list = streams[stream] ?? [];
      if (streams[stream]) y.log.changed(y.origin(section), `${what}: a second "${title.text}" section; its bullets are added to the first`);
      const sub = readLine(y, sf.get('subheader')?.value ?? null, `${what} ${title.text} subheader`);
      if (sub) subheaders.push({ stream, text: sub.text, node: sub.node, origin: y.origin(sub.node), stakeholder: path });
      const bullets = readBullets(y, sf.get('bullets')?.value ?? null, `${what} ${title.text} bullets`, path);
      list.push(...bullets);
      if (list.length > 0) {
        streams[stream] = list;
        y.use(title.node, path, [title.text]);
      } else {
        y.log.unmapped(y.origin(section), `${what}: section "${title.text}" has no bullets`);
        y.reported(title.node);
      }
    });
    const workStreams: Record<string, string[]> = {};
    for (const s of workStreamSlugs) if (streams[s]) workStreams[s] = streams[s]!;
    if (Object.keys(workStreams).length > 0) data.work_streams = workStreams;
    if (isEmpty(get('sections'))) y.log.unmapped(fields.get('sections')?.origin ?? origin, `${what} has no sections (work streams)`);

    // action-areas → action_areas keyed by the action area's slug.
    const areas: Record<string, string[]> = {};
    readList(y, get('action-areas'), `${what} action-areas`).forEach((entry, k) => {
      const af = readFields(y, entry, ['title', 'bullets'], `${what} action area ${k + 1}`);
      if (!af) return;
      const title = readLine(y, af.get('title')?.value ?? null, `${what} action area title`);
      if (!title) {
        y.log.unmapped(y.origin(entry), `${what}: action area ${k + 1} has no title (the action's name); it is not imported`);
        y.reported(entry);
        return;
      }
      const action = ctx.actions.get(title.text.toLowerCase()) ?? ctx.actions.get(slugify(title.text));
      const key = action?.slug ?? slugify(title.text);
      if (!action) {
        y.log.unmapped(y.origin(title.node), `${what}: action "${title.text}" is not an action in _data/action-items-content.yml; kept as action_areas key "${key}" for a maintainer to map`);
      }
      const bullets = readBullets(y, af.get('bullets')?.value ?? null, `${what} ${title.text} bullets`, path);
      if (bullets.length > 0) y.use(title.node, path, [action?.title ?? key]);
      else {
        y.log.unmapped(y.origin(entry), `${what}: action area "${title.text}" has no bullets`);
        y.reported(title.node);
      }
      if (areas[key] && bullets.length) y.log.changed(y.origin(entry), `${what}: action area "${title.text}" appears twice; its bullets are added to the first`);
      if (bullets.length) areas[key] = [...(areas[key] ?? []), ...bullets];
    });
    if (Object.keys(areas).length > 0) data.action_areas = areas;
    else y.log.unmapped(fields.get('action-areas')?.origin ?? origin, `${what} has no action areas with bullets`);

    for (const [legacy, key] of [['business-case', 'business_case'], ['social-case', 'social_case']] as const) {
      const cases = readCases(y, get(legacy), `${what} ${legacy}`, path);
      if (cases.length > 0) data[key] = cases;
      else y.log.unmapped(fields.get(legacy)?.origin ?? origin, `${what} has no ${legacy}`);
    }

    const quoteText = readLine(y, get('quote-text'), `${what} quote-text`);
    const attribution = readLine(y, get('quote-description'), `${what} quote-description`);
    if (quoteText || attribution) {
      const quote: Record<string, string> = {};
      if (quoteText) {
        quote.text = unquote(quoteText.text);
        if (quote.text !== quoteText.text) y.log.changed(y.origin(quoteText.node), `${what}: removed the quotation marks around the quote`);
        y.use(quoteText.node, path, [quote.text]);
      } else y.log.unmapped(fields.get('quote-description')!.origin, `${what} has a quote-description but no quote-text`);
      if (attribution) {
        quote.attribution = attribution.text;
        y.use(attribution.node, path);
      } else y.log.unmapped(fields.get('quote-text')!.origin, `${what} has a quote-text but no quote-description (attribution)`);
      data.quote = quote;
    }
    ctx.write('stakeholder', slug, data, definition?.markdown ?? '');
  });
  writeWorkStreams(y, ctx, titles, subheaders);
}

/** `examples` is prose in the legacy data; it becomes list items where a split is unambiguous. */
function readExamples(y: LegacyYaml, node: Node | null, what: string, path: string): string[] | undefined {
  const n = y.deref(node);
  if (isEmpty(n)) {
    y.log.unmapped(y.origin(n), `${what} has no examples`);
    return undefined;
  }
  if (isScalar(n)) {
    const line = readLine(y, n, `${what} examples`);
    if (!line) return undefined;
    const split = splitExamples(line.text);
    if ('items' in split) {
      if (split.items.length > 1) y.log.changed(y.origin(n), `${what}: split the examples at commas into ${split.items.length} list items`);
      y.use(n, path, split.items);
      return split.items;
    }
    y.log.unmapped(y.origin(n), `${what}: examples kept as one list item because splitting at commas is not safe (${split.keep}); split them by hand`);
    y.use(n, path, [line.text]);
    return [line.text];
  }
  return readBullets(y, n, `${what} examples`, path);
}

/** A list of one-line texts (bullets, examples); text where a list belongs becomes one item. */
function readBullets(y: LegacyYaml, node: Node | null, what: string, path: string): string[] {
  const out: string[] = [];
  for (const item of readList(y, node, what)) {
    const line = readLine(y, item, what);
    if (!line) continue;
    y.use(line.node, path, [line.text]);
    out.push(line.text);
  }
  return out;
}

/** business-case / social-case: lists of `{title, description}`. */
function readCases(y: LegacyYaml, node: Node | null, what: string, path: string): { title?: string; description?: string }[] {
  const out: { title?: string; description?: string }[] = [];
  readList(y, node, what).forEach((item, k) => {
    const f = readFields(y, item, ['title', 'description'], `${what} ${k + 1}`);
    if (!f) return;
    const title = readLine(y, f.get('title')?.value ?? null, `${what} title`);
    const description = readLine(y, f.get('description')?.value ?? null, `${what} description`);
    if (!title && !description) {
      y.log.unmapped(y.origin(item), `${what} ${k + 1} is empty`);
      return;
    }
    const entry: { title?: string; description?: string } = {};
    if (title) {
      entry.title = title.text;
      y.use(title.node, path);
    } else y.log.unmapped(y.origin(item), `${what} ${k + 1} has no title`);
    if (description) {
      entry.description = description.text;
      y.use(description.node, path);
    } else y.log.unmapped(y.origin(item), `${what} ${k + 1} has no description`);
    out.push(entry);
  });
  return out;
}

/**
 * Writes one work stream per stream the sections name. Its subheader is the one most stakeholders
 * use (the first in the file on a tie); every different subheader is reported with its place.
 */
function writeWorkStreams(y: LegacyYaml, ctx: ImportContext, titles: Map<WorkStream, { text: string; count: number }[]>, subheaders: Subheader[]): void {
  workStreamSlugs.forEach((stream, i) => {
    const named = titles.get(stream);
    if (!named) return;
    const title = [...named].sort((a, b) => b.count - a.count)[0]!.text;
    const mine = subheaders.filter((s) => s.stream === stream);
    const tally = new Map<string, number>();
    for (const s of mine) tally.set(s.text, (tally.get(s.text) ?? 0) + 1);
    let chosen: string | undefined;
    for (const [text, n] of tally) if (chosen === undefined || n > tally.get(chosen)!) chosen = text;
    const slug = ctx.claim('work-stream', stream, mine[0]?.origin ?? y.origin(y.root));
    const path = recordPath('work-stream', slug);
    for (const s of mine) {
      if (s.text === chosen) y.use(s.node, path, [s.text]);
      else {
        y.log.unmapped(s.origin, `subheader ${quoted(s.text)} differs from the ${title} work stream's subheader ${quoted(chosen!)} (kept in ${path}, used by ${tally.get(chosen!)} of ${mine.length} stakeholders); not imported`);
        y.reported(s.node);
      }
    }
    if (chosen === undefined) y.log.unmapped(y.origin(y.root), `no section of the ${title} work stream has a subheader`);
    ctx.write('work-stream', slug, { title, subheader: chosen, order: i + 1 }, '');
  });
  if (titles.size > 0) {
    y.log.note(y.origin(y.root), 'work streams are written from the stakeholders\' sections; the legacy data has no work stream descriptions, so their bodies are empty');
  }
}
