// Matching free-form text against the content index: links, paths, names and the cues that
// separate a page mention from a word used in passing.
import { describe, expect, it } from 'vitest';
import { localContent, siteUrl } from './local-content.ts';

const { matcher } = await localContent();
const pages = (text: string, pageContext = false) => matcher.find(text, { pageContext }).map((t) => t.page).sort();

describe('ContentMatcher', () => {
  it('resolves site links to the record they show, anchors included', () => {
    const t = matcher.resolveUrl(`${siteUrl}glossary/#issuer`)!;
    expect([t.page, t.sitePath, t.entry?.path]).toEqual(['glossary', '/glossary/#issuer', 'content/glossary/issuer.md']);
    expect(matcher.resolveUrl(`${siteUrl}stakeholders/hr-systems`)?.entry?.path).toBe('content/stakeholders/hr-systems.md');
    expect(matcher.resolveUrl(siteUrl)?.page).toBe('home');
    expect(matcher.resolveUrl(`${siteUrl}technical-guidance/#wallets`)?.sitePath).toBe('/technical-guidance/#wallets');
    expect(matcher.resolveUrl(`${siteUrl}stakeholders/employer/`)).toBeUndefined();
    expect(matcher.resolveUrl('https://example.com/stakeholders/employers/')).toBeUndefined();
  });

  it('resolves source paths, GitHub file links and site paths in text', () => {
    expect(pages('See content/resources/ctdl-handbook.md please')).toEqual(['resources']);
    expect(pages('https://github.com/someone/ler-ecosystem-map/edit/main/content/stakeholders/funders.md')).toEqual(['funders']);
    expect(pages('The page /action-areas/#promoting-adoption repeats itself')).toEqual(['action-areas']);
  });

  it('takes links over names: a link says which page for certain', () => {
    expect(pages(`On ${siteUrl}stakeholders/governance/ the Employers page is linked wrongly`)).toEqual(['governance']);
  });

  it('reads names written as names, not the same words in passing', () => {
    expect(pages('The Funders stakeholder page lists only foundations.')).toEqual(['funders']);
    expect(pages('Several employers we work with issue badges.')).toEqual([]);
    expect(pages('Employers often ask about this.')).toEqual([]);
    expect(pages('the employers page has a typo')).toEqual(['employers']);
    expect(pages('HR Systems vendors should support it.')).toEqual(['hr-systems']);
  });

  it('places glossary terms and frameworks only when the glossary or frameworks section is meant', () => {
    expect(pages('We issue a verifiable credential to every graduate.')).toEqual([]);
    expect(pages('The glossary entry for CTDL is too technical.')).toEqual(['glossary']);
    expect(pages('The CTDL entry on the frameworks page is out of date.')).toEqual(['frameworks']);
    expect(pages('The definition of micro-credential is too strict.')).toEqual(['glossary']);
  });

  it('matches acronyms only in capitals', () => {
    expect(pages('In the glossary, RSD links nowhere.')).toEqual(['glossary']);
    expect(matcher.named('In the glossary, rsd links nowhere.').some((t) => t.entry?.slug === 'rich-skill-descriptor')).toBe(false);
  });

  it('in a page field every name counts', () => {
    expect(pages('career navigators', true)).toEqual(['career-navigators']);
    expect(pages('Glossary - wallet', true)).toEqual(['glossary']);
    expect(pages('n/a', true)).toEqual([]);
  });
});
