// Properties of what the bot writes: whatever people put in titles, answers, file names, labels,
// command arguments and content, the comments, check summaries and reviews the bot renders from
// them hold no HTML, link, image or @mention of that text (checked on the markdown GitHub would
// parse), quoted text stays on one line, suggestions carry the replacement intact, and the hidden
// state in a comment cannot be closed early and reads back as written.
import fc from 'fast-check';
import type { Code, Nodes, Parent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Message } from '#core';
import {
  acknowledgement,
  commandNotAllowed,
  commandReply,
  escapeInline,
  markerLine,
  markers,
  quote,
  readTriageState,
  summaryComment,
  summaryLine,
  suggestionComment,
  checkSummary,
  type CommandNote,
} from '../../bot/messages/index.ts';
import { unsafeParts } from '../e2e/safe-markdown.ts';

/** Text an attacker would try: markup, links, mentions, references, entities, control and odd characters. */
const hostileUnit = fc.constantFrom(
  ...'<>[]()@#*_`!\\|~"\'-:/=&;.\n\r\t '.split(''),
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '![x](https://evil.example/x.png)',
  '<https://evil.example>',
  'https://evil.example/a',
  'www.evil.example',
  '@everyone',
  '@org/team',
  '#1',
  'GH-1',
  '&lt;',
  '&#64;',
  '-->',
  '<!--',
  '```',
  '~~~',
  '\\`',
  '[^1]',
  '[r]: https://evil.example',
  '\u0000',
  '\u200b',
  '\u202e',
  '\ufffd',
  'word',
  ' ',
);
const hostile = fc.oneof(
  fc.array(hostileUnit, { minLength: 1, maxLength: 25 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const login = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);
const runs = { numRuns: 300 };

describe('the safety check itself', () => {
  it('catches raw HTML, links, images and mentions, and lets code and escaped text through', () => {
    expect(unsafeParts('<img src=x onerror=alert(1)>')).toHaveLength(1);
    expect(unsafeParts('see [x](javascript:alert(1))')).toEqual(['link to "javascript:alert(1)"']);
    expect(unsafeParts('![x](https://evil.example/x.png)')).toHaveLength(1);
    expect(unsafeParts('hello @everyone and @org/team')).toEqual(['mention @everyone', 'mention @org/team']);
    expect(unsafeParts('www.evil.example')).toHaveLength(1);
    expect(unsafeParts('`<img src=x>` and `@everyone`')).toEqual([]);
    expect(unsafeParts('&lt;img&gt; \\[x\\]\\(y\\) @\u2060everyone')).toEqual([]);
    expect(unsafeParts('thanks @casey', { mentions: ['casey'] })).toEqual([]);
  });
});

describe('quoted user text', () => {
  it('breaks a bare "www." link even right after a letter or "_" (found by this property)', () => {
    for (const text of ['_www.evil.example', 'awww.evil.example', '(www.evil.example)']) expect(unsafeParts(escapeInline(text)), text).toEqual([]);
  });

  it('escapeInline and quote keep any text on one line with nothing live in it', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        for (const safe of [escapeInline(text), quote(text)]) {
          expect(safe).not.toMatch(/[\r\n]/);
          expect(unsafeParts(`Before ${safe} after.`)).toEqual([]);
          expect(unsafeParts(`- **${safe}**: ${safe}`)).toEqual([]);
        }
        expect([...escapeInline(text, 50).replace(/\\(.)/g, '$1')].length).toBeLessThanOrEqual(50 * 6);
      }),
      runs,
    );
  });
});

