// placeholder-text: no text left over from drafts or templates (lorem ipsum, TODO, TBD,
// "this is a quote", "insert … here") and no example.com addresses in URL fields.
import { fieldStrings } from '../field-strings.ts';
import { defineRule } from '../rule.ts';
import { textSpans } from '../text-spans.ts';

// One pattern (one pass over each line); only TODO-style notes are matched in capitals only,
// because "todo" in running text is rare while "TODO" is a note to self.
const placeholders = new RegExp(
  [
    String.raw`\b(?:[Ll][Oo][Rr][Ee][Mm] [Ii][Pp][Ss][Uu][Mm]|[Dd][Oo][Ll][Oo][Rr] [Ss][Ii][Tt] [Aa][Mm][Ee][Tt])\b`,
    String.raw`\b(?:TODO|TBD|TBC|FIXME|TKTK|XXX+)\b`,
    String.raw`\b(?:[Tt]his|THIS) (?:is|IS) (?:an?|AN?) (?:quote|placeholder|test|sample|description)\b`,
    String.raw`\b(?:[Pp]laceholder|[Ss]ample|[Dd]ummy|[Ff]iller) text\b`,
    String.raw`\b[Ii]nsert (?:[A-Za-z-]+ ){0,3}here\b`,
    String.raw`\b(?:[Tt]ext|[Dd]escription|[Qq]uote|[Nn]ame|[Tt]itle|[Ss]ummary) goes here\b`,
    String.raw`\[[Cc]itation needed\]`,
  ].join('|'),
  'g',
);

const exampleHost = /^(?:[^.]+\.)*example(?:\.(?:com|org|net|edu))?$/i;

export default defineRule({
  id: 'placeholder-text',
  severity: 'error',
  description: 'No placeholder text (lorem ipsum, TODO, TBD, "this is a quote", "insert … here") and no example.com URLs.',
  help: 'Replace the placeholder with the real text or address, or remove the sentence or field until it is known.',
  check({ file, report }) {
    for (const span of textSpans(file)) {
      // exec on the one global pattern: matchAll would copy the pattern for every line.
      placeholders.lastIndex = 0;
      for (let m = placeholders.exec(span.text); m; m = placeholders.exec(span.text)) {
        const start = span.start + m.index;
        report({ start, end: start + m[0].length, reason: `Unexpected placeholder "${m[0]}", expected the real text` });
      }
    }
    for (const field of fieldStrings(file)) {
      if (field.kind !== 'url') continue;
      let host = '';
      try {
        host = new URL(field.value.trim()).hostname;
      } catch {
        continue;
      }
      if (exampleHost.test(host)) {
        report({ start: field.start, end: field.end, reason: `Unexpected placeholder URL "${field.value.trim()}", expected the real address` });
      }
    }
  },
});
