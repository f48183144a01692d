// The importer's small decisions, each on its own: splitting examples, HTML to markdown, acronyms,
// related terms from mentions, resource topics, slugs.
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, htmlToText, mentionedTerms, slugify, splitAcronym, splitExamples, topicOf } from '../../core/legacy-import/index.ts';

describe('splitExamples', () => {
  it.each([
    ['Schools, colleges, and training providers', ['Schools', 'colleges', 'training providers']],
    ['W3C, 1EdTech, HR Open, Credential Engine', ['W3C', '1EdTech', 'HR Open', 'Credential Engine']],
    ['Job seekers in any field, students at any level, people returning to work', ['Job seekers in any field', 'students at any level', 'people returning to work']],
    ['Foundations, companies that sponsor, and donors and charities.', ['Foundations', 'companies that sponsor', 'donors and charities']],
    ['Only one kind of organization', ['Only one kind of organization']],
  ])('splits %j', (text, items) => {
    expect(splitExamples(text)).toEqual({ items });
  });

  it.each([
    ['Councils, boards, and offices of labor; lawmakers, accreditors', 'it contains a semicolon'],
    ['Boards of nursing, teaching, and law etc., unions', 'it contains "etc.", "e.g." or "i.e."'],
    ['Tools (wallets, apps), registries', 'a comma sits inside brackets'],
    ['Mentors, and career coaches, advisers, counselors', '"and" follows a comma before the last item'],
    ['Large, medium and small firms, public agencies', '"Large" looks like part of a series of adjectives'],
    ['Schools, colleges. Also libraries, museums', 'it holds more than one sentence'],
  ])('keeps %j as one item', (text, keep) => {
    expect(splitExamples(text)).toEqual({ keep });
  });
});

describe('htmlToMarkdown', () => {
  it('converts layout, headings, emphasis, links and lists, and says what it changed where', () => {
    const html = '<div class="row"><h1>Title</h1><p>Some <strong>bold </strong>text and a <a href="/about" target="_blank">link</a>.</p><ul><li>One<br/></li><li>Two</li></ul></div>';
    const result = htmlToMarkdown(html, { rewriteLink: (href) => (href === '/about' ? '/about/' : undefined) });
    expect(result.markdown).toBe('## Title\n\nSome **bold** text and a [link](/about/).\n\n- One\n- Two');
    expect(result.blocks.map((b) => b.text)).toEqual(['Title', 'Some bold text and a link.', 'One', 'Two']);
    expect(result.issues.map((i) => `${i.offset} ${i.kind}: ${i.message}`)).toEqual([
      '0 changed: dropped presentation attributes: class (1), target (1)',
      `${html.indexOf('<h1>')} changed: made heading level 1 a level 2 heading (level 1 is the page title)`,
      `${html.indexOf('<a ')} changed: changed link "/about" to "/about/"`,
      `${html.indexOf('<br/>')} changed: removed a line break at the end of a block`,
    ]);
  });

  it('keeps HTML that has no markdown form verbatim, and reports it and comments with their offsets', () => {
    const html = '<p>Before</p><!-- a note --><iframe src="https://example.org/v"></iframe><p>x<sup>2</sup></p>';
    const result = htmlToMarkdown(html);
    expect(result.markdown).toBe('Before\n\n<!-- a note -->\n\n<iframe src="https://example.org/v"></iframe>\n\nx<sup>2</sup>');
    expect(result.issues.filter((i) => i.kind === 'unmapped').map((i) => `${i.offset}: ${i.message}`)).toEqual([
      `${html.indexOf('<!--')}: kept HTML comment <!-- a note --> verbatim`,
      `${html.indexOf('<iframe')}: kept raw HTML <iframe> that has no markdown form`,
      `${html.indexOf('<sup>')}: kept raw HTML <sup> that has no markdown form`,
    ]);
  });

  it('decodes entities, makes paragraphs of </p><p>, escapes markdown characters in plain text', () => {
    const result = htmlToMarkdown('Rules&colon; one&#x3b; two.</p><p>1. Not a list * and not emphasis_');
    expect(result.markdown).toBe('Rules: one; two.\n\n1\\. Not a list \\* and not emphasis\\_');
    expect(result.issues.map((i) => i.message)).toEqual(['decoded HTML entity "&colon;" as ":"', 'decoded HTML entity "&#x3b;" as ";"']);
  });

  it('reports a link that points at nothing imported, and Liquid code', () => {
    const html = '<p><a href="/gone">old</a> {{ page.title }}</p>';
    const result = htmlToMarkdown(html, { rewriteLink: () => null });
    expect(result.issues.map((i) => `${i.offset} ${i.kind}: ${i.message}`)).toEqual([
      `${html.indexOf('<a ')} unmapped: link "/gone" points at nothing that was imported; kept as it is`,
      `${html.indexOf('{{')} unmapped: kept Liquid template code as text: "{{ page.title }}"`,
    ]);
  });
});

