// The site's metadata, in one place: title, public URL, path prefix, repository and licence.
// SITE_URL and PATH_PREFIX override the defaults (e.g. for a fork or a preview deployment).

export interface SiteMetadata {
  title: string;
  /** One sentence about the site, for link previews of pages without their own description. */
  description: string;
  /** Public address of the site's root, ending in "/" (canonical URLs, sitemap, open data). */
  url: string;
  /** Where the site is served from on its host, "/" or "/name/" (links, assets, search index). */
  pathPrefix: string;
  /** GitHub repository "owner/name" that holds the content. */
  repository: string;
  branch: string;
  language: string;
  license: { name: string; url: string };
}

export const defaultSiteUrl = 'https://digitalcredentials.github.io/ler-ecosystem-map/';

/** "/x/" form of a path prefix ("x", "/x" and "/x/" all mean the same). */
export function normalisePathPrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The site metadata, with overrides from the environment. */
export function siteMetadata(env: Record<string, string | undefined> = process.env): SiteMetadata {
  const url = new URL(env.SITE_URL?.trim() || defaultSiteUrl);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return {
    title: 'LER Ecosystem Map',
    description:
      'Who works on Learning and Employment Records, what each stakeholder does, why it matters to them, and where to act.',
    url: url.href,
    pathPrefix: normalisePathPrefix(env.PATH_PREFIX),
    repository: 'digitalcredentials/ler-ecosystem-map',
    branch: 'main',
    language: 'en',
    license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  };
}
