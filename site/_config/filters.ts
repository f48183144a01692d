// Local Eleventy plugin: the site's filters (URLs from the site metadata, dates). Templates call
// them as `this.name(...)`; their implementations live in site/lib/links.ts.
import { absoluteUrl, editUrl, feedbackUrl, readableDate } from '../lib/links.ts';
import type { SiteMetadata } from '../lib/site-metadata.ts';

/** The filters as templates see them on `this`. */
export interface SiteFilters {
  absoluteUrl(path: string): string;
  feedbackUrl(pageUrl: string, source: string): string;
  editUrl(path: string): string;
  readableDate(iso: string): string;
}

/** The filter functions bound to one site's metadata. */
export function siteFilterFunctions(site: SiteMetadata): SiteFilters {
  return {
    absoluteUrl: (path) => absoluteUrl(site, path),
    feedbackUrl: (pageUrl, source) => feedbackUrl(site, pageUrl, source),
    editUrl: (path) => editUrl(site, path),
    readableDate,
  };
}

/** Registers the filters with Eleventy. */
export default function siteFilters(eleventyConfig: { addFilter(name: string, fn: (...args: never[]) => unknown): void }, options: { site: SiteMetadata }): void {
  for (const [name, fn] of Object.entries(siteFilterFunctions(options.site))) eleventyConfig.addFilter(name, fn);
}
