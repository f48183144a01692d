// Properties of the slash-command parser: it never throws; a command on its own line is found
// with its name and arguments wherever it sits among other text; inside code, quotes or HTML
// comments it never is; and an edit that adds nothing runs nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandNames, newCommands, parseCommands } from '../../bot/decide/commands.ts';

/** Markdown-ish text: characters that mean something to markdown, and ordinary words. */
const tricky = fc.constantFrom(...'/`*_[]()<>!#>-\n\r\t |~\\:@'.split(''), '```', '<!--', '-->', '> ', '    ', '\u00a0', '\u200b', ' label ', 'accept', '/label x');
const text = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.array(tricky, { maxLength: 20 }).map((a) => a.join('')));

/** Prose that holds no command (no line of it starts with a slash) and no unclosed block. */
const prose = fc.stringMatching(/^[A-Za-z][A-Za-z ,.?]{0,40}$/);
const name = fc.oneof(fc.constantFrom(...commandNames), fc.stringMatching(/^[a-z][a-z-]{0,12}$/));
/** Arguments of plain characters (markdown would turn `*x*` into x, so those are left out here). */
const args = fc.stringMatching(/^[a-z0-9#:][a-z0-9 #:.-]{0,20}$/).map((s) => s.trim());

describe('parseCommands', () => {
  it('never throws, and every command it finds has a lowercase name', () => {
    fc.assert(
      fc.property(text, (body) => {
        for (const c of parseCommands(body)) expect(c.name).toMatch(/^[a-z][a-z-]*$/);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a command on its own line among paragraphs of prose, with its arguments', () => {
    fc.assert(
      fc.property(fc.array(prose, { maxLength: 3 }), name, args, fc.array(prose, { maxLength: 3 }), fc.boolean(), (before, n, a, after, upper) => {
        const line = `/${upper ? n.toUpperCase() : n}${a ? ` ${a}` : ''}`;
        const body = [...before, line, ...after].join('\n\n');
        expect(parseCommands(body)).toEqual([{ name: n, args: a }]);
      }),
      { numRuns: 300 },
    );
  });

  it('never finds a command inside a code block, an inline code span, a quote or an HTML comment', () => {
    const wrappers = [
      (line: string) => `\`\`\`\n${line}\n\`\`\``,
      (line: string) => `~~~md\n${line}\n~~~`,
      (line: string) => `    ${line}`,
      (line: string) => `> ${line}`,
      (line: string) => `> quoted\n> ${line}`,
      (line: string) => `<!-- ${line} -->`,
      (line: string) => `<!--\n${line}\n-->`,
      (line: string) => `\`${line}\``,
    ];
    fc.assert(
      fc.property(prose, name, args, fc.constantFrom(...wrappers), (intro, n, a, wrap) => {
        const body = `${intro}\n\n${wrap(`/${n}${a ? ` ${a}` : ''}`)}\n`;
        expect(parseCommands(body)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('newCommands', () => {
  it('runs nothing when an edit adds no command, and only what an edit added', () => {
    fc.assert(
      fc.property(text, name, args, (body, n, a) => {
        expect(newCommands(body, body)).toEqual([]);
        const added = `${body}\n\n/${n}${a ? ` ${a}` : ''}\n`;
        const fresh = newCommands(added, body);
        // The appended line is the only new command (the old text may itself end inside a block).
        expect(fresh.length).toBeLessThanOrEqual(1);
        if (fresh.length) expect(fresh[0]).toEqual({ name: n, args: a });
      }),
      { numRuns: 300 },
    );
  });
});
