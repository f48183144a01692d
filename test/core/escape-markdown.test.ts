// escapeMarkdown: whatever a contributor writes shows literally in bot comments.
import fc from 'fast-check';
import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, parseMarkdown } from '#core';

function nodeTypes(tree: Root): string[] {
  const out: string[] = [];
  const walk = (n: Root | RootContent) => {
    out.push(n.type);
    if ('children' in n) for (const c of n.children) walk(c);
  };
  walk(tree);
  return out;
}

function rendered(tree: Root): string {
  let text = '';
  const walk = (n: Root | RootContent) => {
    if (n.type === 'text') text += n.value;
    if ('children' in n) for (const c of n.children) walk(c);
  };
  walk(tree);
  return text;
}

const zeroWidthSpace = /\u200b/g;

describe('escapeMarkdown', () => {
  it('keeps mentions, references, links, HTML and formatting from happening', () => {
    const attack = '@maintainers see #12 <img src=x onerror=alert(1)> [click](https://evil.example) ![i](x) **bold** `code` www.evil.example http://x.y ~~gone~~ | a | b |';
    const out = escapeMarkdown(attack);
    const tree = parseMarkdown(`Problem: ${out}`);
    expect(nodeTypes(tree)).toEqual(['root', 'paragraph', 'text']);
    const text = rendered(tree);
    expect(text.replace(zeroWidthSpace, '')).toBe(`Problem: ${attack}`);
    expect(text).not.toMatch(/@\w|#\d|:\/\/|www\./);
  });

  it('renders any text as exactly that text, on one line', () => {
    const chars = fc.constantFrom(...'ab1 @#<>&[]()!*_`~|\\:/.w-+=^$\n{}"\''.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }).map((a) => a.join('')), (input) => {
        const tree = parseMarkdown(`x ${escapeMarkdown(input)} y`);
        const types = nodeTypes(tree);
        const expected = `x ${input.replace(/\s*[\r\n]+\s*/g, ' ')} y`.replace(/\s+$/, '');
        return (
          types.every((t) => t === 'root' || t === 'paragraph' || t === 'text') &&
          rendered(tree).replace(zeroWidthSpace, '') === expected &&
          !/@\w|#\d|:\/\/|www\./i.test(rendered(tree))
        );
      }),
      { numRuns: 500 },
    );
  });
});
