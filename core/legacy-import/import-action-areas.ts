// `_data/action-items-content.yml` (`actions:` with name, title, description) → content/action-areas/.
import type { ImportContext } from './import-context.ts';
import { readFields, readLine, readList, readMarkdown, type LegacyYaml } from './legacy-yaml.ts';
import { recordPath } from './record-file.ts';
import { slugify } from './slug.ts';

/** Imports the action areas and registers their legacy names for the stakeholders file. */
export function importActionAreas(y: LegacyYaml, ctx: ImportContext): void {
  if (!y.root) return;
  const top = readFields(y, y.root, ['actions'], y.file);
  const actions = readList(y, top?.get('actions')?.value ?? null, 'actions');
  if (top && actions.length === 0) y.log.unmapped(top.get('actions')?.origin ?? y.origin(y.root), 'no actions found under "actions:"');
  actions.forEach((node, i) => {
    const fields = readFields(y, node, ['name', 'title', 'description'], `action ${i + 1}`);
    if (!fields) return;
    const origin = y.origin(node);
    const name = readLine(y, fields.get('name')?.value ?? null, 'action name');
    const title = readLine(y, fields.get('title')?.value ?? null, 'action title');
    const what = `action "${title?.text ?? name?.text ?? i + 1}"`;
    if (!title) y.log.unmapped(origin, `${what} has no title; its slug comes from its name`);
    const slug = ctx.claim('action-area', slugify(title?.text ?? name?.text ?? `action-${i + 1}`), origin);
    const path = recordPath('action-area', slug);
    if (name) {
      // The legacy name is an identifier other files use; it is kept in the report, not on a page.
      y.log.note(y.origin(name.node), `action name "${name.text}" → ${path}`);
      y.reported(name.node);
      ctx.actions.set(name.text.toLowerCase(), { slug, title: title?.text ?? name.text });
    } else y.log.unmapped(origin, `${what} has no name, so stakeholders cannot refer to it by name`);
    if (title) {
      y.use(title.node, path, [title.text]);
      ctx.actions.set(title.text.toLowerCase(), { slug, title: title.text });
    }
    ctx.actions.set(slug, { slug, title: title?.text ?? name?.text ?? slug });
    const description = readMarkdown(y, fields.get('description')?.value ?? null, `${what} description`);
    if (description) y.use(description.node, path, description.shows);
    else y.log.unmapped(origin, `${what} has no description`);
    ctx.write('action-area', slug, { title: title?.text ?? name?.text, order: i + 1 }, description?.markdown ?? '');
  });
}
