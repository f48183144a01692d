// `_data/resources-list.yml` (`resources:` groups with `name` and `sites`) → content/resources/.
import { resourceTopics } from '../schema/index.ts';
import type { ImportContext } from './import-context.ts';
import { quoted, type Origin } from './import-log.ts';
import { readFields, readLine, readList, type LegacyYaml } from './legacy-yaml.ts';
import { recordPath } from './record-file.ts';
import { slugify } from './slug.ts';

type Topic = keyof typeof resourceTopics;

/**
 * The mapping table from legacy group names to our topics: the first rule whose words appear in
 * the group's name wins, so "On Employment, Workforce and Governance" is employment-and-workforce.
 */
export const topicRules: readonly { words: RegExp; topic: Topic }[] = [
  { words: /\bgeneral\b/i, topic: 'general' },
  { words: /\b(employment|workforce|hiring|employers?)\b/i, topic: 'employment-and-workforce' },
  { words: /\b(policy|governance|government)\b/i, topic: 'policy-and-governance' },
  { words: /\b(learning|learners?|advocacy|education)\b/i, topic: 'learning-and-advocacy' },
  { words: /\b(technology|technical|standards?|solutions?)\b/i, topic: 'technology-and-standards' },
];

/** The topic for a legacy group name, by the mapping table. */
export function topicOf(groupName: string): Topic | undefined {
  return topicRules.find((r) => r.words.test(groupName))?.topic;
}

/** A short slug from a title: the part before a colon when it has two words or more. */
function resourceSlug(title: string): string {
  const head = title.split(':')[0]!.trim();
  return slugify(head.split(/\s+/).length >= 2 ? head : title, 50);
}

/** Imports the resources; URLs seen twice and missing fields are reported. */
export function importResources(y: LegacyYaml, ctx: ImportContext): void {
  if (!y.root) return;
  const top = readFields(y, y.root, ['resources'], y.file);
  const groups = readList(y, top?.get('resources')?.value ?? null, 'resources');
  const urls = new Map<string, { origin: Origin; title: string }>();
  let count = 0;
  groups.forEach((group, g) => {
    const gf = readFields(y, group, ['name', 'sites'], `resource group ${g + 1}`);
    if (!gf) return;
    const name = readLine(y, gf.get('name')?.value ?? null, 'resource group name');
    const topic = name ? topicOf(name.text) : undefined;
    const groupOrigin = y.origin(group);
    if (!name) y.log.unmapped(groupOrigin, `resource group ${g + 1} has no name, so its resources have no topic`);
    else if (!topic) y.log.unmapped(y.origin(name.node), `resource group ${quoted(name.text)} matches no topic (${Object.keys(resourceTopics).join(', ')}); its resources have no topic`);
    else y.log.changed(y.origin(name.node), `resource group ${quoted(name.text)} → topic "${topic}" (${resourceTopics[topic]})`);
    const sites = readList(y, gf.get('sites')?.value ?? null, `resource group ${quoted(name?.text ?? String(g + 1))} sites`);
    if (sites.length === 0) {
      y.log.unmapped(groupOrigin, `resource group ${quoted(name?.text ?? String(g + 1))} has no sites`);
      y.reported(name?.node);
    }
    sites.forEach((site, k) => {
      const f = readFields(y, site, ['title', 'author', 'url'], `resource ${k + 1} of group ${quoted(name?.text ?? String(g + 1))}`);
      if (!f) return;
      const origin = y.origin(site);
      const title = readLine(y, f.get('title')?.value ?? null, 'resource title');
      const what = `resource ${title ? quoted(title.text) : `${k + 1}`}`;
      if (!title) y.log.unmapped(origin, `${what} has no title`);
      const slug = ctx.claim('resource', resourceSlug(title?.text ?? `resource-${g + 1}-${k + 1}`), origin);
      const path = recordPath('resource', slug);
      // The group's name shows on the page as the topic's label.
      if (name && k === 0) y.use(name.node, path, topic ? [resourceTopics[topic]] : []);
      if (title) y.use(title.node, path);
      const author = readLine(y, f.get('author')?.value ?? null, `${what} author`);
      if (author) y.use(author.node, path);
      else y.log.unmapped(origin, `${what} has no author (publisher)`);
      const url = readLine(y, f.get('url')?.value ?? null, `${what} url`);
      if (url) {
        y.use(url.node, path);
        const first = urls.get(url.text);
        if (first) y.log.unmapped(y.origin(url.node), `${what} has the same URL as ${quoted(first.title)} at ${first.origin.file}:${first.origin.line}; both are imported`);
        else urls.set(url.text, { origin: y.origin(url.node), title: title?.text ?? slug });
      } else y.log.unmapped(origin, `${what} has no url`);
      ctx.write('resource', slug, { title: title?.text, publisher: author?.text, url: url?.text, topic }, '');
      count++;
    });
  });
  if (count > 0) {
    y.log.unmapped(top?.get('resources')?.origin ?? y.origin(y.root), `the legacy resources name no stakeholders; each of the ${count} resources needs "stakeholders:" (the validator lists them)`);
  }
}