describe('issue comments', () => {
  it('the acknowledgement escapes titles, answers, page names and missing-field labels', () => {
    fc.assert(
      fc.property(login, hostile, hostile, hostile, fc.array(hostile, { maxLength: 4 }), (author, title, answer, page, labels) => {
        const body = acknowledgement({
          state: { labels, suppressed: labels.slice(1) },
          author,
          firstTime: title.length % 2 === 0,
          quiet: false,
          summary: summaryLine('term', { term: answer }),
          pages: [{ title: page, liveUrl: 'https://map.example/glossary/', sourceUrl: 'https://github.com/o/r/blob/main/content/glossary/x.md', what: 'glossary term' }],
          noPage: false,
          missing: [{ label: answer, reason: 'empty' }],
          needsInfo: 'missing',
          answered: false,
          duplicates: [{ number: 7, title }],
          needsInfoLabel: 'needs info',
          proposal: true,
        });
        expect(unsafeParts(body, { mentions: [author], links: ['https://map.example/', 'https://github.com/o/r/'] })).toEqual([]);
        // The hidden state reads back as written, whatever the label names.
        expect(readTriageState(body).labels).toEqual(labels);
      }),
      runs,
    );
  });

  it('answers to commands escape unknown names, labels, pages and problems', () => {
    fc.assert(
      fc.property(login, hostile, hostile, fc.array(hostile, { maxLength: 4 }), (who, name, field, existing) => {
        const notes: CommandNote[] = [
          { kind: 'unknown-command', name },
          { kind: 'unknown-label', name, existing },
          { kind: 'unknown-page', name, pages: existing },
          { kind: 'accept-problems', problems: [{ field, message: name }] },
        ];
        expect(unsafeParts(commandReply(who, notes)!, { mentions: [who] })).toEqual([]);
        expect(unsafeParts(commandNotAllowed(who), { mentions: [who] })).toEqual([]);
      }),
      runs,
    );
  });
});

describe('pull request comments, check summaries and suggestions', () => {
  const message = (file: string, reason: string, severity: 'error' | 'warning' = 'error'): Message => ({
    ruleId: 'no-html',
    severity,
    file,
    line: 3,
    column: 1,
    endLine: 3,
    endColumn: 5,
    reason,
  });

  it('the summary comment and the check summary escape file names and reasons', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostile, hostile, fc.boolean()), { minLength: 1, maxLength: 5 }), hostile, (items, welcome) => {
        const shown = items.map(([file, reason, warning]) => ({ message: message(file, reason, warning ? 'warning' : 'error'), suggested: warning }));
        const comment = summaryComment({ shown, suggestions: 1, draft: false, welcome: quote(welcome) });
        expect(unsafeParts(comment)).toEqual([]);
        expect(unsafeParts(checkSummary({ shown, filesChecked: items.length, draft: true, touchesCode: true }))).toEqual([]);
      }),
      runs,
    );
  });

  it('a suggestion carries the replacement intact in one code block, whatever backticks it holds', () => {
    const codeNodes = (md: string): Code[] => {
      const out: Code[] = [];
      const walk = (n: Nodes) => {
        if (n.type === 'code') out.push(n);
        if ('children' in n) for (const c of (n as Parent).children) walk(c as Nodes);
      };
      walk(unified().use(remarkParse).use(remarkGfm).parse(md));
      return out;
    };
    const replacement = fc
      .array(fc.oneof(hostile, fc.constantFrom('`', '``', '````', '```suggestion', '~~~')), { maxLength: 8 })
      // Lines of a text file: no carriage returns, no NUL (a file with one is reported as binary).
      .map((a) => a.join('\n').replace(/[\r\0]/g, ''));
    fc.assert(
      fc.property(replacement, hostile, (text, reason) => {
        // Reasons read as core writes them ("Unexpected …"), with hostile text quoted inside.
        const body = suggestionComment([message('content/x.md', `Unexpected ${reason}`)], text);
        const code = codeNodes(body);
        expect(code).toHaveLength(1);
        expect(code[0]!.lang).toBe('suggestion');
        expect(code[0]!.value).toBe(text);
        expect(unsafeParts(body)).toEqual([]);
      }),
      runs,
    );
  });
});

describe('hidden markers', () => {
  it('cannot be closed early by the data they carry, and stay one HTML comment', () => {
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 5 }), (labels) => {
        const line = markerLine(markers.triage, { labels, suppressed: [] });
        expect(line.startsWith('<!-- ')).toBe(true);
        expect(line.indexOf('-->')).toBe(line.length - 3);
        expect(line).not.toMatch(/[\r\n]/);
      }),
      runs,
    );
  });
});
