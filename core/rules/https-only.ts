// https-only: links use https. URL fields hold absolute https:// URLs; markdown links and URLs
// written in text use https (http:// is fixed mechanically) and no other scheme but mailto:.
import { fieldStrings } from '../field-strings.ts';
import { defineRule, type Report } from '../rule.ts';
import { nodesOfType } from '../tree-nodes.ts';

const insecure = /\bhttp:\/\/[^\s<>"'`)\]]*/gi;
const allowedSchemes = new Set(['https:', 'mailto:', 'tel:']);

function upgrade(url: string): string {
  return url.replace(/^http:/i, 'https:');
}

/** A report for an http:// URL at an offset, with the fix that adds the "s". */
function insecureAt(start: number, url: string): Report {
  return {
    start,
    end: start + url.length,
    reason: `Unexpected insecure URL "${url}", expected "${upgrade(url)}"`,
    expected: [upgrade(url)],
    fix: [{ start, end: start + 4, text: 'https' }],
  };
}

export default defineRule({
  id: 'https-only',
  severity: 'error',
  description: 'URLs use https://: URL fields are absolute https URLs, and links in text never use http:// or other schemes (mailto: excepted).',
  help: 'Write https:// instead of http:// (`npm run check -- --fix` does it); check that the site answers over https.',
  fixable: true,
  check({ file, report }) {
    for (const field of fieldStrings(file)) {
      if (field.kind === 'reference' || (field.kind === 'prose' && !/http:/i.test(field.value))) continue;
      const source = file.text.slice(field.innerStart, field.innerEnd);
      if (field.kind === 'url') {
        const value = field.value.trim();
        const at = source.indexOf(value);
        const start = at >= 0 ? field.innerStart + at : field.start;
        if (/^http:\/\//i.test(value)) {
          const r = insecureAt(start, value);
          report(at >= 0 ? r : { ...r, fix: undefined });
          continue;
        }
        let ok = false;
        try {
          ok = new URL(value).protocol === 'https:' && /^https:\/\/[^/\s]+\.[^/\s]/i.test(value);
        } catch {
          ok = false;
        }
        if (!ok) report({ start, end: start + value.length, reason: `Unexpected "${value}", expected an absolute https:// URL` });
      } else if (field.kind === 'prose') {
        for (const m of source.matchAll(insecure)) report(insecureAt(field.innerStart + m.index, m[0]));
      }
    }
    const text = file.text;
    for (const node of [...nodesOfType(file, 'link'), ...nodesOfType(file, 'image'), ...nodesOfType(file, 'definition')]) {
      if (node.position) {
        const url = node.url;
        const start = node.position.start.offset!;
        const source = text.slice(start, node.position.end.offset);
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
        if (scheme === 'http') {
          const at = source.lastIndexOf(url);
          const r = insecureAt(start + Math.max(0, at), url);
          report(at >= 0 ? r : { ...r, fix: undefined });
        } else if (scheme && !allowedSchemes.has(`${scheme}:`)) {
          const at = Math.max(0, source.lastIndexOf(url));
          report({ start: start + at, end: start + at + url.length, reason: `Unexpected "${scheme}:" link "${url}", expected an https:// URL` });
        }
      }
    }
  },
});
