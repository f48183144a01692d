// Addresses the site builds from its metadata: absolute page URLs, GitHub feedback and edit links.
import type { SiteMetadata } from './site-metadata.ts';

/** The public absolute URL of a site path ("/glossary/#issuer"). */
export function absoluteUrl(site: SiteMetadata, path: string): string {
  return new URL(path.replace(/^\//, ''), site.url).href;
}

/**
 * GitHub's new-issue page with the feedback form selected and its `page` field prefilled with
 * the page address and its source, "PAGE_URL (source: content/…/file.md)".
 */
export function feedbackUrl(site: SiteMetadata, pageUrl: string, source: string): string {
  const params = new URLSearchParams({ template: 'feedback.yml', page: `${pageUrl} (source: ${source})` });
  return `https://github.com/${site.repository}/issues/new?${params.toString().replace(/\+/g, '%20')}`;
}

/** GitHub's web editor for a source file; for a folder ("content/glossary/"), its file list. */
export function editUrl(site: SiteMetadata, path: string): string {
  const kind = path.endsWith('/') ? 'tree' : 'edit';
  return `https://github.com/${site.repository}/${kind}/${site.branch}/${path.replace(/\/$/, '')}`;
}

/** "12 March 2025" from an ISO date (the date as committed, in UTC). */
export function readableDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
