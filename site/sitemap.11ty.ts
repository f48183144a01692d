// /sitemap.xml: every HTML page with its canonical address.
import { escapeHtml } from './lib/html.ts';
import type { SiteData, TemplateContext } from './lib/template.ts';

export const data = { permalink: '/sitemap.xml', eleventyExcludeFromCollections: true };

type Data = SiteData & { collections: { all: { url: string | false }[] } };

export function render(this: TemplateContext, { collections }: Data): string {
  const urls = collections.all
    .map((p) => p.url)
    .filter((url): url is string => typeof url === 'string' && url.endsWith('/'))
    .sort();
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((url) => `<url><loc>${escapeHtml(this.absoluteUrl(url))}</loc></url>`).join('\n')}
</urlset>
`;
}
