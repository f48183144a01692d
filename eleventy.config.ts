// Eleventy configuration: wiring only. Templates, layouts, data and filters live in site/.
import { HtmlBasePlugin } from '@11ty/eleventy';
import siteFilters from './site/_config/filters.ts';
import searchIndex from './site/_config/search-index.ts';
import { contentRoot } from './site/lib/load-site-model.ts';
import { siteMetadata } from './site/lib/site-metadata.ts';

// Eleventy's config API is untyped JavaScript; this is the part we use.
interface EleventyConfig {
  addPlugin<O>(plugin: (config: EleventyConfig, options: O) => void, options?: O): void;
  addPlugin(plugin: unknown, options?: unknown): void;
  addExtension(extensions: string[], options: { key: string }): void;
  addTemplateFormats(formats: string): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  addWatchTarget(path: string): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  setServerOptions(options: Record<string, unknown>): void;
  setQuietMode(quiet: boolean): void;
  setWatchJavaScriptDependencies(watch: boolean): void;
}

export default function (eleventyConfig: EleventyConfig) {
  const site = siteMetadata();
  // Templates are TypeScript functions (run through tsx), typed against the content model.
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });
  eleventyConfig.addTemplateFormats('11ty.ts');
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPlugin(siteFilters, { site });
  eleventyConfig.addPlugin(searchIndex);
  eleventyConfig.addPassthroughCopy({ 'site/assets': 'assets' });
  eleventyConfig.addWatchTarget(`${contentRoot()}/content/`);
  // Eleventy's --serve dependency spider parses imports as JavaScript and stops at TypeScript;
  // content changes still rebuild (site code changes need a restart of `npm start`).
  eleventyConfig.setWatchJavaScriptDependencies(false);
  eleventyConfig.setServerOptions({ port: 8080 });

  return {
    dir: { input: 'site', includes: '_includes', data: '_data' },
    templateFormats: ['11ty.ts'],
    pathPrefix: site.pathPrefix,
  };
}
