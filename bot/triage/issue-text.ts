// The words of an issue without form boilerplate: headings of form fields, "_No response_",
// HTML comments, links and title prefixes, so that similar issues are compared on what people wrote.
import type { FormTemplate } from '../issue-forms/form-template.ts';

const titlePrefix = /^\s*\[[^\]]{1,30}\]\s*/;

/** Title and body of an issue reduced to what its author wrote. */
export function issueText(title: string, body: string, templates: readonly FormTemplate[]): string {
  const labels = new Set(templates.flatMap((t) => t.fields.map((f) => f.label.toLowerCase())));
  const lines = body
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .split('\n')
    .filter((line) => {
      const heading = /^###\s*(.+?)\s*$/.exec(line);
      if (heading && labels.has(heading[1]!.toLowerCase())) return false;
      return !/^\s*(?:_no response_|none)\s*$/i.test(line);
    });
  return `${title.replace(titlePrefix, '')}\n${lines.join('\n')}`
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    .replace(/\(source: [^)]*\)/gi, ' ')
    .trim();
}
