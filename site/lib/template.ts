// Types shared by the TypeScript templates: Eleventy's `this` and the data every page receives.
import type { SiteFilters } from '../_config/filters.ts';
import type { SiteMetadata } from './site-metadata.ts';
import type { SiteModel } from './site-model.ts';

export interface EleventyPage {
  url: string;
  inputPath: string;
  fileSlug: string;
}

/**
 * `this` inside a template's `render`: the site filters. (Not `this.page`: Eleventy reuses one
 * instance per template, so it can be stale in layouts; use the `page` in the data instead.)
 */
export type TemplateContext = SiteFilters;

/** Global data: the site metadata and the content model. */
export interface SiteData {
  site: SiteMetadata;
  model: SiteModel;
  page: EleventyPage;
}

/** What each page tells the base layout about itself. */
export interface PageFields {
  title: string;
  /** One sentence for search engines and link previews. */
  description: string;
  /**
   * Where the page's content comes from: repository paths of files, or folders ending in "/".
   * The first one is named in feedback and opened by "Suggest an edit".
   */
  sources: string[];
  /** Navigation entry to mark as current. */
  section?: string;
  /** Scripts (site paths) the page needs; most pages need none. */
  scripts?: string[];
  /** Leave the page out of the search index (404, search itself). */
  unsearchable?: boolean;
  /** Extra class on <main> for page-specific layout. */
  mainClass?: string;
}

export type LayoutData = SiteData & PageFields & { content: string };
