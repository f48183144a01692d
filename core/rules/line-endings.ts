// line-endings: lines end with LF, as git stores text; CRLF (Windows) and lone CR are converted.
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'line-endings',
  severity: 'warning',
  description: 'Lines end with LF (Unix line endings), not CRLF (Windows) or CR.',
  help: 'Run `npm run check -- --fix`, or set your editor to LF line endings for this file.',
  fixable: true,
  check({ file, report }) {
    const text = file.text;
    const first = text.indexOf('\r');
    if (first < 0) return;
    const fix = [];
    let crlf = 0;
    let cr = 0;
    for (let i = first; i >= 0; i = text.indexOf('\r', i + 1)) {
      if (text[i + 1] === '\n') {
        crlf++;
        fix.push({ start: i, end: i + 1, text: '' });
      } else {
        cr++;
        fix.push({ start: i, end: i + 1, text: '\n' });
      }
    }
    const what = [crlf ? `${crlf} CRLF` : '', cr ? `${cr} CR` : ''].filter(Boolean).join(' and ');
    report({
      start: first,
      end: first + 1,
      reason: `Unexpected ${what} line ending${crlf + cr === 1 ? '' : 's'}, expected LF`,
      fix,
    });
  },
});
