// filesReferencingRemoved: which records may point at what a change removes.
import { describe, expect, it } from 'vitest';
import { buildIndex, filesReferencingRemoved, updateIndex, type SourceFile } from '#core';

const files: SourceFile[] = [
  { path: 'content/glossary/holder.md', content: '---\nterm: Holder\nrelated: [issuer]\n---\nKeeps credentials.\n' },
  { path: 'content/glossary/issuer.md', content: '---\nterm: Issuer\nrelated: [holder]\n---\nSigns credentials.\n' },
  { path: 'content/glossary/verifier.md', content: '---\nterm: Verifier\nrelated: [issuer]\n---\nChecks what [a holder](/glossary/#holder) shows; see [wallets](/about/#wallets).\n' },
  { path: 'content/pages/about.md', content: '---\ntitle: About\ndescription: About the map.\n---\nFor all stakeholders.\n\n## Wallets\n\nText.\n' },
  { path: 'content/stakeholders/employers.md', content: '---\nname: Employers\nicon: employers.svg\n---\nHire.\n' },
  { path: 'content/icons/employers.svg', content: '<svg/>' },
];
const text = (path: string) => String(files.find((f) => f.path === path)?.content ?? '');

describe('filesReferencingRemoved', () => {
  it('finds records naming a deleted record in a reference field or a link, not words that merely contain it', () => {
    const before = buildIndex(files);
    const after = updateIndex(before, [], ['content/glossary/holder.md']);
    expect(filesReferencingRemoved(before, after, text)).toEqual(['content/glossary/issuer.md', 'content/glossary/verifier.md']);
  });

  it('finds stakeholders using a deleted icon', () => {
    const before = buildIndex(files);
    const after = updateIndex(before, [], ['content/icons/employers.svg']);
    expect(filesReferencingRemoved(before, after, text)).toEqual(['content/stakeholders/employers.md']);
  });

  it('finds links to a heading that a change removes', () => {
    const before = buildIndex(files);
    const changed = { path: 'content/pages/about.md', content: '---\ntitle: About\ndescription: About the map.\n---\nFor all stakeholders.\n' };
    const after = updateIndex(before, [changed], []);
    expect(filesReferencingRemoved(before, after, text)).toEqual(['content/glossary/verifier.md']);
  });

  it('finds nothing when nothing is removed', () => {
    const before = buildIndex(files);
    expect(filesReferencingRemoved(before, updateIndex(before, [], []), text)).toEqual([]);
  });
});
