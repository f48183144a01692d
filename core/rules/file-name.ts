// file-name: a record's file name is its slug (lowercase letters, digits and single hyphens)
// with the extension .md; icons are .svg files named the same way.
import { contentTypes, iconFolder } from '../schema/index.ts';
import { defineRule } from '../rule.ts';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const recordFolders = new Set(Object.values(contentTypes).map((t) => `content/${t.folder}`));

/** The slug a file name would have if written correctly ("Open_Badges 3" → "open-badges-3"). */
function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export default defineRule({
  id: 'file-name',
  severity: 'error',
  description: 'Record files are named `<slug>.md` (icons `<slug>.svg`), the slug in lowercase letters, digits and hyphens.',
  help: 'Rename the file as the message suggests; the file name is the record\'s address on the site, so update links to it.',
  check({ file, report }) {
    const slash = file.path.lastIndexOf('/');
    const folder = file.path.slice(0, slash);
    const name = file.path.slice(slash + 1);
    const wantedExt = recordFolders.has(folder) ? '.md' : folder === iconFolder ? '.svg' : undefined;
    if (!wantedExt) return;
    const dot = name.lastIndexOf('.');
    const base = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    if (ext === wantedExt && slugPattern.test(base)) return;
    const wanted = `${slugify(base) || 'name'}${wantedExt}`;
    if (ext !== wantedExt) {
      report({ start: 0, end: 0, reason: `Unexpected file name "${name}", expected the extension "${wantedExt}" ("${wanted}")`, expected: [wanted] });
    } else {
      report({ start: 0, end: 0, reason: `Unexpected file name "${name}", expected lowercase words joined by hyphens ("${wanted}")`, expected: [wanted] });
    }
  },
});
