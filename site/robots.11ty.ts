// /robots.txt: everything may be indexed; points crawlers at the sitemap.
import type { SiteData, TemplateContext } from './lib/template.ts';

export const data = { permalink: '/robots.txt', eleventyExcludeFromCollections: true };

export function render(this: TemplateContext, _data: SiteData): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${this.absoluteUrl('/sitemap.xml')}\n`;
}
