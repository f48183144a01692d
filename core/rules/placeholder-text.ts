// placeholder-text: no text left over from drafts or templates (lorem ipsum, TODO, TBD,
// "this is a quote", "insert … here") and no example.com addresses in URL fields.
import { fieldStrings } from '../field-strings.ts';
import { defineRule } from '../rule.ts';
import { textSpans } from '../text-spans.ts';

const placeholders: RegExp[] = [
  /\blorem ipsum\b|\bdolor sit amet\b/gi,
  // Capitals only: "todo" in running text is rare, "TODO" is a note to self.
  /\b(?:TODO|TBD|TBC|FIXME|TKTK|XXX+)\b/g,
  /\bthis is an? (?:quote|placeholder|test|sample|description)\b/gi,
  /\b(?:placeholder|sample|dummy|filler) text\b/gi,
  /\binsert (?:[\p{L}-]+ ){0,3}here\b/giu,
  /\b(?:text|description|quote|name|title|summary) goes here\b/gi,
  /\[citation needed\]/gi,
];

const exampleHost = /^(?:[^.]+\.)*example(?:\.(?:com|org|net|edu))?$/i;

export default defineRule({
  id: 'placeholder-text',
  severity: 'error',
  description: 'No placeholder text (lorem ipsum, TODO, TBD, "this is a quote", "insert … here") and no example.com URLs.',
  help: 'Replace the placeholder with the real text or address, or remove the sentence or field until it is known.',
  check({ file, report }) {
    for (const span of textSpans(file)) {
      for (const pattern of placeholders) {
        for (const m of span.text.matchAll(pattern)) {
          const start = span.start + m.index;
          report({ start, end: start + m[0].length, reason: `Unexpected placeholder "${m[0]}", expected the real text` });
        }
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