describe('htmlToText', () => {
  it('keeps the text of one-line values and reports a link target it cannot keep', () => {
    const result = htmlToText('Read <a href="https://example.org/">the guide</a>&colon; <em>now</em>');
    expect(result.text).toBe('Read the guide: now');
    expect(result.issues.map((i) => i.message)).toEqual([
      'converted HTML (<a>, <em>) to plain text',
      'link target "https://example.org/" is not imported (one-line values have no links); its text is kept',
      'decoded HTML entity "&colon;" as ":"',
    ]);
  });
});

describe('splitAcronym', () => {
  it.each([
    ['Comprehensive Learner Record (CLR)', { term: 'Comprehensive Learner Record', acronym: 'CLR' }],
    ['Record (LER) Issued as a Credential (LER/VC)', { term: 'Record (LER) Issued as a Credential', acronym: 'LER/VC' }],
    ['Evidence (of learning)', { term: 'Evidence (of learning)' }],
    ['Skill', { term: 'Skill' }],
  ])('%j', (text, expected) => {
    expect(splitAcronym(text)).toEqual(expected);
  });
});

describe('mentionedTerms', () => {
  const terms = [
    { slug: 'credential', term: 'Credential' },
    { slug: 'verifiable-credential', term: 'Verifiable Credential', acronym: 'VC' },
    { slug: 'issuer', term: 'Issuer' },
    { slug: 'wallet', term: 'Wallet' },
  ];
  it('finds other terms by name (plural too) or acronym; the longest mention wins; not itself', () => {
    expect(mentionedTerms('A wallet holds Verifiable Credentials and VCs from issuers.', terms[3]!, terms)).toEqual(['verifiable-credential', 'issuer']);
    expect(mentionedTerms('Any credential an issuer signs.', terms[0]!, terms)).toEqual(['issuer']);
    expect(mentionedTerms('Nothing to see.', terms[2]!, terms)).toEqual([]);
  });
});

describe('topicOf', () => {
  it.each([
    ['General Information About LERs', 'general'],
    ['On Employment, Workforce and Governance', 'employment-and-workforce'],
    ['Policy Briefs', 'policy-and-governance'],
    ['On Learning and Advocacy', 'learning-and-advocacy'],
    ['On Technology, Data Standards, and Solutions', 'technology-and-standards'],
    ['Odds and Ends', undefined],
  ])('%j → %s', (name, topic) => {
    expect(topicOf(name)).toBe(topic);
  });
});

describe('slugify', () => {
  it('makes file-name slugs from names and titles', () => {
    expect(slugify('Learners & Earners')).toBe('learners-and-earners');
    expect(slugify('What’s the Key? Interoperability')).toBe('whats-the-key-interoperability');
    expect(slugify('Éléments de base')).toBe('elements-de-base');
    expect(slugify('one two three four', 10)).toBe('one-two');
    expect(slugify('!!!')).toBe('untitled');
  });
});
