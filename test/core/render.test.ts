// Rendering content to HTML: sanitised markdown, heading ids, first-use glossary links, safe icons.
import { describe, expect, it } from 'vitest';
import { createGlossaryLinker, headingId, parseMarkdown, renderIcon, renderMarkdown, sortKey } from '#core';

const terms = [
  { slug: 'verifiable-credential', term: 'Verifiable Credential', acronym: 'VC', aliases: ['Verifiable Credentials'] },
  { slug: 'issuer', term: 'Issuer' },
  { slug: 'learning-and-employment-record', term: 'Learning and Employment Record', acronym: 'LER' },
  { slug: 'open-badges', term: 'Open Badges', acronym: 'OB' },
];

describe('renderMarkdown', () => {
  it('drops raw HTML and unsafe link protocols', () => {
    const html = renderMarkdown(parseMarkdown('Hi <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](https://example.org/)\n'));
    expect(html).not.toMatch(/<script|onerror|javascript:|<img/);
    expect(html).toContain('<a href="https://example.org/">y</a>');
  });

  it('skips the front matter and gives headings the ids core links to', () => {
    const html = renderMarkdown(parseMarkdown('---\ntitle: x\n---\n## What LERs *are*\n\ntext\n\n## Ünïcode & more\n'));
    expect(html).not.toContain('title: x');
    expect(html).toContain(`<h2 id="${headingId('What LERs are')}">`);
    expect(html).toContain(`<h2 id="${headingId('Ünïcode & more')}">`);
  });

  it('shifts headings and prefixes ids for records that share a page', () => {
    const html = renderMarkdown(parseMarkdown('## Part\n\n## Part\n'), { headingShift: 2, idPrefix: 'issuer-' });
    expect(html).toBe('<h4 id="issuer-part">Part</h4>\n<h4 id="issuer-part-1">Part</h4>');
  });
});

describe('glossary first-use linking', () => {
  const linker = createGlossaryLinker(terms);

  it('links the first use of each term on a page only, across bodies, and keeps the words', () => {
    const page = linker.forPage();
    const first = renderMarkdown(parseMarkdown('An issuer signs LERs as verifiable credentials. The issuer again, and LER.\n'), { glossary: page });
    const second = renderMarkdown(parseMarkdown('Issuer once more; Open Badges and OB.\n'), { glossary: page });
    expect(first).toBe(
      '<p>An <a href="/glossary/#issuer">issuer</a> signs <a href="/glossary/#learning-and-employment-record">LERs</a> as <a href="/glossary/#verifiable-credential">verifiable credentials</a>. The issuer again, and LER.</p>',
    );
    expect(second).toBe('<p>Issuer once more; <a href="/glossary/#open-badges">Open Badges</a> and OB.</p>');
    expect([...page.linked]).toEqual(['issuer', 'learning-and-employment-record', 'verifiable-credential', 'open-badges']);
  });

  it('matches acronyms only in their own case and whole words only', () => {
    const html = renderMarkdown(parseMarkdown('The ob and vc and issuers-to-be, but Vc. Then VC.\n'), { glossary: linker.forPage() });
    expect(html).toBe('<p>The ob and vc and issuers-to-be, but Vc. Then <a href="/glossary/#verifiable-credential">VC</a>.</p>');
  });

  it('never links inside links, headings or code, and counts author links as the first use', () => {
    const page = linker.forPage();
    const html = renderMarkdown(parseMarkdown('## Issuer\n\n[the issuer](/glossary/#issuer) and `LER` and [LER site](https://example.org/). Issuer, LER.\n'), {
      glossary: page,
    });
    expect(html).toBe(
      '<h2 id="issuer">Issuer</h2>\n<p><a href="/glossary/#issuer">the issuer</a> and <code>LER</code> and <a href="https://example.org/">LER site</a>. Issuer, <a href="/glossary/#learning-and-employment-record">LER</a>.</p>',
    );
  });

  it('does not change the tree it is given (trees are reused)', () => {
    const tree = parseMarkdown('An issuer.\n');
    const before = JSON.stringify(tree);
    renderMarkdown(tree, { glossary: linker.forPage() });
    expect(JSON.stringify(tree)).toBe(before);
  });

  it('can leave a page’s own term unlinked', () => {
    expect(renderMarkdown(parseMarkdown('An issuer.\n'), { glossary: linker.forPage({ exclude: 'issuer' }) })).toBe('<p>An issuer.</p>');
  });
});

describe('renderIcon', () => {
  it('keeps the drawing and drops scripts, styles, links, images, handlers and colours', () => {
    const svg = renderIcon(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" onload="x()" fill="#f00" stroke-linecap="round"><script>alert(1)</script><style>*{}</style><path d="M1 1h5" stroke="red" onclick="y()"/><a href="javascript:alert(1)"><circle cx="1" cy="2" r="3"/></a><image href="https://example.org/x.png"/><foreignObject><div>x</div></foreignObject></svg>',
      { className: 'icon' },
    );
    expect(svg).toBe(
      '<svg viewBox="0 0 64 64" fill="currentColor" stroke-linecap="round" aria-hidden="true" focusable="false" class="icon"><path d="M1 1h5" stroke="currentColor"></path><circle cx="1" cy="2" r="3"></circle></svg>',
    );
  });

  it('returns nothing for a file without an svg element', () => {
    expect(renderIcon('not an icon <script>x</script>')).toBe('');
  });
});

describe('sortKey', () => {
  it('sorts whatever the case, accents and punctuation', () => {
    const words = ['verifier', 'Évidence', 'credential', 'Co-op', 'LER-VC', 'badge'];
    expect(words.sort((a, b) => sortKey(a).localeCompare(sortKey(b), 'en'))).toEqual(['badge', 'Co-op', 'credential', 'Évidence', 'LER-VC', 'verifier']);
  });
});
