// Each defect of the hand-edited legacy data, one at a time: carried over or reported, never a crash.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importLegacy, parseFile, type ImportResult } from '#core';

/** Runs the importer on a few legacy files given as text. */
function run(files: Record<string, string>): ImportResult {
  return importLegacy(Object.entries(files).map(([path, content]) => ({ path, content })));
}

/** The report lines of one kind, as `file:line:column: message`. */
function lines(result: ImportResult, kind: 'changed' | 'unmapped' | 'note'): string[] {
  return result.report.entries.filter((e) => e.kind === kind).map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`);
}

/** The front matter of a written file, parsed the way the validator parses it. */
function data(result: ImportResult, path: string): Record<string, unknown> {
  const file = result.files.find((f) => f.path === path);
  expect(file, `${path} was written`).toBeDefined();
  return parseFile({ path, content: file!.text }).data ?? {};
}

function body(result: ImportResult, path: string): string {
  return result.files.find((f) => f.path === path)!.text.replace(/^---\n[\s\S]*?\n---\n/, '');
}

const actions = `actions:
  - name: promoting
    title: Promoting Adoption
    description: Show what LERs do.
  - name: building
    title: Building Employer Demand
    description: Help employers ask for LERs.
`;

/** A stakeholders file with one stakeholder whose extra lines are given. */
function stakeholder(extra: string): string {
  return `stakeholders:
  - name: Employers
    url: employers
    definition: Organizations that hire people.
${extra}`;
}

describe('legacy import robustness', () => {
  it('reports invalid YAML with its line and still imports the other files', () => {
    const result = run({
      '_data/action-items-content.yml': actions,
      '_data/glossary-list.yml': 'terms:\n  - term: Issuer\n    definition: "Creates records\n',
    });
    expect(lines(result, 'unmapped')).toContain(
      '_data/glossary-list.yml:4:1: invalid YAML (Missing closing "quote in the value that starts at line 3); nothing from this file is imported',
    );
    expect(result.report.records).toEqual({ 'action-area': 2 });
  });

  it('reads misspelt keys (action-area, business case) as the keys they were meant to be', () => {
    const result = run({
      '_data/action-items-content.yml': actions,
      '_data/stakeholders-list.yml': stakeholder(`    action-area:
      - title: building
        bullets:
          - Name skills in job posts
    business case:
      - title: Better matches
        description: Skills data finds people.
`),
    });
    const d = data(result, 'content/stakeholders/employers.md');
    expect(d.action_areas).toEqual({ 'building-employer-demand': ['Name skills in job posts'] });
    expect(d.business_case).toEqual([{ title: 'Better matches', description: 'Skills data finds people.' }]);
    expect(lines(result, 'changed')).toEqual(
      expect.arrayContaining([
        '_data/stakeholders-list.yml:5:5: stakeholder "Employers": read misspelt key "action-area" as "action-areas"',
        '_data/stakeholders-list.yml:9:5: stakeholder "Employers": read misspelt key "business case" as "business-case"',
      ]),
    );
  });

  it('reports a key it cannot place, with its value, instead of dropping it', () => {
    const result = run({ '_data/stakeholders-list.yml': stakeholder('    colour: blue\n') });
    expect(lines(result, 'unmapped')).toContain(
      '_data/stakeholders-list.yml:5:5: stakeholder "Employers": unknown key "colour" (text "blue") is not imported; known keys are name, icon, icon-alt, url, definition, examples, sections, action-areas, business-case, social-case, quote-text, quote-description',
    );
    expect(result.values).toContainEqual({ file: '_data/stakeholders-list.yml', line: 5, column: 13, text: 'blue', to: { report: true } });
  });

  it('keeps text where a list belongs as a one-item list', () => {
    const result = run({
      '_data/action-items-content.yml': actions,
      '_data/stakeholders-list.yml': stakeholder(`    action-areas:
      - title: promoting
        bullets: Share what pilots taught
`),
    });
    expect(data(result, 'content/stakeholders/employers.md').action_areas).toEqual({ 'promoting-adoption': ['Share what pilots taught'] });
    expect(lines(result, 'changed')).toContain(
      '_data/stakeholders-list.yml:7:18: stakeholder "Employers" promoting bullets: text where a list was expected; kept as a one-item list',
    );
  });

  it('survives empty (null) lists and says what is missing', () => {
    const result = run({
      '_data/stakeholders-list.yml': stakeholder(`    action-areas:
    sections:
      - title: Using
        subheader: Putting records to work
        bullets:
`),
    });
    const d = data(result, 'content/stakeholders/employers.md');
    expect(d.action_areas).toBeUndefined();
    expect(d.work_streams).toBeUndefined();
    expect(lines(result, 'unmapped')).toEqual(
      expect.arrayContaining([
        '_data/stakeholders-list.yml:5:5: stakeholder "Employers" has no action areas with bullets',
        '_data/stakeholders-list.yml:7:9: stakeholder "Employers": section "Using" has no bullets',
      ]),
    );
  });

  it('reads `description` in a section as its subheader', () => {
    const result = run({
      '_data/stakeholders-list.yml': stakeholder(`    sections:
      - title: Issuing
        description: Getting records into people's hands
        bullets:
          - Issue records for training
`),
    });
    expect(data(result, 'content/work-streams/issuing.md')).toEqual({ title: 'Issuing', subheader: "Getting records into people's hands", order: 2 });
    expect(lines(result, 'changed')).toContain('_data/stakeholders-list.yml:7:9: stakeholder "Employers" section 1: read "description" as "subheader"');
  });

  it('keeps the most common work stream subheader and reports each different one with its place', () => {
    const section = (sub: string) => `    sections:\n      - title: Using\n        subheader: ${sub}\n        bullets:\n          - A bullet\n`;
    const result = run({
      '_data/stakeholders-list.yml': `stakeholders:
  - name: A
    url: a
${section('Putting records to work')}  - name: B
    url: b
${section('Using records to hire')}  - name: C
    url: c
${section('Putting records to work')}`,
    });
    expect(data(result, 'content/work-streams/using.md').subheader).toBe('Putting records to work');
    expect(lines(result, 'unmapped')).toContain(
      '_data/stakeholders-list.yml:13:20: subheader "Using records to hire" differs from the Using work stream\'s subheader "Putting records to work" (kept in content/work-streams/using.md, used by 2 of 3 stakeholders); not imported',
    );
  });

  it('decodes HTML entities (&colon;, &#x3b;) in front matter and bodies', () => {
    const result = run({
      '_data/stakeholders-list.yml': stakeholder(`    business-case:
      - title: Policy&colon; data
        description: Less checking&#x3b; faster offers
`).replace('hire people.', 'hire people&colon; big and small.'),
    });
    expect(data(result, 'content/stakeholders/employers.md').business_case).toEqual([{ title: 'Policy: data', description: 'Less checking; faster offers' }]);
    expect(body(result, 'content/stakeholders/employers.md')).toBe('Organizations that hire people: big and small.\n');
    expect(lines(result, 'changed')).toEqual(
      expect.arrayContaining([
        '_data/stakeholders-list.yml:4:17: stakeholder "Employers" definition: decoded HTML entity "&colon;" as ":"',
        '_data/stakeholders-list.yml:6:16: stakeholder "Employers" business-case title: decoded HTML entity "&colon;" as ":"',
        '_data/stakeholders-list.yml:7:22: stakeholder "Employers" business-case description: decoded HTML entity "&#x3b;" as ";"',
      ]),
    );
  });

  it('turns raw </p><p> into paragraphs in bodies, and into one line in one-line values', () => {
    const result = run({
      '_data/glossary-list.yml': 'terms:\n  - term: Verifier\n    definition: Checks records.</p><p>No call to the issuer.\n',
      '_data/stakeholders-list.yml': stakeholder('    icon-alt: A door</p><p>with a sign\n'),
    });
    expect(body(result, 'content/glossary/verifier.md')).toBe('Checks records.\n\nNo call to the issuer.\n');
    expect(data(result, 'content/stakeholders/employers.md').icon_alt).toBe('A door with a sign');
    expect(lines(result, 'changed')).toContain('_data/stakeholders-list.yml:5:15: stakeholder "Employers" icon-alt: converted HTML (<p>) to plain text');
  });

  it('imports a resource without a URL and reports it; reports a URL used twice', () => {
    const result = run({
      '_data/resources-list.yml': `resources:
  - name: General Information About LERs
    sites:
      - title: No Link Here
        author: Someone
      - title: First Guide
        author: Example Institute
        url: https://example.org/guide
      - title: Second Guide
        author: Example Institute
        url: https://example.org/guide
`,
    });
    expect(data(result, 'content/resources/no-link-here.md')).toEqual({ title: 'No Link Here', publisher: 'Someone', topic: 'general' });
    expect(data(result, 'content/resources/second-guide.md').url).toBe('https://example.org/guide');
    expect(lines(result, 'unmapped')).toEqual(
      expect.arrayContaining([
        '_data/resources-list.yml:4:9: resource "No Link Here" has no url',
        '_data/resources-list.yml:11:14: resource "Second Guide" has the same URL as "First Guide" at _data/resources-list.yml:8; both are imported',
      ]),
    );
  });

  it('keeps the list\'s name when a _stakeholders page calls the stakeholder something else, and says so', () => {
    const result = run({
      '_data/stakeholders-list.yml': stakeholder(''),
      '_stakeholders/employers.md': '---\nlayout: stakeholder\ntitle: LER Ecosystem Map - Hiring Organizations\n---\n',
    });
    expect(data(result, 'content/stakeholders/employers.md').name).toBe('Employers');
    expect(lines(result, 'unmapped')).toContain(
      '_stakeholders/employers.md:3:8: the page title names "Hiring Organizations" but _data/stakeholders-list.yml:2 names it "Employers"; the list\'s name is kept',
    );
  });

  it('keeps an action-area reference to an unknown action for a maintainer to map, and reports it', () => {
    const result = run({
      '_data/action-items-content.yml': actions,
      '_data/stakeholders-list.yml': stakeholder(`    action-areas:
      - title: hiring
        bullets:
          - Train managers to read records
`),
    });
    expect(data(result, 'content/stakeholders/employers.md').action_areas).toEqual({ hiring: ['Train managers to read records'] });
    expect(lines(result, 'unmapped')).toContain(
      '_data/stakeholders-list.yml:6:16: stakeholder "Employers": action "hiring" is not an action in _data/action-items-content.yml; kept as action_areas key "hiring" for a maintainer to map',
    );
  });

  it('trims trailing spaces from values and keys', () => {
    const result = run({
      '_data/glossary-list.yml': 'terms:\n  - "term ": "Wallet  "\n    definition: An app that keeps records.   \n',
    });
    expect(data(result, 'content/glossary/wallet.md').term).toBe('Wallet');
    expect(body(result, 'content/glossary/wallet.md')).toBe('An app that keeps records.\n');
    expect(lines(result, 'changed')).toEqual(
      expect.arrayContaining(['_data/glossary-list.yml:2:5: removed spaces around key "term "', '_data/glossary-list.yml:2:14: term: removed spaces at the start or end']),
    );
  });

  it('splits examples at commas only where that is safe', () => {
    const result = run({ '_data/stakeholders-list.yml': stakeholder('    examples: Large, medium and small firms, and public agencies\n') });
    expect(data(result, 'content/stakeholders/employers.md').examples).toEqual(['Large, medium and small firms, and public agencies']);
    expect(lines(result, 'unmapped')).toContain(
      '_data/stakeholders-list.yml:5:15: stakeholder "Employers": examples kept as one list item because splitting at commas is not safe ("Large" looks like part of a series of adjectives); split them by hand',
    );
  });

  it('reports a value of a known key that no importer could use (the safety net)', () => {
    const result = run({ '_data/pagelist.yml': 'pages:\n  - page: About\n    url: /about\n    icon: star\n' });
    expect(lines(result, 'unmapped')).toContain(
      '_data/pagelist.yml:4:5: navigation entry: unknown key "icon" (text "star") is not imported; known keys are page, url, subpages',
    );
  });

  it('never throws, whatever YAML it is given', () => {
    const scalar = fc.oneof(fc.string(), fc.constant(null), fc.integer(), fc.constant('&colon;</p><p>'), fc.boolean());
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('name', 'url', 'title', 'bullets', 'sections', 'action-areas', 'business case', 'term', 'list', 'sites', 'pages', 'x'), tie('node'), { maxKeys: 5 })),
    })).node;
    const file = fc.oneof(
      value.map((v) => JSON.stringify(v)),
      fc.record({ stakeholders: value, terms: value, resources: value, actions: value, pages: value }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
      fc.string(),
    );
    fc.assert(
      fc.property(file, file, file, (a, b, c) => {
        const result = run({ '_data/stakeholders-list.yml': a, '_data/glossary-list.yml': b, '_data/resources-list.yml': c, '_data/action-items-content.yml': b, '_data/pagelist.yml': a });
        for (const f of result.files) expect(f.path).toMatch(/^content\/[a-z-]+\/[a-z0-9-]+\.md$/);
      }),
      { numRuns: 300 },
    );
  });
});
